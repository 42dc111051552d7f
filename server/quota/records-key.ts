import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createKeyFile, keyBytes, readKeyFile } from '../auth/key-file';

export const recordsKeyFileName = 'records.key';
const what = 'records key';

/**
 * The hub's records key: what personal records (the disability certificate
 * number) are sealed with (certificate-store.ts). It lives in
 * `<dataDir>/records.key` (0600), never in the store, so a copy of
 * `hub.sqlite` (a backup, a support bundle) holds no readable number. Read,
 * or made, on first use: a hub that never records a certificate never writes
 * the file. Losing the file loses the numbers (the rest of a record stays):
 * it is backed up with the store.
 */
export function recordsKeyFor(dataDir: string): () => Buffer {
  let key: Buffer | null = null;
  return () => (key ??= loadRecordsKey(join(dataDir, recordsKeyFileName)));
}

/** A damaged file throws: a new key would make every sealed number unreadable. */
export function loadRecordsKey(file: string): Buffer {
  // Written as the token key is (../auth/key-file.ts): complete or not at all, and two racing first uses share one.
  return readKeyFile(file, what)?.key ?? createKeyFile(file, randomBytes(keyBytes), what);
}
