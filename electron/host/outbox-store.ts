import type { OutboxEntry } from '../../shared/bridge';
import type { HostDb } from './host-db';

export interface OutboxStore {
  /** Keeps the first entry for an id: a command id names one command, so a repeat put is a no-op. */
  put(entry: Omit<OutboxEntry, 'attempts'>): void;
  /** One owner's entries, oldest first: UUIDv7 ids sort by creation time, the order the worker acted in. */
  list(owner: string): OutboxEntry[];
  /** Idempotent: an entry already removed by a concurrent ack is not an error. */
  markAttempted(id: string): void;
  remove(id: string): void;
}

interface Row {
  id: string;
  owner: string;
  event: string;
  payload: string;
  created_at: number;
  attempts: number;
}

export function createOutboxStore(db: HostDb): OutboxStore {
  const insert = db.prepare<[string, string, string, string, number]>(
    `INSERT INTO outbox (id, owner, event, payload, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const selectByOwner = db.prepare<[string], Row>(
    'SELECT id, owner, event, payload, created_at, attempts FROM outbox WHERE owner = ? ORDER BY id, created_at',
  );
  const attempted = db.prepare<[string]>('UPDATE outbox SET attempts = attempts + 1 WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM outbox WHERE id = ?');

  return {
    put(entry) {
      insert.run(entry.id, entry.owner, entry.event, JSON.stringify(entry.payload), entry.createdAt);
    },
    list(owner) {
      return selectByOwner.all(owner).map((row) => ({
        id: row.id,
        owner: row.owner,
        event: row.event,
        payload: JSON.parse(row.payload) as Record<string, unknown>,
        createdAt: row.created_at,
        attempts: row.attempts,
      }));
    },
    markAttempted(id) {
      attempted.run(id);
    },
    remove(id) {
      remove.run(id);
    },
  };
}
