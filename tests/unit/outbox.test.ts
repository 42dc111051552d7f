import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { NotSentEntry, NotSentReason, OutboxEntry, OutboxList } from '../../shared/bridge/outbox';
import type { AckError } from '../../shared/protocol/ack';
import type { OutboxClock, OutboxPolicy, OutboxStorage, Send, SendOutcome } from '../../shared/domain/outbox';
import { backoffDelay, defaultOutboxPolicy, lanesOf, OutboxSender } from '../../shared/domain/outbox';

/** The host's outbox in memory, with the same rules: attempts counted on disk, not-sent kept. */
class MemoryOutbox implements OutboxStorage {
  pending: OutboxEntry[] = [];
  notSentList: NotSentEntry[] = [];
  constructor(private readonly clock: FakeClock) {}
  // Deliberately unordered: the sender, not the storage, must keep creation order within a lane.
  list(): Promise<OutboxList> {
    return Promise.resolve({ pending: [...this.pending].reverse(), notSent: [...this.notSentList] });
  }
  attempted(id: string): Promise<number> {
    const e = this.pending.find((p) => p.id === id);
    if (!e) return Promise.resolve(0);
    e.attempts += 1;
    return Promise.resolve(e.attempts);
  }
  delivered(id: string): Promise<void> {
    this.pending = this.pending.filter((p) => p.id !== id);
    return Promise.resolve();
  }
  notSent(id: string, reason: NotSentReason): Promise<void> {
    const e = this.pending.find((p) => p.id === id);
    if (e) this.notSentList.push({ ...e, reason, failedAt: this.clock.now() });
    this.pending = this.pending.filter((p) => p.id !== id);
    return Promise.resolve();
  }
}

/** Time moves only when the test says so; timers fire in order as it passes them. */
class FakeClock implements OutboxClock {
  private t = 1_800_000_000_000;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
  rolls: number[] = [];
  now = () => this.t;
  setTimeout = (run: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, run, id });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };
  random = (): number => this.rolls.shift() ?? 0.5;
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.run();
      await settle();
    }
    this.t = end;
    await settle();
  }
  get waiting(): number {
    return this.timers.length;
  }
}

/** Lets promise chains inside the sender run to their end (no timers involved). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

const policy = (over: Partial<OutboxPolicy> = {}): OutboxPolicy => ({
  ...defaultOutboxPolicy,
  validate: () => null,
  ...over,
});

let seq = 0;
function entry(clock: FakeClock, body: string, lane = 'team', over: Partial<OutboxEntry> = {}): OutboxEntry {
  const id = uuidv7();
  return {
    id,
    seq: ++seq,
    event: 'team.post',
    payload: { id, body },
    lane,
    typed: body,
    draftKey: 'team.note',
    createdAt: clock.now(),
    attempts: 0,
    ...over,
  };
}

const bodyOf = (e: OutboxEntry): string => String(e.payload.body);
const error = (code: AckError['code']): SendOutcome => ({ kind: 'rejected', error: { code, message: code } });

function rig(send: Send, over: Partial<OutboxPolicy> = {}) {
  const clock = new FakeClock();
  const storage = new MemoryOutbox(clock);
  const delivered: string[] = [];
  const refused: { body: string; reason: NotSentReason }[] = [];
  const changes: OutboxList[] = [];
  const sender = new OutboxSender(storage, send, policy(over), clock, {
    delivered: (e) => delivered.push(bodyOf(e)),
    notSent: (e, reason) => refused.push({ body: bodyOf(e), reason }),
    changed: (list) => changes.push(list),
  });
  return { clock, storage, sender, delivered, refused, changes };
}

describe('backoffDelay', () => {
  it('doubles from the base, with jitter between half and all of it, up to the cap', () => {
    const p = { baseDelayMs: 1000, maxDelayMs: 60_000 };
    expect(backoffDelay(1, p, 0)).toBe(500);
    expect(backoffDelay(1, p, 0.999999)).toBe(1000);
    expect(backoffDelay(3, p, 0)).toBe(2000);
    expect(backoffDelay(3, p, 0.999999)).toBe(4000);
    expect(backoffDelay(20, p, 0.999999)).toBe(60_000);
    expect(backoffDelay(1_000_000, p, 0)).toBe(30_000);
  });
});

describe('lanesOf', () => {
  it('groups by lane and orders each lane by id (creation time)', () => {
    const clock = new FakeClock();
    const a1 = entry(clock, 'a1', 'a');
    const b1 = entry(clock, 'b1', 'b');
    const a2 = entry(clock, 'a2', 'a');
    // Ids of one millisecond from two windows need not sort; the host's queue order decides.
    const lanes = lanesOf([{ ...a2, id: '00000000-0000-7000-8000-000000000000' }, b1, a1]);
    expect([...lanes.keys()].sort()).toEqual(['a', 'b']);
    expect(lanes.get('a')?.map(bodyOf)).toEqual(['a1', 'a2']);
    expect(lanes.get('b')?.map(bodyOf)).toEqual(['b1']);
  });
});

describe('OutboxSender', () => {
  it('sends each lane in the order it was queued and removes what was acked', async () => {
    const sent: string[] = [];
    const r = rig((e) => {
      sent.push(bodyOf(e));
      return Promise.resolve({ kind: 'acked', data: {} });
    });
    for (const b of ['a', 'b', 'c']) r.storage.pending.push(entry(r.clock, b));
    await r.sender.refresh();
    await settle();
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(r.delivered).toEqual(['a', 'b', 'c']);
    expect(r.storage.pending).toEqual([]);
    expect(r.sender.pending).toEqual([]);
  });

  it('does not let a lane that keeps failing hold back another lane', async () => {
    const sent: string[] = [];
    const r = rig((e) => {
      sent.push(bodyOf(e));
      return Promise.resolve(e.lane === 'stuck' ? error('unavailable') : { kind: 'acked', data: {} });
    });
    r.storage.pending.push(entry(r.clock, 'stuck-1', 'stuck'), entry(r.clock, 'stuck-2', 'stuck'));
    r.storage.pending.push(entry(r.clock, 'clock-in', 'shift'), entry(r.clock, 'note', 'team'));
    await r.sender.refresh();
    await settle();
    expect(r.delivered.sort()).toEqual(['clock-in', 'note']);
    // Order within the stuck lane holds: its second entry waits behind the first.
    expect(sent.filter((s) => s.startsWith('stuck'))).toEqual(['stuck-1']);
  });

  it('retries a transient failure on a timer with growing delays, then keeps it as not sent', async () => {
    const times: number[] = [];
    const r = rig(
      () => {
        times.push(r.clock.now());
        return Promise.resolve(error('internal'));
      },
      { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 10_000 },
    );
    r.clock.rolls = [1 - 1e-9, 1 - 1e-9, 1 - 1e-9, 1 - 1e-9];
    r.storage.pending.push(entry(r.clock, 'hello'));
    await r.sender.refresh();
    await settle();
    // No reconnect and no new entry: the timer alone brings every retry.
    await r.clock.advance(60_000);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(gaps).toEqual([1000, 2000, 4000]);
    expect(r.refused).toEqual([{ body: 'hello', reason: { code: 'gave_up', message: 'internal' } }]);
    expect(r.storage.notSentList.map((e) => e.typed)).toEqual(['hello']);
    expect(r.clock.waiting).toBe(0);
  });

  it('keeps a refused command as not sent with its error, and goes on with the lane', async () => {
    const r = rig((e) =>
      Promise.resolve(bodyOf(e) === 'bad' ? error('forbidden') : { kind: 'acked', data: {} }),
    );
    r.storage.pending.push(entry(r.clock, 'bad'), entry(r.clock, 'good'));
    await r.sender.refresh();
    await settle();
    expect(r.refused).toEqual([{ body: 'bad', reason: { code: 'forbidden', message: 'forbidden' } }]);
    expect(r.delivered).toEqual(['good']);
    expect(r.sender.notSent.map((e) => e.typed)).toEqual(['bad']);
    expect(r.changes.at(-1)?.notSent.map((e) => e.typed)).toEqual(['bad']);
  });

  it('counts no attempt while unreachable, and goes again on wake', async () => {
    let online = false;
    const r = rig(() => Promise.resolve(online ? { kind: 'acked', data: {} } : { kind: 'unreachable' }));
    r.storage.pending.push(entry(r.clock, 'offline note'));
    await r.sender.refresh();
    await settle();
    await r.clock.advance(24 * 60 * 60 * 1000);
    expect(r.storage.pending[0]?.attempts).toBe(0);
    expect(r.delivered).toEqual([]);
    online = true;
    r.sender.wake();
    await settle();
    expect(r.delivered).toEqual(['offline note']);
  });

  it('waits for the next sign-in when the session ended, instead of refusing the entry', async () => {
    const r = rig(() => Promise.resolve(error('unauthorized')));
    r.storage.pending.push(entry(r.clock, 'after expiry'));
    await r.sender.refresh();
    await settle();
    expect(r.refused).toEqual([]);
    expect(r.storage.pending).toHaveLength(1);
  });

  it('counts a timeout as a transient failure', async () => {
    const r = rig(() => Promise.resolve({ kind: 'timeout' }), { maxAttempts: 2 });
    r.storage.pending.push(entry(r.clock, 'slow'));
    await r.sender.refresh();
    await settle();
    expect(r.storage.pending[0]?.attempts).toBe(1);
    await r.clock.advance(10_000);
    expect(r.refused.map((x) => x.reason.code)).toEqual(['gave_up']);
  });

  it('puts an entry that no longer parses into not sent instead of sending it', async () => {
    const sent: string[] = [];
    const r = rig(
      (e) => {
        sent.push(bodyOf(e));
        return Promise.resolve({ kind: 'acked', data: {} });
      },
      {
        validate: (e) =>
          bodyOf(e) === 'old shape' ? { code: 'outdated', message: 'not a valid team.post' } : null,
      },
    );
    r.storage.pending.push(entry(r.clock, 'old shape'), entry(r.clock, 'fine'));
    await r.sender.refresh();
    await settle();
    expect(sent).toEqual(['fine']);
    expect(r.refused.map((x) => [x.body, x.reason.code])).toEqual([['old shape', 'outdated']]);
  });

  it('does not send what waited longer than the hub remembers ids', async () => {
    const sent: string[] = [];
    const r = rig((e) => {
      sent.push(bodyOf(e));
      return Promise.resolve({ kind: 'acked', data: {} });
    });
    const old = entry(r.clock, 'last week', 'team', {
      createdAt: r.clock.now() - defaultOutboxPolicy.maxAgeMs - 1,
    });
    r.storage.pending.push(old);
    await r.sender.refresh();
    await settle();
    expect(sent).toEqual([]);
    expect(r.refused.map((x) => x.reason.code)).toEqual(['expired']);
  });

  it('keeps at most maxLanesInFlight lanes sending at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const r = rig(
      () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        return new Promise((resolve) =>
          release.push(() => {
            inFlight--;
            resolve({ kind: 'acked', data: {} });
          }),
        );
      },
      { maxLanesInFlight: 2 },
    );
    for (let i = 0; i < 6; i++) r.storage.pending.push(entry(r.clock, `m${i}`, `lane${i}`));
    await r.sender.refresh();
    while (release.length > 0 || r.delivered.length < 6) {
      const next = release.shift();
      if (!next) {
        await settle();
        continue;
      }
      next();
      await settle();
    }
    expect(peak).toBe(2);
    expect(r.delivered).toHaveLength(6);
  });

  it('survives the host not answering: the entry stays and its lane tries again later', async () => {
    let hostDown = true;
    const sent: string[] = [];
    const r = rig((e) => {
      sent.push(bodyOf(e));
      return Promise.resolve({ kind: 'acked', data: {} });
    });
    const realDelivered = r.storage.delivered.bind(r.storage);
    r.storage.delivered = (id) => (hostDown ? Promise.reject(new Error('host gone')) : realDelivered(id));
    r.storage.pending.push(entry(r.clock, 'x'));
    await r.sender.refresh();
    await settle();
    expect(r.storage.pending).toHaveLength(1);
    hostDown = false;
    await r.clock.advance(5_000);
    expect(r.storage.pending).toHaveLength(0);
    // Sent twice: safe, the hub answers the repeat of an id with its first answer.
    expect(sent).toEqual(['x', 'x']);
  });

  it('does not send again an entry that a read of the disk, overtaken by its ack, still shows waiting', async () => {
    const sent: string[] = [];
    let answer: (outcome: SendOutcome) => void = () => undefined;
    const r = rig((e) => {
      sent.push(bodyOf(e));
      return new Promise((resolve) => (answer = resolve));
    });
    r.storage.pending.push(entry(r.clock, 'once'));
    await r.sender.refresh();
    await settle();
    expect(sent).toEqual(['once']);

    // The host says the outbox changed (another window queued something): a read starts, and is slow.
    const realList = r.storage.list.bind(r.storage);
    let release: () => void = () => undefined;
    let slowReads = 1;
    r.storage.list = () => {
      const snapshot = realList();
      if (slowReads-- <= 0) return snapshot;
      return new Promise((resolve) => (release = () => resolve(snapshot)));
    };
    const refreshed = r.sender.refresh();
    await settle();
    // The ack lands while that read is on its way; the read's answer still lists the entry as waiting.
    answer({ kind: 'acked', data: {} });
    await settle();
    release();
    await refreshed;
    await settle();
    expect(sent).toEqual(['once']);
    expect(r.delivered).toEqual(['once']);
    expect(r.sender.pending).toEqual([]);
  });

  it('lists a refused entry once, when the host\'s "changed" read lands before the refusal is noted', async () => {
    const r = rig(() => Promise.resolve(error('forbidden')));
    // The host says the outbox changed as it writes the refusal, and the page reads the list at once.
    const realNotSent = r.storage.notSent.bind(r.storage);
    r.storage.notSent = async (id, reason) => {
      await realNotSent(id, reason);
      void r.sender.refresh();
    };
    r.storage.pending.push(entry(r.clock, 'refused'));
    await r.sender.refresh();
    await settle();
    expect(r.sender.notSent.map(bodyOf)).toEqual(['refused']);
    expect(r.refused.map((x) => x.body)).toEqual(['refused']);
  });

  it('stops: no timers left, nothing more sent', async () => {
    const r = rig(() => Promise.resolve(error('unavailable')));
    r.storage.pending.push(entry(r.clock, 'x'));
    await r.sender.refresh();
    await settle();
    expect(r.clock.waiting).toBe(1);
    r.sender.stop();
    expect(r.clock.waiting).toBe(0);
  });
});
