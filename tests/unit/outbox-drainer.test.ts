import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { OutboxEntry } from '../../shared/bridge/outbox';
import type { AckError } from '../../shared/protocol/ack';
import type { OutboxStorage, SendOutcome } from '../../shared/domain/outbox';
import { OutboxDrainer } from '../../shared/domain/outbox';

class MemoryOutbox implements OutboxStorage {
  readonly entries = new Map<string, OutboxEntry>();
  put(entry: Omit<OutboxEntry, 'attempts'>): Promise<void> {
    if (!this.entries.has(entry.id)) this.entries.set(entry.id, { ...entry, attempts: 0 });
    return Promise.resolve();
  }
  // Deliberately unordered: the drainer, not the storage, must put entries in creation order.
  list(): Promise<OutboxEntry[]> {
    return Promise.resolve([...this.entries.values()].reverse());
  }
  markAttempted(id: string): Promise<void> {
    const e = this.entries.get(id);
    if (e) this.entries.set(id, { ...e, attempts: e.attempts + 1 });
    return Promise.resolve();
  }
  remove(id: string): Promise<void> {
    this.entries.delete(id);
    return Promise.resolve();
  }
}

const entry = (body: string): Omit<OutboxEntry, 'attempts'> => {
  const id = uuidv7();
  return {
    id,
    owner: 'http://127.0.0.1:4455#1',
    event: 'team.post',
    payload: { id, body },
    createdAt: Date.now(),
  };
};
const bodyOf = (e: OutboxEntry): string => String(e.payload.body);
const error = (code: AckError['code']): AckError => ({ code, message: code });

describe('OutboxDrainer', () => {
  it('sends in creation order and removes what was acked', async () => {
    const storage = new MemoryOutbox();
    const sent: string[] = [];
    const delivered: string[] = [];
    const drainer = new OutboxDrainer(
      storage,
      (e) => {
        sent.push(bodyOf(e));
        return Promise.resolve({ kind: 'acked', data: { n: sent.length } });
      },
      { delivered: (e) => delivered.push(bodyOf(e)) },
    );
    for (const b of ['a', 'b', 'c', 'd']) await drainer.enqueue(entry(b));
    await drainer.drain();
    expect(sent).toEqual(['a', 'b', 'c', 'd']);
    expect(delivered).toEqual(['a', 'b', 'c', 'd']);
    expect(storage.entries.size).toBe(0);
  });

  it('stops at an unreachable hub, keeps the entry and the ones after it, and resumes in order', async () => {
    const storage = new MemoryOutbox();
    let reachable = true;
    const sent: string[] = [];
    const drainer = new OutboxDrainer(storage, (e) => {
      sent.push(`${bodyOf(e)}#${e.attempts}`);
      if (bodyOf(e) === 'b' && reachable) {
        reachable = false;
        return Promise.resolve({ kind: 'unreachable' });
      }
      return Promise.resolve({ kind: 'acked', data: null });
    });
    for (const b of ['a', 'b', 'c']) await drainer.enqueue(entry(b));
    await drainer.drain();
    expect(sent).toEqual(['a#1', 'b#1']);
    expect([...storage.entries.values()].map(bodyOf).sort()).toEqual(['b', 'c']);
    await drainer.drain();
    expect(sent).toEqual(['a#1', 'b#1', 'b#2', 'c#1']);
    expect(storage.entries.size).toBe(0);
  });

  for (const code of ['unavailable', 'internal', 'rate_limited', 'unauthorized'] as const) {
    it(`treats ${code} as transient: stops and keeps the entry`, async () => {
      const storage = new MemoryOutbox();
      const rejected: string[] = [];
      let sends = 0;
      const drainer = new OutboxDrainer(
        storage,
        () => {
          sends += 1;
          return Promise.resolve({ kind: 'rejected', error: error(code) });
        },
        { rejected: (e) => rejected.push(bodyOf(e)) },
      );
      await drainer.enqueue(entry('a'));
      await drainer.enqueue(entry('b'));
      await drainer.drain();
      expect(sends).toBe(1);
      expect(rejected).toEqual([]);
      expect(storage.entries.size).toBe(2);
      expect([...storage.entries.values()].find((e) => bodyOf(e) === 'a')?.attempts).toBe(1);
    });
  }

  for (const code of ['invalid_input', 'forbidden', 'not_found', 'conflict'] as const) {
    it(`removes an entry refused with ${code}, reports it, and carries on`, async () => {
      const storage = new MemoryOutbox();
      const rejected: [string, string][] = [];
      const delivered: string[] = [];
      const drainer = new OutboxDrainer(
        storage,
        (e): Promise<SendOutcome> =>
          Promise.resolve(
            bodyOf(e) === 'bad' ? { kind: 'rejected', error: error(code) } : { kind: 'acked', data: 1 },
          ),
        {
          rejected: (e, err) => rejected.push([bodyOf(e), err.code]),
          delivered: (e) => delivered.push(bodyOf(e)),
        },
      );
      for (const b of ['a', 'bad', 'c']) await drainer.enqueue(entry(b));
      await drainer.drain();
      expect(rejected).toEqual([['bad', code]]);
      expect(delivered).toEqual(['a', 'c']);
      expect(storage.entries.size).toBe(0);
    });
  }

  it('shares one pass between concurrent drain calls and reruns once for late entries', async () => {
    const storage = new MemoryOutbox();
    const sent: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const drainer = new OutboxDrainer(storage, async (e) => {
      sent.push(bodyOf(e));
      if (bodyOf(e) === 'a') await gate;
      return { kind: 'acked', data: null };
    });
    await drainer.enqueue(entry('a'));
    const first = drainer.drain();
    const second = drainer.drain();
    expect(second).toBe(first);
    // Added while the first pass is blocked on 'a': picked up by the rerun, not lost.
    await drainer.enqueue(entry('b'));
    const third = drainer.drain();
    release();
    await Promise.all([first, second, third]);
    expect(sent).toEqual(['a', 'b']);
    expect(storage.entries.size).toBe(0);
    // Each entry was sent exactly once despite three drain calls.
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('reports the pending set on every change', async () => {
    const storage = new MemoryOutbox();
    const sizes: number[] = [];
    const drainer = new OutboxDrainer(storage, () => Promise.resolve({ kind: 'acked', data: null }), {
      changed: (pending) => sizes.push(pending.length),
    });
    await drainer.enqueue(entry('a'));
    await drainer.enqueue(entry('b'));
    await drainer.drain();
    expect(sizes).toEqual([1, 2, 1, 0]);
  });

  it('can drain again after a pass threw, and keeps the entry', async () => {
    const storage = new MemoryOutbox();
    let fail = true;
    const drainer = new OutboxDrainer(storage, () => {
      if (fail) return Promise.reject(new Error('transport exploded'));
      return Promise.resolve({ kind: 'acked', data: null });
    });
    await drainer.enqueue(entry('a'));
    await expect(drainer.drain()).rejects.toThrow('transport exploded');
    expect(storage.entries.size).toBe(1);
    fail = false;
    await drainer.drain();
    expect(storage.entries.size).toBe(0);
  });
});
