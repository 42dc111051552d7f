import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n';
import { jumpVocabulary } from '../../renderer/app/router/jump-vocabulary';
import { routesForQuery } from '../../renderer/app/router/jumps';
import { formatRoute } from '../../renderer/app/router/routes';

// The vocabulary the shell builds, from the real locales of both languages.
const vocab = jumpVocabulary(createI18n('en'));
const hashes = (query: string) => routesForQuery(query, vocab).map(formatRoute);

describe('typed jumps in the command palette', () => {
  it('reads an address typed as it is, with or without its #', () => {
    expect(hashes('#/tickets/42')).toEqual(['#/tickets/42']);
    expect(hashes('/live/spring-sale')).toEqual(['#/live/spring-sale']);
    expect(hashes('#/shifts/2026-w49')).toEqual(['#/shifts/2026-W49']);
    expect(hashes('#/settings/timing')).toEqual(['#/settings/timing']);
    expect(hashes('#/employer')).toEqual(['#/employer']);
  });

  it('reads a ticket number after its word, in English or Chinese, spaced or not', () => {
    for (const query of ['ticket 42', 'Tickets 42', 'ticket #42', '工单 42', '工单42', '  工单   42 ', '#42'])
      expect(hashes(query), query).toEqual(['#/tickets/42']);
  });

  it('reads digits typed full-width through a Chinese IME', () => {
    expect(hashes('工单 ４２')).toEqual(['#/tickets/42']);
    expect(hashes('＃４２')).toEqual(['#/tickets/42']);
  });

  it('reads a week on its own or after its word', () => {
    for (const query of [
      '2026-W49',
      '2026w49',
      'week 2026-W49',
      'shifts 2026-W49',
      '班次 2026-W49',
      '周 2026-W49',
    ])
      expect(hashes(query), query).toEqual(['#/shifts/2026-W49']);
    expect(hashes('2026-W3')).toEqual(['#/shifts/2026-W03']);
  });

  it('reads a room, making its slug the way its address does', () => {
    expect(hashes('live spring-sale')).toEqual(['#/live/spring-sale']);
    expect(hashes('room Spring Sale')).toEqual(['#/live/spring-sale']);
    expect(hashes('直播间 spring-sale')).toEqual(['#/live/spring-sale']);
    expect(hashes('直播 a1')).toEqual(['#/live/a1']);
  });

  it('reads employer views and settings tabs by their names in either language', () => {
    expect(hashes('employer quota')).toEqual(['#/employer/quota']);
    expect(hashes('雇主 配额报告')).toEqual(['#/employer/quota']);
    expect(hashes('employer t')).toEqual(['#/employer/timesheets']);
    expect(hashes('settings scan timing')).toEqual(['#/settings/timing']);
    expect(hashes('设置 键盘')).toEqual(['#/settings/keyboard']);
    expect(hashes('settings key')).toEqual(['#/settings/keyboard', '#/settings/shortcuts']);
  });

  it('names nothing for ordinary searches, bad numbers, bad weeks or junk', () => {
    const none = [
      '',
      '   ',
      'gd',
      'tick',
      'ticket',
      'tickets',
      'ticketing 4',
      'ticket 0',
      'ticket 042',
      'ticket 4.2',
      'ticket abc',
      'livestream x',
      'live --',
      '2025-W53',
      '2026-W00',
      'week 49',
      'employer payroll',
      'settings nope',
      '#/tickets/0',
      '#/nope',
      'go to',
      '工单',
    ];
    for (const query of none) expect(hashes(query), query).toEqual([]);
  });
});
