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
} from 'node:fs';
import { writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../store/schema';

/** Where the foundation kept the key: in `hub_secrets`, so any copy of `hub.sqlite` could mint tokens. */
const legacyKeyName = 'token_signing_key';

export const tokenKeyFileName = 'token.key';
const keyBytes = 32;

/**
 * The token signing key. It lives in `<dataDir>/token.key`, readable only by
 * the hub's user (mode 0600; on Windows the file has the ACL of the per-user
 * data folder it sits in), never in the store: a copy of `hub.sqlite` (a
 * backup, a support bundle) cannot mint tokens. Made at first start, and kept
 * across restarts and crashes, so the workstation's outbox can resend without
 * the worker signing in again. A hub whose key is still in the store moves it
 * to the file and erases the row, so the tokens it issued stay valid.
 */
export async function loadTokenKey(db: Kysely<Database>, dataDir: string, log: Logger): Promise<Buffer> {
  const file = join(dataDir, tokenKeyFileName);
  const legacy = await db
    .selectFrom('hub_secrets')
    .select('value')
    .where('name', '=', legacyKeyName)
    .executeTakeFirst();
  let key = readKeyFile(file, log);
  if (!key) {
    key = createKeyFile(file, legacy ? decodeKey(legacy.value, 'hub_secrets') : randomBytes(keyBytes));
    log.info({ file }, legacy ? 'token key moved from the store to its own file' : 'token key created');
  }
  if (legacy) {
    if (!key.equals(decodeKey(legacy.value, 'hub_secrets')))
      log.warn({ file }, 'the store held another token key than the key file; the file is kept');
    await eraseLegacyKey(db);
  }
  return key;
}

function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== keyBytes || key.toString('base64') !== trimmed)
    throw new Error(`the token key in ${where} is damaged (expected ${keyBytes} bytes of base64)`);
  return key;
}

/** Null when there is no file; throws on a damaged one, since a new key would end every session. */
function readKeyFile(file: string, log: Logger): Buffer | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const key = decodeKey(text, file);
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    log.warn({ file }, 'the token key was readable by other users; it is now 0600');
  }
  return key;
}

/**
 * Written in full to a private temporary file (O_EXCL, 0600), made durable,
 * then linked into place, which fails if the name exists: the key file
 * appears complete or not at all, and when two starts race, both end up with
 * the one key that won.
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

/**
 * Deletes the row so that its bytes are gone from the file too: SQLite
 * overwrites deleted content only with `secure_delete`, and the old page
 * stays in the WAL until a checkpoint. (Only SQLite stores ever held the key.)
 */
async function eraseLegacyKey(db: Kysely<Database>): Promise<void> {
  await sql`PRAGMA secure_delete = ON`.execute(db);
  try {
    await db.deleteFrom('hub_secrets').where('name', '=', legacyKeyName).execute();
  } finally {
    await sql`PRAGMA secure_delete = OFF`.execute(db);
  }
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
