import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
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
}

export function createDatabase(config: StoreConfig): Kysely<Database> {
  const sqlite = new BetterSqlite3(
    config.file,
    config.nativeBinding ? { nativeBinding: config.nativeBinding } : {},
  );
  // WAL lets readers (tests, backups) open the file while the hub writes; FULL
  // sync because an acknowledged command must survive a power cut, not just a crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** Brings the schema up to date; throws (and the hub refuses to start) if any migration fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${String(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
