import { describe, expect, it, vi } from 'vitest';
import type { Ack, ErrorCode } from '../../shared/protocol/ack';
import { fail, invalidInput, ok } from '../../shared/protocol/ack';
import type { StreamPage, StreamPageInput } from '../../shared/protocol/stream';
import { streamPageInput } from '../../shared/protocol/stream';
import { StreamFeed, type StreamSource } from '../../renderer/net/stream-feed';

interface Note {
  seq: number;
  body: string;
}
const note = (seq: number): Note => ({ seq, body: `note ${seq}` });
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * A stream store answering pages as the protocol says (shared/protocol/stream.ts):
 * input checked with the same schema; the newest `limit` when neither seq is
 * given, the `limit` just before `beforeSeq`, or the first `limit` after
 * `afterSeq`; items ascending; `lastSeq` the stream's newest seq. Pushes only
 * reach the feed when the test delivers them, as a real socket may drop one.
 */
class FakeStream implements StreamSource<Note> {
  connected = true;
  readonly asked: StreamPageInput[] = [];
  private readonly notes: Note[] = [];
  private readonly itemHandlers = new Set<(item: Note) => void>();
  private readonly connectListeners = new Set<() => void>();
  private failures: (ErrorCode | 'throw')[] = [];
  private gate: Promise<void> | null = null;

  constructor(count: number) {
    this.add(count);
  }

  get last(): number {
    return this.notes.at(-1)?.seq ?? 0;
  }

  /** Appends `n` notes to the store without pushing them (posted while we were away). */
  add(n: number): Note[] {
    const added = range(this.last + 1, this.last + n).map(note);
    this.notes.push(...added);
    return added;
  }
  /** Appends one note and pushes it. */
  post(): Note {
    const [added] = this.add(1);
    if (!added) throw new Error('nothing added');
    this.deliver(added);
    return added;
  }
  deliver(item: Note): void {
    for (const handler of [...this.itemHandlers]) handler(item);
  }
  reconnect(): void {
    for (const listener of [...this.connectListeners]) listener();
  }
  failNext(...outcomes: (ErrorCode | 'throw')[]): void {
    this.failures.push(...outcomes);
  }
  /** Answers wait until the returned release is called. */
  hold(): () => void {
    let release = (): void => undefined;
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = null;
      release();
    };
  }
  get listeners(): number {
    return this.itemHandlers.size + this.connectListeners.size;
  }

  async page(input: StreamPageInput): Promise<Ack<StreamPage<Note>>> {
    this.asked.push(input);
    // The answer is read when asked, as the hub queries on arrival; a held answer is late on the way back.
    const answer = this.answer(input);
    if (this.gate) await this.gate;
    if (answer === 'throw') throw new Error('socket gone');
    return answer;
  }
  private answer(input: StreamPageInput): Ack<StreamPage<Note>> | 'throw' {
    const failure = this.failures.shift();
    if (failure === 'throw') return failure;
    if (failure) return fail(failure, 'down');
    const parsed = streamPageInput.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    const { beforeSeq, afterSeq, limit = 50 } = parsed.data;
    let items: Note[];
    if (afterSeq !== undefined) items = this.notes.filter((n) => n.seq > afterSeq).slice(0, limit);
    else if (beforeSeq !== undefined) items = this.notes.filter((n) => n.seq < beforeSeq).slice(-limit);
    else items = this.notes.slice(-limit);
    return ok({ items, lastSeq: this.last });
  }
  onItem(handler: (item: Note) => void): () => void {
    this.itemHandlers.add(handler);
    return () => this.itemHandlers.delete(handler);
  }
  onConnected(listener: () => void): () => void {
    this.connectListeners.add(listener);
    return () => this.connectListeners.delete(listener);
  }
}

const seqs = (feed: StreamFeed<Note>) => feed.items.map((n) => n.seq);

async function started(stream: FakeStream, options = { pageSize: 50, keep: 500 }) {
  const feed = new StreamFeed(stream, options);
  const stop = feed.start();
  await feed.catchUp();
  return { feed, stop };
}

describe('StreamFeed', () => {
  it('opens with one request for the newest page', async () => {
    const stream = new FakeStream(10_000);
    const { feed } = await started(stream);
    expect(stream.asked).toEqual([{ limit: 50 }]);
    expect(seqs(feed)).toEqual(range(9_951, 10_000));
    expect(feed.loaded).toBe(true);
    expect(feed.hasOlder).toBe(true);
    expect(feed.error).toBeNull();
  });

  it('waits for the connection before the first load, then still asks once', async () => {
    const stream = new FakeStream(30);
    stream.connected = false;
    const feed = new StreamFeed(stream, { pageSize: 50, keep: 500 });
    feed.start();
    expect(stream.asked).toEqual([]);
    expect(feed.loaded).toBe(false);
    stream.connected = true;
    stream.reconnect();
    await feed.catchUp();
    expect(stream.asked).toEqual([{ limit: 50 }]);
    expect(seqs(feed)).toEqual(range(1, 30));
    expect(feed.hasOlder).toBe(false);
  });

  it('pages back with beforeSeq until there is nothing older', async () => {
    const stream = new FakeStream(120);
    const { feed } = await started(stream);
    let notified = 0;
    feed.subscribe(() => notified++);
    const first = feed.loadOlder();
    expect(feed.loadingOlder).toBe(true);
    expect(feed.loadOlder()).toBe(first);
    await first;
    expect(feed.loadingOlder).toBe(false);
    expect(seqs(feed)).toEqual(range(21, 120));
    expect(feed.hasOlder).toBe(true);
    await feed.loadOlder();
    expect(seqs(feed)).toEqual(range(1, 120));
    expect(feed.hasOlder).toBe(false);
    await feed.loadOlder();
    expect(stream.asked.slice(1)).toEqual([
      { beforeSeq: 71, limit: 50 },
      { beforeSeq: 21, limit: 50 },
    ]);
    expect(notified).toBeGreaterThan(0);
  });

  it('knows the start when the oldest page ends exactly on seq 1', async () => {
    const stream = new FakeStream(100);
    const { feed } = await started(stream);
    await feed.loadOlder();
    expect(seqs(feed)).toEqual(range(1, 100));
    expect(feed.hasOlder).toBe(false);
    expect(stream.asked).toHaveLength(2);
  });

  it('appends the next push and ignores a duplicate, with no request and a stable array', async () => {
    const stream = new FakeStream(3);
    const { feed } = await started(stream);
    const before = feed.items;
    const pushed = stream.post();
    expect(seqs(feed)).toEqual([1, 2, 3, 4]);
    expect(feed.items).not.toBe(before);
    const after = feed.items;
    let notified = 0;
    feed.subscribe(() => notified++);
    stream.deliver(pushed);
    feed.receive(pushed); // the same note, from our own ack
    stream.deliver(note(2));
    expect(feed.items).toBe(after);
    expect(notified).toBe(0);
    expect(stream.asked).toEqual([{ limit: 50 }]);
  });

  it('fills a gap of one with exactly that seq', async () => {
    const stream = new FakeStream(10);
    const { feed } = await started(stream);
    stream.add(1); // seq 11's push is lost
    stream.post();
    await feed.catchUp();
    expect(stream.asked.slice(1)).toEqual([{ afterSeq: 10, limit: 1 }]);
    expect(seqs(feed)).toEqual(range(1, 12));
  });

  it('fills a gap of 450 in pages of at most one page size, asking only for the missing seqs', async () => {
    const stream = new FakeStream(10);
    const { feed } = await started(stream, { pageSize: 200, keep: 1_000 });
    stream.add(450);
    stream.post(); // seq 461
    await feed.catchUp();
    expect(stream.asked.slice(1)).toEqual([
      { afterSeq: 10, limit: 200 },
      { afterSeq: 210, limit: 200 },
      { afterSeq: 410, limit: 50 },
    ]);
    expect(seqs(feed)).toEqual(range(1, 461));
  });

  it('keeps pushes that arrive while a gap is being fetched, and fills a second gap behind them', async () => {
    const stream = new FakeStream(10);
    const { feed } = await started(stream);
    const release = stream.hold();
    stream.add(2); // 11, 12 missed
    stream.post(); // 13: gap
    await vi.waitFor(() => expect(stream.asked).toHaveLength(2));
    stream.post(); // 14, held behind the gap
    stream.add(1); // 15 missed
    stream.post(); // 16
    stream.post(); // 17
    expect(seqs(feed)).toEqual(range(1, 10)); // nothing shown out of order
    release();
    await feed.catchUp();
    expect(stream.asked.slice(1)).toEqual([
      { afterSeq: 10, limit: 2 },
      { afterSeq: 14, limit: 1 },
    ]);
    expect(seqs(feed)).toEqual(range(1, 17));
  });

  it('places pushes that arrive before the newest page', async () => {
    const stream = new FakeStream(60);
    const release = stream.hold();
    const feed = new StreamFeed(stream, { pageSize: 50, keep: 500 });
    feed.start();
    stream.post(); // 61, pushed while the first page (read at 60) is on its way
    stream.add(1); // 62 missed
    stream.post(); // 63
    release();
    await feed.catchUp();
    expect(stream.asked).toEqual([{ limit: 50 }, { afterSeq: 61, limit: 1 }]);
    expect(seqs(feed)).toEqual(range(11, 63));
  });

  it('catches up after a reconnect from the last known seq, paging as far as needed', async () => {
    const stream = new FakeStream(50);
    const { feed } = await started(stream, { pageSize: 200, keep: 1_000 });
    stream.add(450); // posted while offline, never pushed
    stream.reconnect();
    await feed.catchUp();
    expect(stream.asked.slice(1)).toEqual([
      { afterSeq: 50, limit: 200 },
      { afterSeq: 250, limit: 200 },
      { afterSeq: 450, limit: 200 },
    ]);
    expect(seqs(feed)).toEqual(range(1, 500));

    stream.reconnect(); // nothing new: one request that finds nothing
    await feed.catchUp();
    expect(stream.asked.slice(4)).toEqual([{ afterSeq: 500, limit: 200 }]);
    expect(seqs(feed)).toEqual(range(1, 500));
  });

  it('answers a burst of reconnects during a catch-up with one more request, not one each', async () => {
    const stream = new FakeStream(5);
    const { feed } = await started(stream);
    const release = stream.hold();
    stream.add(3);
    stream.reconnect();
    await vi.waitFor(() => expect(stream.asked).toHaveLength(2));
    stream.reconnect();
    stream.reconnect();
    stream.post(); // 9, which the catch-up on its way already holds
    release();
    await feed.catchUp();
    expect(stream.asked.slice(1)).toEqual([
      { afterSeq: 5, limit: 50 },
      { afterSeq: 9, limit: 50 },
    ]);
    expect(seqs(feed)).toEqual(range(1, 9));
  });

  it('following the newest, drops the oldest past the cap and can page them back', async () => {
    const stream = new FakeStream(100);
    const { feed } = await started(stream, { pageSize: 50, keep: 60 });
    expect(feed.hasOlder).toBe(true);
    for (let i = 0; i < 15; i++) stream.post(); // 101..115
    expect(seqs(feed)).toEqual(range(56, 115));
    expect(feed.hasNewer).toBe(false);
    await feed.loadOlder(); // reading back now: the newest give way
    expect(stream.asked.at(-1)).toEqual({ beforeSeq: 56, limit: 50 });
    expect(seqs(feed)).toEqual(range(6, 65));
    expect(feed.hasNewer).toBe(true);
  });

  it('while reading back, keeps the worker’s page, counts new items and pages forward to them', async () => {
    const stream = new FakeStream(200);
    const { feed } = await started(stream, { pageSize: 50, keep: 120 });
    await feed.loadOlder(); // 101..200
    for (let i = 0; i < 20; i++) stream.post(); // 201..220 fill the window to 120
    expect(seqs(feed)).toEqual(range(101, 220));
    stream.post(); // 221: the window is full and the worker is reading back
    stream.post(); // 222
    expect(seqs(feed)).toEqual(range(101, 220));
    expect(feed.hasNewer).toBe(true);
    expect(feed.newerCount).toBe(2);

    await feed.loadOlder(); // 51..100; the newest drop instead of the worker's page
    expect(seqs(feed)).toEqual(range(51, 170));
    expect(feed.newerCount).toBe(52);
    stream.add(3); // 223..225 while offline
    stream.reconnect();
    await feed.catchUp();
    expect(stream.asked.at(-1)).toEqual({ afterSeq: 222, limit: 1 });
    expect(feed.newerCount).toBe(55);

    const asked = stream.asked.length;
    await feed.loadNewer();
    expect(seqs(feed)).toEqual(range(101, 220));
    await feed.loadNewer();
    await feed.catchUp();
    expect(stream.asked.slice(asked)).toEqual([
      { afterSeq: 170, limit: 50 },
      { afterSeq: 220, limit: 50 },
    ]);
    expect(seqs(feed)).toEqual(range(106, 225));
    expect(feed.hasNewer).toBe(false);
    stream.post(); // following again: the oldest goes
    expect(seqs(feed)).toEqual(range(107, 226));
  });

  it('reports a failed page, throws nothing, and clears the error on the next success', async () => {
    const stream = new FakeStream(5);
    stream.failNext('unavailable');
    const feed = new StreamFeed(stream, { pageSize: 50, keep: 500 });
    feed.start();
    await vi.waitFor(() => expect(feed.error).toBe('unavailable'));
    expect(feed.loaded).toBe(false);
    await feed.catchUp();
    expect(feed.error).toBeNull();
    expect(seqs(feed)).toEqual(range(1, 5));

    stream.add(2);
    stream.failNext('throw', 'rate_limited');
    stream.post(); // 8: the gap fetch throws
    await vi.waitFor(() => expect(feed.error).toBe('unavailable'));
    stream.post(); // 9: the next push asks again, and is refused
    await vi.waitFor(() => expect(feed.error).toBe('rate_limited'));
    expect(seqs(feed)).toEqual(range(1, 5));
    stream.reconnect();
    await feed.catchUp();
    expect(feed.error).toBeNull();
    expect(seqs(feed)).toEqual(range(1, 9));
    expect(stream.asked).toEqual([
      { limit: 50 },
      { limit: 50 },
      { afterSeq: 5, limit: 2 },
      { afterSeq: 5, limit: 2 },
      { afterSeq: 5, limit: 2 },
      { afterSeq: 9, limit: 50 },
    ]);
  });

  it('reports a failed older page and keeps the items', async () => {
    const stream = new FakeStream(80);
    const { feed } = await started(stream);
    stream.failNext('internal');
    await feed.loadOlder();
    expect(feed.error).toBe('internal');
    expect(seqs(feed)).toEqual(range(31, 80));
    expect(feed.hasOlder).toBe(true);
    await feed.loadOlder();
    expect(feed.error).toBeNull();
    expect(seqs(feed)).toEqual(range(1, 80));
  });

  it('stops: no pushes, no reconnects, and an answer on its way is dropped', async () => {
    const stream = new FakeStream(5);
    const { feed, stop } = await started(stream);
    const release = stream.hold();
    stream.add(1);
    stream.post(); // 7: a gap fetch goes out
    await vi.waitFor(() => expect(stream.asked).toHaveLength(2));
    stop();
    expect(stream.listeners).toBe(0);
    release();
    await feed.catchUp();
    stream.reconnect();
    stream.post();
    expect(seqs(feed)).toEqual(range(1, 5));
    expect(stream.asked).toHaveLength(2);

    feed.start(); // a later start picks up where it stopped
    stream.reconnect();
    await feed.catchUp();
    expect(seqs(feed)).toEqual(range(1, 8));
  });

  it('refuses options that cannot work', () => {
    const stream = new FakeStream(0);
    expect(() => new StreamFeed(stream, { pageSize: 201, keep: 500 })).toThrow(RangeError);
    expect(() => new StreamFeed(stream, { pageSize: 50, keep: 49 })).toThrow(RangeError);
  });
});
