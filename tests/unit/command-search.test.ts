import { beforeAll, describe, expect, it } from 'vitest';
import {
  createCommandSearch,
  loadPinyin,
  searchCommands,
  type PinyinEngine,
} from '../../shared/a11y/command-search';

interface Command {
  readonly id: string;
  readonly texts: readonly string[];
}

const commands: Command[] = [
  { id: 'go.tickets', texts: ['Go to Tickets', '转到工单'] },
  { id: 'go.live', texts: ['Go to Live', '转到直播'] },
  { id: 'go.shifts', texts: ['Go to Shifts', '转到班次'] },
  { id: 'sign-out', texts: ['Sign out', '退出登录'] },
  { id: 'tickets.settings', texts: ['Ticket settings', '工单设置'] },
  { id: 'notes.focus', texts: ['Focus team notes', '聚焦团队留言'] },
];

let engine: PinyinEngine;
beforeAll(async () => {
  engine = await loadPinyin();
});

const ids = (query: string): string[] =>
  searchCommands(commands, query, (c) => c.texts, engine).map((c) => c.id);

describe('command search', () => {
  it('returns everything, in order, for an empty or blank query', () => {
    expect(ids('')).toEqual(commands.map((c) => c.id));
    expect(ids('   ')).toEqual(commands.map((c) => c.id));
  });

  it('finds Chinese labels by pinyin initials', () => {
    expect(ids('gd')).toEqual(['tickets.settings', 'go.tickets']);
    expect(ids('zdzb')).toEqual(['go.live']);
  });

  it('finds Chinese labels by full pinyin, with or without spaces, and by mixed syllables', () => {
    expect(ids('gongdan')).toEqual(['tickets.settings', 'go.tickets']);
    expect(ids('gong dan')).toEqual(['tickets.settings', 'go.tickets']);
    expect(ids('gongd')).toEqual(['tickets.settings', 'go.tickets']);
    expect(ids('zhibo')).toEqual(['go.live']);
  });

  it('finds Chinese labels by their characters', () => {
    expect(ids('工单')).toEqual(['tickets.settings', 'go.tickets']);
    expect(ids('留言')).toEqual(['notes.focus']);
  });

  it('finds English labels case-insensitively, word prefixes before inner matches', () => {
    expect(ids('tick')).toEqual(['tickets.settings', 'go.tickets']);
    expect(ids('TICKETS')).toEqual(['go.tickets']);
    expect(ids('out')).toEqual(['sign-out']);
    expect(ids('ift')).toEqual(['go.shifts']);
  });

  it('ranks prefix matches first, then word prefixes, then inner matches', () => {
    const items: Command[] = [
      { id: 'inside', texts: ['Restart scanning'] },
      { id: 'word', texts: ['Open start menu'] },
      { id: 'prefix', texts: ['Start shift'] },
    ];
    expect(searchCommands(items, 'start', (c) => c.texts).map((c) => c.id)).toEqual([
      'prefix',
      'word',
      'inside',
    ]);
  });

  it('finds nothing for a query that matches no label', () => {
    expect(ids('xyzzy')).toEqual([]);
    expect(ids('qq')).toEqual([]);
  });

  it('keeps one index for repeated searches', () => {
    const index = createCommandSearch(commands, (c) => c.texts, engine);
    expect(index.search('g').map((c) => c.id)).toContain('go.live');
    expect(index.search('tuichu').map((c) => c.id)).toEqual(['sign-out']);
  });
});

describe('command search before pinyin has loaded', () => {
  const plain = (query: string): string[] => searchCommands(commands, query, (c) => c.texts).map((c) => c.id);

  it('still finds labels by their own text, English and Chinese', () => {
    expect(plain('tick')).toEqual(['tickets.settings', 'go.tickets']);
    expect(plain('工单')).toEqual(['tickets.settings', 'go.tickets']);
    expect(plain('')).toEqual(commands.map((c) => c.id));
  });

  it('finds nothing by pinyin until the engine is given', () => {
    expect(plain('gd')).toEqual([]);
    expect(plain('zhibo')).toEqual([]);
    expect(ids('gd')).toEqual(['tickets.settings', 'go.tickets']);
  });
});
