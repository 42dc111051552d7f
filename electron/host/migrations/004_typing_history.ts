import type { HostDb } from '../host-db';

/**
 * 4: what each worker sent, kept on this workstation only, so the on-screen
 * keyboard can predict their own words. Never sent to the hub; the host trims
 * it per worker (typing-history-store.ts) and the worker can forget it.
 */
export function typingHistory(db: HostDb): void {
  db.exec(`
    CREATE TABLE typing_history (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      owner TEXT NOT NULL,
      text TEXT NOT NULL,
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX typing_history_owner ON typing_history (owner, seq);
  `);
}
