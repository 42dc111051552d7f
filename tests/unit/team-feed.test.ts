import { describe, expect, it } from 'vitest';
import { fail, ok, type TeamMessage } from '../../shared/protocol';
import { TeamFeed, type TeamSource } from '../../renderer/app/team/team-feed';

const note = (seq: number): TeamMessage => ({
  seq,
  commandId: `c${seq}`,
  author: { id: 1, displayName: 'Wei' },
  body: `note ${seq}`,
  createdAt: 1_700_000_000_000 + seq,
});

/** A hub holding notes 1..last, answering team.history like the real one: ascending, after a seq, paged. */
function fakeHub(last: number) {
  const asked: (number | undefined)[] = [];
  let push: (payload: { stream: 'team'; message: TeamMessage }) => void = () => undefined;
  let connected: () => void = () => undefined;
  let failing = false;
  const source: TeamSource = {
    state: 'connected',
    request: async (_name, input) => {
      asked.push(input.afterSeq);
      if (failing) return fail('unavailable', 'down');
      const after = input.afterSeq ?? 0;
      const limit = input.limit ?? 50;
      const messages = [];
      for (let seq = after + 1; seq <= Math.min(last, after + limit); seq++) messages.push(note(seq));
      return ok({ items: messages, lastSeq: last });
    },
    onPush: (_name, handler) => {
      push = handler;
      return () => undefined;
    },
    onConnected: (listener) => {
      connected = listener;
      return () => undefined;
    },
  };
  return {
    source,
    asked,
    setLast: (n: number) => (last = n),
    setFailing: (f: boolean) => (failing = f),
    push: (seq: number) => push({ stream: 'team', message: note(seq) }),
    reconnect: () => connected(),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const seqs = (feed: TeamFeed) => feed.messages.map((m) => m.seq);

describe('TeamFeed', () => {
  it('loads the whole history page by page on start, oldest first', async () => {
    const hub = fakeHub(450);
    const feed = new TeamFeed(hub.source);
    feed.start();
    await settle();
    await feed.catchUp();
    expect(seqs(feed)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(hub.asked.slice(0, 3)).toEqual([undefined, 200, 400]);
  });

  it('appends the next push, ignores a repeat, and asks for the gap after a jump', async () => {
    const hub = fakeHub(3);
    const feed = new TeamFeed(hub.source);
    feed.start();
    await feed.catchUp();
    hub.asked.length = 0;

    hub.setLast(4);
    hub.push(4);
    hub.push(4);
    expect(seqs(feed)).toEqual([1, 2, 3, 4]);
    expect(hub.asked).toEqual([]);

    hub.setLast(7);
    hub.push(7); // 5 and 6 were missed
    await settle();
    await feed.catchUp();
    expect(hub.asked[0]).toBe(4);
    expect(seqs(feed)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('catches up after a reconnect and reports a failed catch-up until one succeeds', async () => {
    const hub = fakeHub(2);
    const feed = new TeamFeed(hub.source);
    feed.start();
    await feed.catchUp();

    hub.setLast(5);
    hub.setFailing(true);
    hub.reconnect();
    await settle();
    expect(feed.error).toBe('unavailable');
    expect(seqs(feed)).toEqual([1, 2]);

    hub.setFailing(false);
    hub.reconnect();
    await settle();
    await feed.catchUp();
    expect(feed.error).toBeNull();
    expect(seqs(feed)).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes our own acked note once, whether the ack or the push comes first', async () => {
    const hub = fakeHub(1);
    const feed = new TeamFeed(hub.source);
    feed.start();
    await feed.catchUp();
    feed.receive(note(2));
    hub.push(2);
    expect(seqs(feed)).toEqual([1, 2]);
  });
});
