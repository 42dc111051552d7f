import type { HostDb } from './host-db';

export interface Draft {
  text: string | null;
  updatedAt: number | null;
}

export interface DraftsStore {
  get(key: string): Draft;
  put(key: string, text: string, now: number): { updatedAt: number };
  delete(key: string): void;
}

export function createDraftsStore(db: HostDb): DraftsStore {
  const select = db.prepare<[string], { text: string; updated_at: number }>(
    'SELECT text, updated_at FROM drafts WHERE key = ?',
  );
  const upsert = db.prepare<[string, string, number]>(
    `INSERT INTO drafts (key, text, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM drafts WHERE key = ?');

  return {
    get(key) {
      const row = select.get(key);
      return row ? { text: row.text, updatedAt: row.updated_at } : { text: null, updatedAt: null };
    },
    put(key, text, now) {
      upsert.run(key, text, now);
      return { updatedAt: now };
    },
    delete(key) {
      remove.run(key);
    },
  };
}
