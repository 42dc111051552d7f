import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hostMigrations } from './migrations';

export type HostDb = Database.Database;

export interface OpenHostDbOptions {
  dataDir: string;
  /**
   * Path to a better_sqlite3.node built for the running ABI. Electron passes its
   * own build (see scripts/build-electron-sqlite.mjs); plain Node leaves it unset.
   */
  nativeBinding?: string;
}

export const hostDbFileName = 'host.sqlite';

/** Opens `<dataDir>/host.sqlite` in WAL mode and brings its schema up to date. */
export function openHostDb({ dataDir, nativeBinding }: OpenHostDbOptions): HostDb {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, hostDbFileName), nativeBinding ? { nativeBinding } : {});
  try {
    // WAL keeps a crash mid-write from losing what was already committed, and
    // NORMAL sync is durable across application crashes (only an OS crash can drop the last commit).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies every migration past `PRAGMA user_version`, each in its own transaction. */
export function migrate(db: HostDb): void {
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new Error('PRAGMA user_version did not answer a number');
  if (current > hostMigrations.length) {
    // A newer Wings wrote this file; running old code on it could corrupt it.
    throw new Error(
      `host.sqlite is at schema version ${current}, newer than this Wings (${hostMigrations.length}).`,
    );
  }
  for (let version = current + 1; version <= hostMigrations.length; version++) {
    const step = hostMigrations[version - 1];
    if (!step) throw new Error(`missing host migration ${version}`);
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
