import type { HostDb } from './host-db';

export interface RestreamTarget {
  url: string;
  streamKey: string;
}

/** One worker's restream target; `owner` comes from the host's session, never from the renderer. */
export interface RestreamStore {
  get(owner: string): RestreamTarget | null;
  /** An empty URL and key together forget the target. */
  put(owner: string, target: RestreamTarget, now: number): void;
}

export function createRestreamStore(db: HostDb): RestreamStore {
  const select = db.prepare<[string], { url: string; stream_key: string }>(
    'SELECT url, stream_key FROM restream_targets WHERE owner = ?',
  );
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO restream_targets (owner, url, stream_key, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (owner) DO UPDATE SET url = excluded.url, stream_key = excluded.stream_key,
       updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM restream_targets WHERE owner = ?');
  return {
    get(owner) {
      const row = select.get(owner);
      return row ? { url: row.url, streamKey: row.stream_key } : null;
    },
    put(owner, { url, streamKey }, now) {
      if (url === '' && streamKey === '') remove.run(owner);
      else upsert.run(owner, url, streamKey, now);
    },
  };
}
