import type Database from 'better-sqlite3';

/**
 * Numbered host schema migrations: entry N brings `user_version` from N-1 to N.
 * Append only; never edit a shipped step, since workers' disks already ran it.
 */
export const hostMigrations: ReadonlyArray<(db: Database.Database) => void> = [
  // 1: settings as one JSON document, drafts by key, the outbox of unsent hub commands.
  (db) => {
    db.exec(`
      CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        event TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX outbox_owner ON outbox (owner, id);
    `);
  },
];
