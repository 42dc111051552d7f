import type { HostDb } from './host-db';

export interface Draft {
  text: string | null;
  updatedAt: number | null;
}

/** One worker's drafts; `owner` comes from the host's session, never from the renderer. */
export interface DraftsStore {
  get(owner: string, key: string): Draft;
  put(owner: string, key: string, text: string, now: number): { updatedAt: number };
  delete(owner: string, key: string): void;
}

export function createDraftsStore(db: HostDb): DraftsStore {
  const select = db.prepare<[string, string], { text: string; updated_at: number }>(
    'SELECT text, updated_at FROM drafts WHERE owner = ? AND key = ?',
  );
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO drafts (owner, key, text, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (owner, key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM drafts WHERE owner = ? AND key = ?');

  return {
    get(owner, key) {
      const row = select.get(owner, key);
      return row ? { text: row.text, updatedAt: row.updated_at } : { text: null, updatedAt: null };
    },
    put(owner, key, text, now) {
      upsert.run(owner, key, text, now);
      return { updatedAt: now };
    },
    delete(owner, key) {
      remove.run(owner, key);
    },
  };
}
