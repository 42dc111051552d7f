import type { Kysely } from 'kysely';
import { transientCodes, type Ack } from '../../shared/protocol/ack';
import { commandResultRetentionMs } from '../../shared/protocol/retention';
import type { Database } from '../store/schema';

export interface CommandKey {
  orgId: number;
  userId: number;
  commandId: string;
}

export interface StoredResult {
  event: string;
  ack: Ack<unknown>;
}

export async function findResult(db: Kysely<Database>, key: CommandKey): Promise<StoredResult | null> {
  const row = await db
    .selectFrom('command_results')
    .select(['event', 'result'])
    .where('org_id', '=', key.orgId)
    .where('user_id', '=', key.userId)
    .where('command_id', '=', key.commandId)
    .executeTakeFirst();
  return row ? { event: row.event, ack: JSON.parse(row.result) as Ack<unknown> } : null;
}

export async function storeResult(
  db: Kysely<Database>,
  key: CommandKey,
  event: string,
  ack: Ack<unknown>,
  now: number,
): Promise<void> {
  await db
    .insertInto('command_results')
    .values({
      org_id: key.orgId,
      user_id: key.userId,
      command_id: key.commandId,
      event,
      result: JSON.stringify(ack),
      created_at: now,
    })
    .execute();
}

/** Answers a resend may change are not recorded (see `transientCodes` in shared/protocol/ack.ts). */
export function isFinal(ack: Ack<unknown>): boolean {
  return ack.ok || (!transientCodes.has(ack.error.code) && ack.error.code !== 'unauthorized');
}

/**
 * Results older than the retention rule are no longer needed: no outbox
 * resends an id that old (it gives up a day earlier, see
 * shared/protocol/retention.ts), so the table stays about a week deep.
 */
export async function sweepCommandResults(db: Kysely<Database>, now: number): Promise<number> {
  const result = await db
    .deleteFrom('command_results')
    .where('created_at', '<', now - commandResultRetentionMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
