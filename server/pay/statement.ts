import type { Kysely } from 'kysely';
import { monthStart, addMonths } from '../../shared/domain/calendar';
import { buildStatement } from '../../shared/domain/pay/statement';
import type { Statement } from '../../shared/protocol/pay';
import type { Database } from '../store/schema';
import { ledgerSelect, toEntry } from './ledger-rows';
import { orgTimeZone } from './settings';

/** A worker's pay statement for a month: every ledger entry of its days, summed exactly. Null: no such worker. */
export async function monthStatement(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
  month: string,
  now: number,
): Promise<Statement | null> {
  const worker = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.display_name', 'o.id as org_id', 'o.name as org_name'])
    .where('u.id', '=', userId)
    .where('u.org_id', '=', orgId)
    .executeTakeFirst();
  if (!worker) return null;
  const from = monthStart(month);
  const to = monthStart(addMonths(month, 1));
  const [timeZone, rows, worked] = await Promise.all([
    orgTimeZone(db, orgId),
    ledgerSelect(db, orgId)
      .where('l.user_id', '=', userId)
      .where('l.day_key', '>=', from)
      .where('l.day_key', '<', to)
      .orderBy('l.id')
      .execute(),
    db
      .selectFrom('shifts')
      .select((eb) => eb.fn.sum<number>('worked_ms').as('ms'))
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('day_key', '>=', from)
      .where('day_key', '<', to)
      .where('ended_at', 'is not', null)
      .executeTakeFirst(),
  ]);
  const body = buildStatement(rows.map(toEntry));
  return {
    worker: { id: worker.id, displayName: worker.display_name },
    organisation: { id: worker.org_id, name: worker.org_name },
    month,
    from,
    to,
    timeZone,
    lines: body.lines,
    corrections: body.corrections,
    hoursMs: Number(worked?.ms ?? 0),
    totalFen: body.totalFen,
    generatedAt: now,
  };
}
