import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

const tokenKeyName = 'token_signing_key';

/**
 * The token signing key, made at first start and kept in the store, so tokens
 * stay valid across restarts and crashes and the workstation's outbox can
 * resend without the worker signing in again.
 */
export async function loadTokenKey(db: Kysely<Database>, now: number): Promise<Buffer> {
  await db
    .insertInto('hub_secrets')
    .values({ name: tokenKeyName, value: randomBytes(32).toString('base64'), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('hub_secrets')
    .select('value')
    .where('name', '=', tokenKeyName)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}
