import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { migrate } from '../../electron/host/host-db';
import { hostMigrations } from '../../electron/host/migrations';
import { createDraftsStore } from '../../electron/host/drafts-store';
import { createOutboxStore } from '../../electron/host/outbox-store';
import { createTypingHistoryStore } from '../../electron/host/typing-history-store';
import { createClockStore } from '../../electron/host/clock-store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A host file as a workstation of schema version `version` left it. */
function fileAt(version: number): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'wings-host-mig-'));
  dirs.push(dir);
  const db = new Database(join(dir, 'host.sqlite'));
  for (let v = 1; v <= version; v++) {
    hostMigrations[v - 1]?.(db);
    db.pragma(`user_version = ${v}`);
  }
  return db;
}

const owner = 'http://127.0.0.1:4455#3';

describe('host migration 2: drafts bound to their owner', () => {
  it('splits the owner off the old keys and keeps every text', () => {
    const db = fileAt(1);
    const put = db.prepare('INSERT INTO drafts (key, text, updated_at) VALUES (?, ?, ?)');
    put.run(`team.note@${owner}`, '金桔明天发货', 10);
    put.run('team.note@http://10.0.0.2:4455#12', 'other worker', 11);
    put.run('legacy-without-owner', 'kept', 12);
    migrate(db);
    const drafts = createDraftsStore(db);
    expect(drafts.get(owner, 'team.note')).toEqual({ text: '金桔明天发货', updatedAt: 10 });
    expect(drafts.get('http://10.0.0.2:4455#12', 'team.note').text).toBe('other worker');
    // No session has the empty owner: the text survives, but nobody's composer shows it.
    expect(drafts.get('', 'legacy-without-owner').text).toBe('kept');
    expect(drafts.get(owner, 'legacy-without-owner').text).toBeNull();
    db.close();
  });
});

describe('host migration 3: outbox lanes and "not sent"', () => {
  it('keeps every waiting entry, in its order, with its lane and typed text', () => {
    const db = fileAt(2);
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    const put = db.prepare(
      'INSERT INTO outbox (id, owner, event, payload, created_at, attempts) VALUES (?, ?, ?, ?, ?, ?)',
    );
    put.run(ids[1], owner, 'team.post', JSON.stringify({ id: ids[1], body: 'second' }), 2, 1);
    put.run(ids[0], owner, 'team.post', JSON.stringify({ id: ids[0], body: 'first' }), 1, 0);
    put.run(
      ids[2],
      'http://10.0.0.2:4455#12',
      'team.post',
      JSON.stringify({ id: ids[2], body: 'theirs' }),
      3,
      0,
    );
    migrate(db);
    const outbox = createOutboxStore(db);
    const mine = outbox.list(owner);
    expect(mine.pending.map((e) => [e.typed, e.lane, e.attempts, e.draftKey])).toEqual([
      ['first', 'team', 0, 'team.note'],
      ['second', 'team', 1, 'team.note'],
    ]);
    expect(mine.notSent).toEqual([]);
    expect(outbox.list('http://10.0.0.2:4455#12').pending.map((e) => e.typed)).toEqual(['theirs']);
    db.close();
  });
});

describe('host migration 4: typing history', () => {
  it('adds an empty per-worker history and keeps the outbox as it was', () => {
    const db = fileAt(3);
    const id = uuidv7();
    db.prepare(
      `INSERT INTO outbox (id, owner, event, payload, lane, typed, draft_key, created_at)
       VALUES (?, ?, 'team.post', ?, 'team', 'kept', 'team.note', 1)`,
    ).run(id, owner, JSON.stringify({ id, body: 'kept' }));
    migrate(db);
    const history = createTypingHistoryStore(db);
    expect(history.list(owner)).toEqual([]);
    history.add(owner, '亲，今天发货', 5);
    expect(history.list(owner)).toEqual([{ text: '亲，今天发货', at: 5 }]);
    expect(
      createOutboxStore(db)
        .list(owner)
        .pending.map((e) => e.typed),
    ).toEqual(['kept']);
    db.close();
  });
});

describe('host migration 6: clock events', () => {
  it('keeps the waiting outbox, and starts one device with a counter from 1 that clocking in carries', () => {
    const db = fileAt(5);
    const id = uuidv7();
    db.prepare(
      `INSERT INTO outbox (id, owner, event, payload, lane, typed, draft_key, created_at)
       VALUES (?, ?, 'team.post', ?, 'team', 'kept', 'team.note', 1)`,
    ).run(id, owner, JSON.stringify({ id, body: 'kept' }));
    migrate(db);
    const outbox = createOutboxStore(db);
    const clock = createClockStore(db, outbox);
    expect(clock.list(owner, 10).events).toEqual([]);
    const first = clock.record(owner, { kind: 'in' }, 1_000);
    const second = clock.record(owner, { kind: 'break_start', breakReason: 'rest' }, 2_000);
    if (!first.ok || !second.ok) throw new Error('recording refused');
    expect([first.event.counter, second.event.counter]).toEqual([1, 2]);
    expect(second.event.deviceId).toBe(first.event.deviceId);
    // The old entry waits first in its own lane; the clock events wait in theirs, in order.
    expect(outbox.list(owner).pending.map((e) => [e.event, e.lane, e.typed])).toEqual([
      ['team.post', 'team', 'kept'],
      ['shifts.clock', 'clock', null],
      ['shifts.clock', 'clock', null],
    ]);
    db.close();
  });
});
