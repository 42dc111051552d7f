import { sql, type Kysely } from 'kysely';
import { defaultSlaTargets, slaTargetsSchema } from '../../shared/domain/tickets/sla';
import type { TicketSettings } from '../../shared/protocol/tickets';
import type { Database } from '../store/schema';

/** An organisation's assignment mode and SLA targets; the defaults until a supervisor saves them. */
export async function loadSettings(db: Kysely<Database>, orgId: number): Promise<TicketSettings> {
  const row = await db
    .selectFrom('ticket_settings')
    .select(['assignment_mode', 'sla_targets'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return { assignmentMode: 'auto', sla: defaultSlaTargets };
  const sla = slaTargetsSchema.safeParse(JSON.parse(row.sla_targets));
  return { assignmentMode: row.assignment_mode, sla: sla.success ? sla.data : defaultSlaTargets };
}

/** The settings row, written with the defaults when the organisation has none; call inside a write. */
export async function ensureSettings(db: Kysely<Database>, orgId: number, now: number): Promise<void> {
  await db
    .insertInto('ticket_settings')
    .values({
      org_id: orgId,
      assignment_mode: 'auto',
      sla_targets: JSON.stringify(defaultSlaTargets),
      next_number: 1,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
}

/** The next ticket number of the organisation, taken (the counter moves on) in the caller's write. */
export async function takeTicketNumber(db: Kysely<Database>, orgId: number, now: number): Promise<number> {
  await ensureSettings(db, orgId, now);
  // Past the highest number in use too: tickets written by other means (the demo seed) never collide.
  const result = await sql<{ next_number: number }>`update ticket_settings
    set next_number = max(next_number,
      (select coalesce(max(number), 0) + 1 from tickets where org_id = ${orgId})) + 1
    where org_id = ${orgId} returning next_number`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('ticket settings row missing after it was written');
  return row.next_number - 1;
}

export async function saveSettings(
  db: Kysely<Database>,
  orgId: number,
  settings: TicketSettings,
  now: number,
): Promise<void> {
  await ensureSettings(db, orgId, now);
  await db
    .updateTable('ticket_settings')
    .set({
      assignment_mode: settings.assignmentMode,
      sla_targets: JSON.stringify(settings.sla),
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .execute();
}
