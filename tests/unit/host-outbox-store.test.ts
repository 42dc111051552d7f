import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openHostDb, type HostDb } from '../../electron/host/host-db';
import { createOutboxStore, type OutboxStore, type QueueInput } from '../../electron/host/outbox-store';

/** The host's on-disk outbox itself, on a real host.sqlite; `reopen()` is a restart of the workstation. */
let dir: string;
let db: HostDb;
let store: OutboxStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wings-host-outbox-'));
  db = openHostDb({ dataDir: dir });
  store = createOutboxStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function reopen(): void {
  db.close();
  db = openHostDb({ dataDir: dir });
  store = createOutboxStore(db);
}

const me = 'http://127.0.0.1:4455#7';
const them = 'http://127.0.0.1:4455#8';

function note(body: string, id = uuidv7()): QueueInput {
  return { id, event: 'team.post', payload: { id, body }, draftKey: 'team.note' };
}

function queued(owner: string, input: QueueInput, now = 1_000): string {
  const put = store.put(owner, input, now);
  if (!put.ok) throw new Error(`not queued: ${put.reason.message}`);
  return put.entry.id;
}

describe('the host outbox store', () => {
  it('counts attempts on disk, so the limit holds across a restart', () => {
    const id = queued(me, note('hello'));
    expect(store.attempted(me, id)).toBe(1);
    expect(store.attempted(me, id)).toBe(2);
    reopen();
    expect(store.attempted(me, id)).toBe(3);
    expect(store.list(me).pending.map((e) => e.attempts)).toEqual([3]);
  });

  it('answers 0 and changes nothing for an entry that is gone or not sent (an ack may have raced it)', () => {
    const gone = queued(me, note('acked'));
    const refused = queued(me, note('refused'));
    store.delivered(me, gone);
    store.delivered(me, gone);
    expect(store.attempted(me, gone)).toBe(0);
    store.notSent(me, refused, { code: 'forbidden', message: 'no' }, 2_000);
    expect(store.attempted(me, refused)).toBe(0);
    expect(store.list(me).notSent.map((e) => [e.typed, e.attempts])).toEqual([['refused', 0]]);
    expect(store.counts(me)).toEqual({ pending: 0, notSent: 1 });
  });

  it('keeps the first entry when the same command id is queued twice', () => {
    const first = note('first');
    queued(me, first);
    const again = store.put(me, { ...first, payload: { id: first.id, body: 'changed' } }, 2_000);
    expect(again.ok && [again.entry.typed, again.entry.createdAt]).toEqual(['first', 1_000]);
    expect(store.list(me).pending.map((e) => e.typed)).toEqual(['first']);
  });

  it("refuses an id another worker queued, and never lists or settles another worker's entries", () => {
    const theirs = note('theirs');
    queued(them, theirs);
    expect(store.put(me, theirs, 2_000)).toMatchObject({ ok: false, reason: { code: 'conflict' } });
    expect(store.list(me)).toEqual({ pending: [], notSent: [] });
    store.delivered(me, theirs.id);
    expect(store.attempted(me, theirs.id)).toBe(0);
    expect(store.list(them).pending.map((e) => [e.typed, e.attempts])).toEqual([['theirs', 0]]);
  });

  it('refuses an entry whose command carries another id than the entry', () => {
    const input = note('two ids');
    const other = uuidv7();
    expect(store.put(me, { ...input, payload: { id: other, body: 'two ids' } }, 1_000)).toMatchObject({
      ok: false,
      reason: { code: 'invalid_input' },
    });
    expect(store.list(me).pending).toEqual([]);
  });
});
