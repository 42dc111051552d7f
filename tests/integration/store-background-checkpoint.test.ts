import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackgroundCheckpoint } from '../../server/store/background-checkpoint';
import { createDatabase } from '../../server/store/database';
import { until } from '../support/until';

const dirs: string[] = [];
function storeFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wings-ckpt-'));
  dirs.push(dir);
  return join(dir, 'hub.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/** About 4 MB of committed rows, in the WAL until something checkpoints them. */
function fill(sqlite: BetterSqlite3.Database): void {
  sqlite.exec('create table if not exists filler (id integer primary key, body text)');
  const insert = sqlite.prepare('insert into filler (body) values (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < 1000; i++) insert.run('x'.repeat(4000));
  })();
}

function openWal(file: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  return sqlite;
}

describe('checkpoints from a worker thread', { timeout: 20_000 }, () => {
  it('copies the WAL into the store while the writer never checkpoints itself', async () => {
    const file = storeFile();
    const sqlite = openWal(file);
    const lost: string[] = [];
    const checkpoint = startBackgroundCheckpoint(sqlite, {
      file,
      intervalMs: 50,
      onLost: (r) => lost.push(r),
    });
    try {
      // Past 64 MiB the writer still checkpoints itself; 4 MB is far below that.
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(16_384);
      const before = size(file);
      fill(sqlite);
      expect(size(`${file}-wal`)).toBeGreaterThan(4_000_000);
      // Only the worker can have grown the store file: this connection does not checkpoint.
      await until(() => size(file) > before + 4_000_000, 10_000);
      expect(sqlite.prepare('select count(*) as n from filler').get()).toEqual({ n: 1000 });
      expect(lost).toEqual([]);
    } finally {
      checkpoint.stop();
      sqlite.close();
    }
    // The worker's connection was closed first: the hub's was the last and took the WAL away.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('lets the writer checkpoint itself past the bound when the worker falls behind', async () => {
    const file = storeFile();
    const sqlite = openWal(file);
    // A worker that never gets round to it, and a bound of 500 pages (2 MB).
    const checkpoint = startBackgroundCheckpoint(sqlite, { file, intervalMs: 1e8, fallbackPages: 500 });
    try {
      const before = size(file);
      fill(sqlite);
      fill(sqlite);
      // The writer's own checkpoints copied the fills into the store: the WAL did not hold them all.
      expect(size(file)).toBeGreaterThan(before + 4_000_000);
      expect(sqlite.prepare('select count(*) as n from filler').get()).toEqual({ n: 2000 });
    } finally {
      checkpoint.stop();
      sqlite.close();
    }
  });

  it('hands checkpoints back to the writer when the worker cannot run', async () => {
    const file = storeFile();
    const sqlite = openWal(file);
    const lost: string[] = [];
    const checkpoint = startBackgroundCheckpoint(sqlite, {
      file,
      module: join(tmpdir(), 'no-such-better-sqlite3.js'),
      onLost: (r) => lost.push(r),
    });
    try {
      await until(() => lost.length > 0, 10_000);
      expect(lost[0]).toMatch(/Cannot find module/);
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      // And it does checkpoint again: a big commit crosses the threshold and the store file grows.
      const before = size(file);
      fill(sqlite);
      expect(size(file)).toBeGreaterThan(before + 3_000_000);
    } finally {
      checkpoint.stop();
      sqlite.close();
    }
  });

  it('is what the hub’s store runs, and the store closes clean with it', async () => {
    const file = storeFile();
    const lost: string[] = [];
    const db = createDatabase({
      kind: 'sqlite',
      file,
      backgroundCheckpoint: { onLost: (r) => lost.push(r) },
    });
    const read = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(read.rows[0]?.wal_autocheckpoint).toBe(16_384);
    await sql`create table t (x integer)`.execute(db);
    await db.destroy();
    expect(lost).toEqual([]);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
