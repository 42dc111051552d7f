import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail } from '../../shared/protocol/ack';
import { isFinal } from '../../server/protocol/command-results';
import type { StoreFault } from '../../server/store/errors';
import { alarmFor, classifyStoreError, faultAck, StoreAlarm } from '../../server/store/errors';

/** The fault an error is classified as; fails the test when it is none. */
function faultOf(err: unknown): StoreFault {
  const fault = classifyStoreError(err);
  if (!fault) throw new Error(`expected a store fault, got ${String(err)}`);
  return fault;
}

/** The error a statement throws, or a failed test if it throws none. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected the statement to throw');
}

describe('classifyStoreError, on errors real SQLite raises', () => {
  let dir: string;
  let db: BetterSqlite3.Database;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wings-store-errors-'));
    db = new BetterSqlite3(join(dir, 'store.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec(`create table t (id integer primary key, k text unique, n integer check (n >= 0))`);
    db.prepare('insert into t (k, n) values (?, ?)').run('taken', 1);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a unique key taken', () => db.prepare('insert into t (k, n) values (?, ?)').run('taken', 2)],
    ['a check broken', () => db.prepare('insert into t (k, n) values (?, ?)').run('other', -1)],
    ['a not-an-integer key', () => db.prepare('insert into t (id, k, n) values (?, ?, ?)').run('x', 'y', 1)],
    ['a value too big', () => db.prepare('select zeroblob(2000000000)').get()],
  ])('calls %s final: cannot_apply', (_, run) => {
    const fault = faultOf(thrownBy(run));
    expect(fault).toMatchObject({ final: true, cause: 'cannot_apply' });
    expect(faultAck(fault)).toEqual(fail('cannot_apply', 'The hub cannot apply this command.'));
  });

  it('calls a full store disk_full, answered with the disk-full message', () => {
    const small = new BetterSqlite3(':memory:');
    small.exec('create table b (x blob)');
    small.pragma(`max_page_count = ${small.pragma('page_count', { simple: true }) as number}`);
    const err = thrownBy(() => small.prepare('insert into b values (zeroblob(100000))').run());
    small.close();
    const fault = faultOf(err);
    expect(fault).toEqual({ final: false, cause: 'disk_full', code: 'SQLITE_FULL' });
    const ack = faultAck(fault);
    expect(ack.ok ? null : ack.error.code).toBe('unavailable');
    expect(ack.ok ? null : ack.error.message).toMatch(/^The hub's disk is full\./);
  });

  it('calls a write lock held by another connection busy', () => {
    const other = new BetterSqlite3(join(dir, 'store.sqlite'), { timeout: 0 });
    db.exec('begin immediate');
    try {
      const err = thrownBy(() => other.prepare('insert into t (k, n) values (?, ?)').run('later', 1));
      expect(classifyStoreError(err)).toMatchObject({ final: false, cause: 'busy' });
    } finally {
      db.exec('rollback');
      other.close();
    }
  });

  it('calls a store that cannot be opened, or is read-only, or is not a database, transient', () => {
    // A directory where the file should be.
    const cantOpen = thrownBy(() => new BetterSqlite3(dir));
    expect(classifyStoreError(cantOpen)).toMatchObject({ final: false, cause: 'cannot_open' });

    const reader = new BetterSqlite3(join(dir, 'store.sqlite'), { readonly: true });
    const readOnly = thrownBy(() => reader.prepare('delete from t').run());
    reader.close();
    expect(classifyStoreError(readOnly)).toMatchObject({ final: false, cause: 'read_only' });

    writeFileSync(join(dir, 'junk.sqlite'), Buffer.alloc(4096, 0x41));
    const junk = new BetterSqlite3(join(dir, 'junk.sqlite'));
    const notADb = thrownBy(() => junk.prepare('select * from sqlite_master').all());
    junk.close();
    expect(classifyStoreError(notADb)).toMatchObject({ final: false, cause: 'damaged' });
  });

  it('leaves SQL mistakes and anything that is not SQLite internal', () => {
    expect(classifyStoreError(thrownBy(() => db.prepare('select * from no_such_table')))).toBeNull();
    expect(classifyStoreError(new Error('boom'))).toBeNull();
    expect(classifyStoreError({ name: 'SqliteError', code: 'SQLITE_FULL' })).toBeNull();
    expect(classifyStoreError('SQLITE_FULL')).toBeNull();
  });

  it('reads extended codes SQLite raises only under I/O failure or shared cache by their primary code', () => {
    // Neither can be provoked on a healthy disk from one process, so these are better-sqlite3's own error class
    // built with the codes it would carry.
    const { SqliteError } = BetterSqlite3;
    expect(classifyStoreError(new SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE'))).toMatchObject({
      final: false,
      cause: 'io',
    });
    expect(
      classifyStoreError(new SqliteError('database table is locked', 'SQLITE_LOCKED_SHAREDCACHE')),
    ).toMatchObject({
      final: false,
      cause: 'busy',
    });
    expect(classifyStoreError(new SqliteError('column index out of range', 'SQLITE_RANGE'))).toMatchObject({
      final: true,
    });
  });
});

describe('cannot_apply', () => {
  it('is a final answer, recorded under the command id like any other', () => {
    expect(isFinal(fail('cannot_apply', 'The hub cannot apply this command.'))).toBe(true);
    expect(isFinal(fail('unavailable', "The hub's disk is full."))).toBe(false);
  });
});

describe('StoreAlarm', () => {
  function recording() {
    const lines: Array<{ level: number; msg: string; refused?: number; err?: { code?: string } }> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    return { lines, log };
  }
  const full = { final: false, cause: 'disk_full', code: 'SQLITE_FULL' } as const;
  const busy = { final: false, cause: 'busy', code: 'SQLITE_BUSY' } as const;
  const cause = new BetterSqlite3.SqliteError('database or disk is full', 'SQLITE_FULL');

  it('logs a burst once with its cause, then once a minute with a count, and a new burst after a quiet minute', () => {
    const { lines, log } = recording();
    let now = 0;
    const alarm = new StoreAlarm(log, () => now);
    for (let i = 0; i < 50; i++) {
      now += 1000;
      alarm.report(full, cause);
    }
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [50, 'store: disk full; commands are answered "unavailable" until it clears'],
    ]);
    expect(lines[0]?.err?.code).toBe('SQLITE_FULL');
    for (let i = 0; i < 20; i++) {
      now += 1000;
      alarm.report(full, cause);
    }
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ level: 40, refused: 60 });
    expect(lines[1]?.msg).toMatch(/still disk full; 60 more/);

    now += 61_000;
    alarm.report(full, cause);
    expect(lines).toHaveLength(3);
    expect(lines[2]?.level).toBe(50);
  });

  it('keeps causes apart', () => {
    const { lines, log } = recording();
    const alarm = new StoreAlarm(log, () => 0);
    alarm.report(full, cause);
    alarm.report(busy, cause);
    alarm.report(full, cause);
    expect(lines.map((l) => l.msg)).toEqual([
      'store: disk full; commands are answered "unavailable" until it clears',
      'store: store busy; commands are answered "unavailable" until it clears',
    ]);
  });

  it('is one per store', () => {
    const { log } = recording();
    const store = {};
    expect(alarmFor(store, log, () => 0)).toBe(alarmFor(store, log, () => 0));
    expect(alarmFor({}, log, () => 0)).not.toBe(alarmFor(store, log, () => 0));
  });
});
