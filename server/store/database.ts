import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { freemem } from 'node:os';
import { basename } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { startBackgroundCheckpoint } from './background-checkpoint';
import { StoreOpenError } from './errors';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

/**
 * Where the store lives. Only SQLite today; a `{ kind: 'postgres' }` variant
 * slots in here, and nothing outside `server/store/` knows which it is.
 */
export interface StoreConfig {
  kind: 'sqlite';
  file: string;
  /** better-sqlite3 built for Electron's ABI when the hub runs inside the Electron main process. */
  nativeBinding?: string;
  /**
   * Files that exist only once this store has been made (the hub's token
   * key). Beside a missing or empty store they mean the store was lost (a
   * wrong path, a failed restore, a deleted or truncated file), and opening
   * an empty one would start a new hub in the old one's place. The store's
   * own WAL and rollback journal count without being named.
   */
  companions?: readonly string[];
  /**
   * Checkpoint the WAL from a worker thread (`background-checkpoint.ts`), for
   * the hub, whose one thread serves every socket; `onLost` hears if the
   * worker stops and checkpoints return to this connection.
   */
  backgroundCheckpoint?: { onLost: (reason: string) => void };
}

/**
 * Below this size the open runs `integrity_check`, which also proves every
 * index matches its table; above, `quick_check`, which skips that and runs
 * in about half the time (measured on 4 KiB pages: 47 MiB in 60–130 ms
 * integrity / 60–80 ms quick; 354 MiB in 440–550 ms integrity / 240–300 ms
 * quick, once the file is in the page cache).
 */
export const integrityCheckMaxBytes = 64 * 1024 * 1024;

/** Problems a check reports at most; the first few go into the error, the count says how many more. */
const maxFindings = 20;

/**
 * Opens the store, refusing a lost or damaged one (`StoreOpenError`): a hub
 * never starts fresh over the ruins of its data, and never runs on a file it
 * would damage further.
 */
export function createDatabase(config: StoreConfig): Kysely<Database> {
  const { file } = config;
  const existed = existsSync(file);
  const traces = tracesOfAStore(config);
  if (!existed && traces.length > 0) {
    throw new StoreOpenError(
      'missing',
      file,
      `the store ${file} is missing, but ${traces.join(' and ')} ${traces.length > 1 ? 'are' : 'is'} beside it: ` +
        'this hub has run here before, so it will not start as a new one. Restore the store from a backup ' +
        `or, to start an empty hub instead, move ${traces.map((t) => basename(t)).join(' and ')} away.`,
    );
  }
  const sqlite = new BetterSqlite3(file, config.nativeBinding ? { nativeBinding: config.nativeBinding } : {});
  try {
    sqlite.pragma('busy_timeout = 5000');
    // Before anything writes: switching a damaged file to WAL would already change its header.
    if (existed) checkStore(sqlite, file, traces);
    // WAL lets readers (tests, backups) open the file while the hub writes; FULL
    // sync because an acknowledged command must survive a power cut, not just a crash.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
  } catch (err) {
    sqlite.close();
    if (err instanceof StoreOpenError) throw err;
    if (isDamage(err)) throw damaged(file, (err as Error).message, err);
    throw err;
  }
  const checkpoint = config.backgroundCheckpoint
    ? startBackgroundCheckpoint(sqlite, {
        file,
        ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
        onLost: config.backgroundCheckpoint.onLost,
      })
    : null;
  const database = forKysely(sqlite, () => checkpoint?.stop());
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

/** What a ROLLBACK with nothing to roll back runs instead. */
const nothingToRollBack: SqliteStatement = {
  reader: false,
  all: () => [],
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  iterate: () => [][Symbol.iterator](),
};

/**
 * The connection as Kysely's driver sees it, with one change: a ROLLBACK
 * while no transaction is open does nothing. When a COMMIT fails on a full
 * disk or an I/O error, SQLite has already rolled the transaction back;
 * `db.transaction()` then sends ROLLBACK anyway, and its "cannot rollback -
 * no transaction is active" would replace the real error (SQLITE_FULL) in
 * what the caller sees and logs.
 */
function forKysely(sqlite: BetterSqlite3.Database, beforeClose: () => void): SqliteDatabase {
  const statements = new StatementCache(sqlite);
  return {
    close: () => {
      beforeClose();
      sqlite.close();
    },
    prepare: (text) =>
      text.trim().toLowerCase() === 'rollback' && !sqlite.inTransaction
        ? nothingToRollBack
        : statements.get(text),
  };
}

/** Distinct SQL texts kept prepared; the hub's queries are a few dozen shapes with bound parameters. */
const maxCachedStatements = 256;

/**
 * Kysely's driver prepares every statement anew, which was about a quarter of
 * the CPU a team post costs. The hub's statements are few shapes with bound
 * parameters, so each is prepared once and reused (better-sqlite3 statements
 * are reusable, and SQLite re-prepares one itself after a schema change).
 * Safe because Kysely runs each statement to its end before the next; it
 * would not be for streamed queries, which the hub does not use.
 */
class StatementCache {
  private readonly cache = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  get(text: string): BetterSqlite3.Statement {
    const hit = this.cache.get(text);
    if (hit) {
      // Most recently used last, so the oldest is the one evicted.
      this.cache.delete(text);
      this.cache.set(text, hit);
      return hit;
    }
    const statement = this.sqlite.prepare(text);
    this.cache.set(text, statement);
    if (this.cache.size > maxCachedStatements) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return statement;
  }
}

/** Brings the schema up to date; throws (and the hub refuses to start) if any migration fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${String(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function tracesOfAStore(config: StoreConfig): string[] {
  const own = [`${config.file}-wal`, `${config.file}-journal`];
  return [...own, ...(config.companions ?? [])].filter((f) => existsSync(f));
}

function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * SQLite's own check, then one of ours: a store with no tables at all while
 * the hub's other files are there was truncated or replaced, and migrating
 * it would make an empty hub that looks like the old one.
 */
function checkStore(sqlite: BetterSqlite3.Database, file: string, traces: readonly string[]): void {
  const bytes = fileBytes(file) + fileBytes(`${file}-wal`);
  const check = bytes <= integrityCheckMaxBytes ? 'integrity_check' : 'quick_check';
  preRead(file, bytes);
  const rows = sqlite.pragma(`${check}(${maxFindings})`, { simple: false }) as Record<string, unknown>[];
  const findings = rows.map((row) => String(Object.values(row)[0]));
  if (findings.length !== 1 || findings[0] !== 'ok') {
    const shown = findings.slice(0, 3).join('; ');
    const more = findings.length > 3 ? ` and ${findings.length - 3} more` : '';
    throw damaged(file, `${check}: ${shown}${more}`);
  }
  const tables = sqlite.prepare('select count(*) as n from sqlite_master').get() as { n: number };
  if (tables.n === 0 && traces.length > 0) {
    throw damaged(file, `it holds no tables, yet ${traces.join(' and ')} is beside it`);
  }
}

/**
 * Reads the file once, front to back, into the OS page cache before the
 * check walks it in b-tree order. The walk's scattered 4 KiB reads are what a
 * cold start pays for: on a 354 MiB store the check took 6.3–8 s from a cold
 * cache and 0.45 s after this read (0.2 s of it the read itself). Skipped
 * when the file would not fit in free memory: the cache would not keep it.
 */
function preRead(file: string, bytes: number): void {
  if (bytes > freemem() / 2) return;
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    while (readSync(fd, chunk, 0, chunk.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

function isDamage(err: unknown): boolean {
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

function damaged(file: string, detail: string, cause?: unknown): StoreOpenError {
  return new StoreOpenError(
    'damaged',
    file,
    `the store ${file} is damaged (${detail}); the hub will not start on it. ` +
      'Restore it from a backup, with its -wal file if there is one.',
    cause === undefined ? undefined : { cause },
  );
}
