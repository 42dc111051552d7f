import { typingHistoryLimit } from '../../shared/bridge';
import type { HostDb } from './host-db';

export interface TypedEntry {
  text: string;
  at: number;
}

/** One worker's sent text, oldest first; `owner` comes from the host's session, never from the renderer. */
export interface TypingHistoryStore {
  list(owner: string): TypedEntry[];
  /** Keeps the newest `typingHistoryLimit` entries of this worker. */
  add(owner: string, text: string, now: number): void;
  forget(owner: string): number;
}

export function createTypingHistoryStore(db: HostDb, limit = typingHistoryLimit): TypingHistoryStore {
  const select = db.prepare<[string, number], TypedEntry>(
    `SELECT text, at FROM (
       SELECT seq, text, at FROM typing_history WHERE owner = ? ORDER BY seq DESC LIMIT ?
     ) ORDER BY seq`,
  );
  const insert = db.prepare<[string, string, number]>(
    'INSERT INTO typing_history (owner, text, at) VALUES (?, ?, ?)',
  );
  const trim = db.prepare<[string, string, number]>(
    `DELETE FROM typing_history WHERE owner = ? AND seq <= (
       SELECT seq FROM typing_history WHERE owner = ? ORDER BY seq DESC LIMIT 1 OFFSET ?
     )`,
  );
  const remove = db.prepare<[string]>('DELETE FROM typing_history WHERE owner = ?');
  const add = db.transaction((owner: string, text: string, now: number) => {
    insert.run(owner, text, now);
    trim.run(owner, owner, limit);
  });

  return {
    list: (owner) => select.all(owner, limit),
    add: (owner, text, now) => add(owner, text, now),
    forget: (owner) => remove.run(owner).changes,
  };
}
