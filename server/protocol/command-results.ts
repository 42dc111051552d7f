import type { Kysely } from 'kysely';
import { transientCodes, type Ack } from '../../shared/protocol/ack';
import { commandResultRetentionMs } from '../../shared/protocol/retention';
import type { Database } from '../store/schema';

/**
 * Whose ledger a command id is recorded in. Workers' ids are theirs within
 * their organisation (`command_results`); a customer's are their chat
 * session's (`chat_command_results`), so two customers cannot collide and a
 * customer's id never reaches a worker's ledger.
 */
export type CommandKey =
  | { kind: 'worker'; orgId: number; userId: number; commandId: string }
  | { kind: 'customer'; chatId: number; commandId: string }
  | { kind: 'viewer'; viewerId: number; commandId: string };

export interface StoredResult {
  event: string;
  ack: Ack<unknown>;
}

export async function findResult(db: Kysely<Database>, key: CommandKey): Promise<StoredResult | null> {
  if (key.kind === 'viewer') {
    const viewerRow = await db
      .selectFrom('live_viewer_command_results')
      .select(['event', 'result'])
      .where('viewer_id', '=', key.viewerId)
      .where('command_id', '=', key.commandId)
      .executeTakeFirst();
    return viewerRow ? { event: viewerRow.event, ack: JSON.parse(viewerRow.result) as Ack<unknown> } : null;
  }
  const row =
    key.kind === 'worker'
      ? await db
          .selectFrom('command_results')
          .select(['event', 'result'])
          .where('org_id', '=', key.orgId)
          .where('user_id', '=', key.userId)
          .where('command_id', '=', key.commandId)
          .executeTakeFirst()
      : await db
          .selectFrom('chat_command_results')
          .select(['event', 'result'])
          .where('chat_id', '=', key.chatId)
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
  const result = JSON.stringify(ack);
  if (key.kind === 'worker') {
    await db
      .insertInto('command_results')
      .values({
        org_id: key.orgId,
        user_id: key.userId,
        command_id: key.commandId,
        event,
        result,
        created_at: now,
      })
      .execute();
    return;
  }
  if (key.kind === 'viewer') {
    await db
      .insertInto('live_viewer_command_results')
      .values({ viewer_id: key.viewerId, command_id: key.commandId, event, result, created_at: now })
      .execute();
    return;
  }
  await db
    .insertInto('chat_command_results')
    .values({ chat_id: key.chatId, command_id: key.commandId, event, result, created_at: now })
    .execute();
}

/** Answers a resend may change are not recorded (see `transientCodes` in shared/protocol/ack.ts). */
export function isFinal(ack: Ack<unknown>): boolean {
  return ack.ok || (!transientCodes.has(ack.error.code) && ack.error.code !== 'unauthorized');
}

/**
 * Results older than the retention rule are no longer needed: no outbox
 * resends an id that old (it gives up a day earlier, see
 * shared/protocol/retention.ts), so both ledgers stay about a week deep.
 */
export async function sweepCommandResults(db: Kysely<Database>, now: number): Promise<number> {
  const before = now - commandResultRetentionMs;
  const workers = await db.deleteFrom('command_results').where('created_at', '<', before).executeTakeFirst();
  const customers = await db
    .deleteFrom('chat_command_results')
    .where('created_at', '<', before)
    .executeTakeFirst();
  const viewers = await db
    .deleteFrom('live_viewer_command_results')
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(workers.numDeletedRows) + Number(customers.numDeletedRows) + Number(viewers.numDeletedRows);
}
