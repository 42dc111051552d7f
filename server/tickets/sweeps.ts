import type { Kysely } from 'kysely';
import type { ReassignPolicy } from '../../shared/domain/tickets/assignment';
import { slowReplyReassignments } from '../../shared/domain/tickets/assignment';
import type { Database } from '../store/schema';
import { loadStatuses } from './agents';
import { replan, unassignTicket } from './assignment';
import type { Effects } from './pushes';
import { appendMessage } from './store';
import { applyTransition, loadTicketRow } from './ticket-rows';

/** Organisations with tickets: the sweep's one write each. */
export async function ticketOrgs(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('ticket_settings').select('org_id').execute();
  return rows.map((r) => r.org_id);
}

/** Snoozed tickets whose time has come go back to open, with an event agents see. */
async function wakeSnoozed(db: Kysely<Database>, fx: Effects, now: number): Promise<void> {
  const due = await db
    .selectFrom('tickets')
    .select('id')
    .where('org_id', '=', fx.orgId)
    .where('status', '=', 'snoozed')
    .where('snoozed_until', '<=', now)
    .execute();
  for (const { id } of due) {
    const row = await loadTicketRow(db, fx.orgId, id);
    if (!row) continue;
    const verdict = await applyTransition(db, row, { type: 'wake' }, now);
    if (!verdict.ok || !verdict.changed) continue;
    const stored = await appendMessage(db, {
      orgId: fx.orgId,
      ticketId: id,
      kind: 'event',
      authorKind: 'system',
      authorId: null,
      commandId: null,
      body: '',
      event: { type: 'status', status: verdict.state.status, until: null },
      visibleToCustomer: false,
      now,
    });
    fx.message(id, stored);
    fx.chatState(id);
  }
}

/**
 * Tickets an agent left unanswered past the threshold of their own
 * accommodation profile go back to the queue (null: never, the default), and
 * are planned again without them.
 */
async function returnSlowReplies(
  db: Kysely<Database>,
  fx: Effects,
  now: number,
): Promise<Map<number, number>> {
  const assigned = await db
    .selectFrom('tickets as t')
    .innerJoin('agent_states as s', 's.user_id', 't.assignee_id')
    .select(['t.id', 't.assignee_id', 't.status', 't.answered', 't.assigned_at', 's.reassign_after_ms'])
    .where('t.org_id', '=', fx.orgId)
    .where('t.answered', '=', 0)
    .where('t.status', 'in', [...loadStatuses])
    .where('s.reassign_after_ms', 'is not', null)
    .execute();
  const policies = new Map<number, ReassignPolicy>();
  const tickets = assigned.flatMap((t) => {
    if (t.assignee_id === null || t.assigned_at === null) return [];
    policies.set(t.assignee_id, { reassignAfterMs: t.reassign_after_ms });
    return [
      {
        ticketId: t.id,
        assigneeId: t.assignee_id,
        status: t.status,
        answered: false,
        assignedAt: t.assigned_at,
      },
    ];
  });
  const exclude = new Map<number, number>();
  for (const ticketId of slowReplyReassignments(tickets, policies, now)) {
    const previous = tickets.find((t) => t.ticketId === ticketId)?.assigneeId;
    await unassignTicket(db, fx, ticketId, 'slow_reply', now);
    if (previous !== undefined) exclude.set(ticketId, previous);
  }
  return exclude;
}

/** One organisation's timed work, in one write: wake, return slow replies, plan the backlog. */
export async function sweepOrg(db: Kysely<Database>, fx: Effects, now: number): Promise<void> {
  await wakeSnoozed(db, fx, now);
  const exclude = await returnSlowReplies(db, fx, now);
  await replan(db, fx, now, exclude);
}
