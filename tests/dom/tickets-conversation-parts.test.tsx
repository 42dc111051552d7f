import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { scanCost } from '../../shared/a11y/scan-cost';
import type { ScanNode } from '../../shared/a11y/scan-tree';
import type { CannedReply, TicketMessage } from '../../shared/protocol';
import { useActions, type RegisteredAction } from '../../renderer/a11y/keyboard/actions';
import { useCannedPhrases } from '../../renderer/a11y/text-entry/canned-phrases';
import {
  insertAtCaret,
  matchShortcut,
  replaceShortcut,
  shortcutAt,
} from '../../renderer/tickets/conversation/canned-shortcut';
import { writtenSince } from '../../renderer/tickets/conversation/collision';
import { ConversationPane } from '../../renderer/tickets/conversation/ConversationPane';
import {
  conversationsStore,
  maxKeptConversations,
} from '../../renderer/tickets/conversation/conversations-store';
import { parseSnoozeField, snoozeUntil } from '../../renderer/tickets/conversation/snooze-presets';
import { call, expectOk, signIn } from '../support/hub-client';
import { signedInDesk } from './support/signed-in';

const canned = (id: number, shortcut: string, body = `body ${shortcut}`): CannedReply => ({
  id,
  ownerId: null,
  shortcut,
  title: `title ${shortcut}`,
  body,
  locale: 'zh-CN',
  updatedAt: 0,
});

const message = (
  seq: number,
  kind: TicketMessage['kind'],
  author: TicketMessage['author'],
): TicketMessage => ({
  seq,
  commandId: null,
  kind,
  author,
  body: `m${seq}`,
  event: null,
  attachment: null,
  createdAt: 0,
});

describe('canned shortcuts in the reply box', () => {
  const list = [canned(1, '/wl'), canned(2, '/wlyc'), canned(3, '/refund'), canned(4, '/发票')];

  it('finds the shortcut right before the caret, at the start or after a space or line break', () => {
    expect(shortcutAt('/wl', 3)).toEqual({ start: 0, end: 3, typed: '/wl' });
    expect(shortcutAt('好的 /re', 6)).toEqual({ start: 3, end: 6, typed: '/re' });
    expect(shortcutAt('第一行\n/发票', 7)).toEqual({ start: 4, end: 7, typed: '/发票' });
    // Inside a word, or a URL, is not a shortcut.
    expect(shortcutAt('http://a/wl', 11)).toBeNull();
    expect(shortcutAt('/wl then', 8)).toBeNull();
  });

  it('takes an exact shortcut first, else the only one a prefix starts, else none', () => {
    expect(matchShortcut('/wl', list)?.id).toBe(1);
    expect(matchShortcut('/WL', list)?.id).toBe(1);
    expect(matchShortcut('/wly', list)?.id).toBe(2);
    expect(matchShortcut('/ref', list)?.id).toBe(3);
    expect(matchShortcut('/w', list)).toBeNull();
    expect(matchShortcut('/x', list)).toBeNull();
  });

  it('replaces the typed shortcut or inserts at the caret, and says where the caret goes', () => {
    const at = shortcutAt('你好 /wl', 6);
    if (!at) throw new Error('no shortcut');
    expect(replaceShortcut('你好 /wl', at, '已发货')).toEqual({ text: '你好 已发货', caret: 6 });
    expect(insertAtCaret('', 0, '已发货')).toEqual({ text: '已发货', caret: 3 });
    expect(insertAtCaret('好的', 2, '已发货')).toEqual({ text: '好的 已发货', caret: 6 });
    expect(insertAtCaret('好的\n', 3, '已发货')).toEqual({ text: '好的\n已发货', caret: 6 });
  });
});

describe('what blocks a reply', () => {
  it('is what the customer or a colleague wrote after the basis, never the agent’s own nor events', () => {
    const me = { kind: 'agent', id: 7, name: 'me' } as const;
    const items = [
      message(1, 'message', { kind: 'customer', id: null, name: 'c' }),
      message(2, 'message', me),
      message(3, 'event', { kind: 'system', id: null, name: '' }),
      message(4, 'note', { kind: 'agent', id: 8, name: 'colleague' }),
      message(5, 'message', me),
      message(6, 'message', { kind: 'customer', id: null, name: 'c' }),
    ];
    expect(writtenSince(items, 1, 7).map((m) => m.seq)).toEqual([4, 6]);
    expect(writtenSince(items, 4, 7).map((m) => m.seq)).toEqual([6]);
    expect(writtenSince(items, 6, 7)).toEqual([]);
  });
});

describe('snooze times', () => {
  const now = new Date(2026, 11, 1, 22, 40).getTime();

  it('counts presets from now, and tomorrow 9:00 in local time', () => {
    expect(snoozeUntil('oneHour', now) - now).toBe(3_600_000);
    expect(snoozeUntil('fourHours', now) - now).toBe(4 * 3_600_000);
    expect(new Date(snoozeUntil('tomorrowMorning', now))).toEqual(new Date(2026, 11, 2, 9, 0));
  });

  it('checks a typed date and time as the hub will: real, ahead, at most 90 days', () => {
    expect(parseSnoozeField('2026-12-03T08:15', now)).toEqual({
      ok: true,
      until: new Date(2026, 11, 3, 8, 15).getTime(),
    });
    expect(parseSnoozeField('', now)).toEqual({ ok: false, reason: 'empty' });
    expect(parseSnoozeField('2026-02-31T09:00', now)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseSnoozeField('2026-12-01T22:00', now)).toEqual({ ok: false, reason: 'past' });
    expect(parseSnoozeField('2027-06-01T09:00', now)).toEqual({ ok: false, reason: 'tooFar' });
  });
});

describe('a suggestion’s two buttons, by the scan-cost model', () => {
  /** The reply area as the scanner meets it: the suggestions group (three suggestions, two buttons each), then the box. */
  function replyArea(sendFirst: boolean): ScanNode {
    const suggestion = (i: number): ScanNode => {
      const send: ScanNode = { id: `send${i}`, kind: 'item', label: 'Send', children: [] };
      const insert: ScanNode = { id: `insert${i}`, kind: 'item', label: 'Insert', children: [] };
      return {
        id: `s${i}`,
        kind: 'group',
        label: `Suggestion ${i}`,
        children: sendFirst ? [send, insert] : [insert, send],
      };
    };
    return {
      id: 'root',
      kind: 'region',
      label: '',
      children: [
        { id: 'suggested', kind: 'group', label: 'Suggested replies', children: [1, 2, 3].map(suggestion) },
        { id: 'reply', kind: 'item', label: 'Reply', children: [] },
        { id: 'sendReply', kind: 'item', label: 'Send reply', children: [] },
      ],
    };
  }

  it('costs one highlight less to send with Send first, in group and in linear scanning', () => {
    for (const mode of ['group', 'linear'] as const) {
      const first = scanCost(replyArea(true))[mode].perItem;
      const second = scanCost(replyArea(false))[mode].perItem;
      for (const i of [1, 2, 3]) {
        expect(first.get(`send${i}`)).toBe((second.get(`send${i}`) ?? 0) - 1);
      }
    }
  });
});

describe('the conversations of a session', { timeout: 30_000 }, () => {
  const desk = signedInDesk('agent');

  it('keeps the last few opened, never drops the one on screen, and disposes the rest', () => {
    const store = desk.session.store(conversationsStore);
    const shown = store.get(1000);
    const close = shown.open();
    for (let id = 1001; id <= 1000 + maxKeptConversations + 2; id++) store.get(id);
    expect(store.keptIds).toHaveLength(maxKeptConversations);
    expect(store.keptIds).toContain(1000);
    expect(store.keptIds).not.toContain(1001);
    // Asked for again, the one on screen is the same store, with what it already knew.
    expect(store.get(1000)).toBe(shown);
    close();
  });

  it('offers the canned replies to the on-screen keyboard while the reply box shows, and registers its palette actions', async () => {
    const agent = await signIn(desk.ws.hub.hub.url, 'agent', 'wings-demo');
    let ticketId: number;
    try {
      ticketId = expectOk(await call(agent, 'tickets.list', { view: 'all', limit: 1 })).items[0]?.id ?? 0;
    } finally {
      agent.close();
    }
    let offered: readonly string[] = [];
    let actions: readonly RegisteredAction[] = [];
    function Probe() {
      offered = useCannedPhrases('ticket-reply');
      actions = useActions();
      return null;
    }
    const view = desk.render(
      <>
        <ConversationPane ticketId={ticketId} focusRequest={0} />
        <Probe />
      </>,
    );
    await screen.findByRole('textbox', { name: 'Reply' }, { timeout: 5_000 });
    await waitFor(() => expect(offered.length).toBeGreaterThan(10));
    // Filled for this conversation: the agent's name is in, not the braces.
    expect(offered.some((text) => text.includes(desk.session.user.displayName))).toBe(true);
    expect(offered.some((text) => text.includes('{agent.name}'))).toBe(false);

    const insert = actions.find((a) => a.id === 'tickets.reply.canned');
    expect(insert?.label).toBe('Insert a canned reply');
    expect(insert?.defaultBindings).toEqual(['Alt+C', 'F8 C']);
    act(() => insert?.run());
    expect(await screen.findByRole('dialog', { name: 'Canned replies' })).toBeVisible();
    expect(screen.getByRole('searchbox', { name: 'Search canned replies' })).toHaveFocus();

    view.unmount();
    expect(offered.length).toBeGreaterThan(0);
    // Unmounted, nothing reads it; a fresh read shows the set withdrawn.
    const after = desk.render(<Probe />);
    expect(offered).toEqual([]);
    after.unmount();
  });
});
