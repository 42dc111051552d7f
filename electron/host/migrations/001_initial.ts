import type { HostDb } from '../host-db';

/** 1: settings as one JSON document, drafts by key, the outbox of unsent hub commands. */
export function initial(db: HostDb): void {
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
}
