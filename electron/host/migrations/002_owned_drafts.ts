import type { HostDb } from '../host-db';

/**
 * 2: drafts belong to one worker on one hub, by column rather than by a suffix
 * the renderer chose (`team.note@<hub>#<user>`), so the host alone decides whose
 * drafts a call may touch. Old keys of that form are split; any other old key
 * had no owner and is kept under the empty owner, where no session reaches it.
 */
export function ownedDrafts(db: HostDb): void {
  db.exec(`
    CREATE TABLE drafts_owned (
      owner TEXT NOT NULL,
      key TEXT NOT NULL,
      text TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (owner, key)
    ) STRICT;
  `);
  const rows = db
    .prepare<[], { key: string; text: string; updated_at: number }>(
      'SELECT key, text, updated_at FROM drafts',
    )
    .all();
  const insert = db.prepare<[string, string, string, number]>(
    'INSERT OR REPLACE INTO drafts_owned (owner, key, text, updated_at) VALUES (?, ?, ?, ?)',
  );
  for (const row of rows) {
    const match = /^(.*)@(.+#\d+)$/.exec(row.key);
    insert.run(match?.[2] ?? '', match?.[1] ?? row.key, row.text, row.updated_at);
  }
  db.exec('DROP TABLE drafts; ALTER TABLE drafts_owned RENAME TO drafts;');
}
