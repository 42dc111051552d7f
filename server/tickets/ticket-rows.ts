import type { Kysely, Selectable, Updateable } from 'kysely';
import type {
  TicketEvent as StatusEvent,
  TicketStatus,
  Transition,
} from '../../shared/domain/tickets/ticket-status';
import { transition } from '../../shared/domain/tickets/ticket-status';
import type { Database, TicketsTable } from '../store/schema';

export type TicketRow = Selectable<TicketsTable>;

/** The ticket, if it is in this organisation: every lookup by id goes through the tenant. */
export async function loadTicketRow(
  db: Kysely<Database>,
  orgId: number,
  ticketId: number,
): Promise<TicketRow | null> {
  const row = await db
    .selectFrom('tickets')
    .selectAll()
    .where('id', '=', ticketId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ?? null;
}

/** Statuses in which the resolution clock stands still: waiting on the customer, snoozed, or done. */
function pauses(status: TicketStatus): boolean {
  return status === 'pending' || status === 'snoozed' || status === 'resolved';
}

/**
 * The SLA and resolution columns that go with a move from one status to
 * another: entering pending, snoozed or resolved starts the pause (once),
 * leaving them for new or open folds it into `sla_paused_ms`, so a reopened
 * ticket does not come back already breached; resolving stamps
 * `resolved_at` and reopening clears it.
 */
function clockColumns(row: TicketRow, next: TicketStatus, now: number): Updateable<TicketsTable> {
  const from = row.status;
  if (from === next) return {};
  const columns: Updateable<TicketsTable> = {};
  if (pauses(next) && row.sla_paused_since === null) columns.sla_paused_since = now;
  if (!pauses(next) && row.sla_paused_since !== null) {
    columns.sla_paused_ms = Number(row.sla_paused_ms) + Math.max(0, now - row.sla_paused_since);
    columns.sla_paused_since = null;
  }
  if (next === 'resolved') columns.resolved_at = now;
  if (from === 'resolved') columns.resolved_at = null;
  return columns;
}

/**
 * Applies one move of the status machine (shared/domain/tickets/ticket-status.ts)
 * to the stored ticket, with `extra` columns written in the same update.
 * Answers the machine's verdict; on a refusal nothing is written.
 */
export async function applyTransition(
  db: Kysely<Database>,
  row: TicketRow,
  event: StatusEvent,
  now: number,
  extra: Updateable<TicketsTable> = {},
): Promise<Transition> {
  const verdict = transition(
    { status: row.status, snoozedUntil: row.snoozed_until, answered: row.answered === 1 },
    event,
    now,
  );
  if (!verdict.ok) return verdict;
  const { state } = verdict;
  // Most customer messages move nothing (the ticket is already open): no write for them.
  if (!verdict.changed && Object.keys(extra).length === 0) return verdict;
  await db
    .updateTable('tickets')
    .set({
      status: state.status,
      snoozed_until: state.snoozedUntil,
      answered: state.answered ? 1 : 0,
      ...clockColumns(row, state.status, now),
      ...extra,
      updated_at: now,
    })
    .where('id', '=', row.id)
    .execute();
  return verdict;
}
