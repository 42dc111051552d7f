import type { HostDb } from '../host-db';

/**
 * 5: each worker's RTMP restream target (a platform's ingest URL and stream
 * key), kept on this workstation so the anchor types the key once. The key is
 * a secret of the anchor's platform account: only the host reads it back, for
 * the worker it belongs to, and nothing logs it.
 */
export function restreamTargets(db: HostDb): void {
  db.exec(`
    CREATE TABLE restream_targets (
      owner TEXT PRIMARY KEY,
      url TEXT NOT NULL,
      stream_key TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
  `);
}
