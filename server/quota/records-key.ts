import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

export const recordsKeyFileName = 'records.key';
const keyBytes = 32;

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

function decodeKey(text: string, file: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== keyBytes || key.toString('base64') !== trimmed)
    throw new Error(`the records key in ${file} is damaged (expected ${keyBytes} bytes of base64)`);
  return key;
}

/** A damaged file throws: a new key would make every sealed number unreadable. */
export function loadRecordsKey(file: string): Buffer {
  try {
    const key = decodeKey(readFileSync(file, 'utf8'), file);
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return createKeyFile(file, randomBytes(keyBytes));
}

/**
 * As the token key (server/auth/secret.ts): written whole to a private
 * temporary file, made durable, then linked into place, which fails if the
 * name exists; so the file appears complete or not at all, and two racing
 * first uses share the key that won.
 */
function createKeyFile(file: string, key: Buffer): Buffer {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return decodeKey(readFileSync(file, 'utf8'), file);
  } finally {
    unlinkSync(temp);
  }
  if (process.platform !== 'win32') {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }
  return key;
}
