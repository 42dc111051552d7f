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
import { dirname } from 'node:path';

/**
 * The hub's secret key files (`token.key`, `records.key`): 32 random bytes as
 * base64 in a file of their own beside the store, mode 0600, so a copy of
 * `hub.sqlite` holds none of them.
 */
export const keyBytes = 32;

/** `what` names the key in the error ("token key"): a damaged file is never replaced, it is reported. */
export function decodeKey(text: string, where: string, what: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== keyBytes || key.toString('base64') !== trimmed)
    throw new Error(`the ${what} in ${where} is damaged (expected ${keyBytes} bytes of base64)`);
  return key;
}

/**
 * The key in `file`, or null when there is none; throws on a damaged one.
 * A file others could read is made 0600 again (`tightened` says so).
 */
export function readKeyFile(file: string, what: string): { key: Buffer; tightened: boolean } | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const key = decodeKey(text, file, what);
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    return { key, tightened: true };
  }
  return { key, tightened: false };
}

/**
 * Written in full to a private temporary file (O_EXCL, 0600), made durable,
 * then linked into place, which fails if the name exists: the key file
 * appears complete or not at all, and when two starts race, both end up with
 * the one key that won.
 */
export function createKeyFile(file: string, key: Buffer, what: string): Buffer {
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
    return decodeKey(readFileSync(file, 'utf8'), file, what);
  } finally {
    unlinkSync(temp);
  }
  syncDirectory(dirname(file));
  return key;
}

function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a directory to sync it.
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
