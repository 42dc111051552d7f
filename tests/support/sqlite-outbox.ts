import BetterSqlite3 from 'better-sqlite3';
import type { OutboxEntry } from '../../shared/bridge/outbox';
import type { OutboxStorage } from '../../shared/domain/outbox';

interface Row {
  id: string;
  event: string;
  payload: string;
  created_at: number;
  attempts: number;
}

/** A minimal on-disk outbox for tests; the workstation host has its own. */
export class SqliteOutbox implements OutboxStorage {
  private readonly db: BetterSqlite3.Database;

  constructor(file: string) {
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`create table if not exists outbox (
      id text primary key, event text not null, payload text not null,
      created_at integer not null, attempts integer not null default 0)`);
  }

  put(entry: Omit<OutboxEntry, 'attempts'>): Promise<void> {
    this.db
      .prepare('insert or ignore into outbox (id, event, payload, created_at) values (?, ?, ?, ?)')
      .run(entry.id, entry.event, JSON.stringify(entry.payload), entry.createdAt);
    return Promise.resolve();
  }

  list(): Promise<OutboxEntry[]> {
    const rows = this.db.prepare('select * from outbox order by id').all() as Row[];
    return Promise.resolve(
      rows.map((r) => ({
        id: r.id,
        event: r.event,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        createdAt: r.created_at,
        attempts: r.attempts,
      })),
    );
  }

  markAttempted(id: string): Promise<void> {
    this.db.prepare('update outbox set attempts = attempts + 1 where id = ?').run(id);
    return Promise.resolve();
  }

  remove(id: string): Promise<void> {
    this.db.prepare('delete from outbox where id = ?').run(id);
    return Promise.resolve();
  }

  close(): void {
    this.db.close();
  }
}
