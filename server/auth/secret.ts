import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../store/schema';
import { createKeyFile, decodeKey, keyBytes, readKeyFile } from './key-file';

/** Where the foundation kept the key: in `hub_secrets`, so any copy of `hub.sqlite` could mint tokens. */
const legacyKeyName = 'token_signing_key';

export const tokenKeyFileName = 'token.key';
const what = 'token key';

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
  const found = readKeyFile(file, what);
  if (found?.tightened) log.warn({ file }, 'the token key was readable by other users; it is now 0600');
  let key = found?.key;
  if (!key) {
    key = createKeyFile(
      file,
      legacy ? decodeKey(legacy.value, 'hub_secrets', what) : randomBytes(keyBytes),
      what,
    );
    log.info({ file }, legacy ? 'token key moved from the store to its own file' : 'token key created');
  }
  if (legacy) {
    if (!key.equals(decodeKey(legacy.value, 'hub_secrets', what)))
      log.warn({ file }, 'the store held another token key than the key file; the file is kept');
    await eraseLegacyKey(db);
  }
  return key;
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
