import type { z } from 'zod';
import type { TicketEvent as StatusEvent } from '../../shared/domain/tickets/ticket-status';
import { isActive } from '../../shared/domain/tickets/ticket-status';
import { fail, ok, type Ack } from '../../shared/protocol/ack';
import type {
  TicketSummary,
  ticketClaimInput,
  ticketReadInput,
  ticketStatusInput,
  ticketTransferInput,
  ticketUpdateInput,
} from '../../shared/protocol/tickets';
import type { WorkerPrincipal } from '../protocol/principal';
import { ensureAgentState, loadAgent } from './agents';
import { assignTicket, replan, unassignTicket } from './assignment';
import { ticketNotFound, type WriteContext } from './deps';
import { appendMessage } from './store';
import { applyTransition, loadTicketRow, type TicketRow } from './ticket-rows';

type Ctx = WriteContext<WorkerPrincipal>;
type Changed = Ack<{ ticket: TicketSummary }>;

const isSupervisor = (ctx: Ctx): boolean => ctx.principal.user.roles.includes('supervisor');

async function answer(ctx: Ctx, ticketId: number): Promise<Changed> {
  ctx.fx.changed(ticketId);
  const ticket = await ctx.fx.summary(ctx.trx, ticketId);
  return ticket ? ok({ ticket }) : ticketNotFound;
}

/** Taking a ticket from the queue (claim mode, or any mode): only an active ticket nobody has. */
export async function claim(ctx: Ctx, input: z.output<typeof ticketClaimInput>): Promise<Changed> {
  const { trx, fx, principal, now } = ctx;
  const ticket = await loadTicketRow(trx, fx.orgId, input.ticketId);
  if (!ticket) return ticketNotFound;
  if (ticket.assignee_id === principal.user.id) return answer(ctx, ticket.id);
  if (ticket.assignee_id !== null) return fail('conflict', 'Someone else has this ticket already.');
  if (!isActive(ticket.status)) return fail('conflict', 'Only an open ticket in the queue can be taken.');
  await assignTicket(trx, fx, ticket.id, principal.user.id, principal.user.id, now);
  return answer(ctx, ticket.id);
}

/**
 * Handing a ticket on: one's own, or any as a supervisor; to an agent of the
 * organisation, or back to the queue (null). The note stays in the
 * conversation for agents, never for the customer.
 */
export async function transfer(ctx: Ctx, input: z.output<typeof ticketTransferInput>): Promise<Changed> {
  const { trx, fx, principal, now } = ctx;
  const me = principal.user;
  const ticket = await loadTicketRow(trx, fx.orgId, input.ticketId);
  if (!ticket) return ticketNotFound;
  if (ticket.assignee_id !== me.id && !isSupervisor(ctx)) {
    return fail('forbidden', 'You can hand on your own tickets only.');
  }
  const note = input.note === undefined || input.note === '' ? null : input.note;
  if (input.toUserId === null) {
    if (ticket.assignee_id === null) return answer(ctx, ticket.id);
    await unassignTicket(trx, fx, ticket.id, 'transferred_to_queue', now);
    if (note) await writeNote(ctx, ticket.id, note, input.id);
    await replan(trx, fx, now, new Map([[ticket.id, ticket.assignee_id]]));
    return answer(ctx, ticket.id);
  }
  const to = await loadAgent(trx, fx.orgId, input.toUserId);
  if (!to) return fail('not_found', 'There is no such agent.');
  if (to.id === ticket.assignee_id) return answer(ctx, ticket.id);
  const fromId = ticket.assignee_id;
  if (fromId === null) {
    await assignTicket(trx, fx, ticket.id, to.id, me.id, now);
    if (note) await writeNote(ctx, ticket.id, note, input.id);
    return answer(ctx, ticket.id);
  }
  const from = await loadAgent(trx, fx.orgId, fromId);
  await ensureAgentState(trx, fx.orgId, to.id, now);
  await trx
    .updateTable('tickets')
    .set({ assignee_id: to.id, assigned_at: now, updated_at: now })
    .where('id', '=', ticket.id)
    .execute();
  await trx
    .updateTable('agent_states')
    .set({ last_assigned_at: now, updated_at: now })
    .where('user_id', '=', to.id)
    .execute();
  const stored = await appendMessage(trx, {
    orgId: fx.orgId,
    ticketId: ticket.id,
    kind: 'event',
    authorKind: 'system',
    authorId: me.id,
    commandId: input.id,
    body: '',
    event: {
      type: 'transferred',
      from: { id: fromId, displayName: from?.displayName ?? '' },
      to: { id: to.id, displayName: to.displayName },
      note,
    },
    visibleToCustomer: true,
    now,
  });
  fx.message(ticket.id, stored);
  fx.assignedTo(to.id, ticket.id);
  fx.agent(fromId);
  fx.agent(to.id);
  // The previous agent has a slot free now.
  await replan(trx, fx, now);
  return answer(ctx, ticket.id);
}

async function writeNote(ctx: Ctx, ticketId: number, body: string, commandId: string): Promise<void> {
  const stored = await appendMessage(ctx.trx, {
    orgId: ctx.fx.orgId,
    ticketId,
    kind: 'note',
    authorKind: 'agent',
    authorId: ctx.principal.user.id,
    commandId,
    body,
    event: null,
    visibleToCustomer: false,
    now: ctx.now,
  });
  ctx.fx.message(ticketId, stored);
}

/** Snoozing further ahead than this is a typo in the date, not a plan. */
const maxSnoozeMs = 90 * 24 * 60 * 60 * 1000;

function statusEvent(ticket: TicketRow, input: z.output<typeof ticketStatusInput>): StatusEvent | null {
  switch (input.status) {
    case 'pending':
      return { type: 'pending' };
    case 'snoozed':
      return { type: 'snooze', until: input.snoozeUntil ?? 0 };
    case 'resolved':
      return { type: 'resolve' };
    case 'open':
      if (ticket.status === 'resolved') return { type: 'reopen' };
      if (ticket.status === 'snoozed') return { type: 'wake' };
      // Pending back to open: the machine has no agent's move for it, only the customer's, which it reuses.
      return null;
  }
}

/** Pending, snoozed until, resolved, or open again; the status machine says what is allowed. */
export async function setStatus(ctx: Ctx, input: z.output<typeof ticketStatusInput>): Promise<Changed> {
  const { trx, fx, now } = ctx;
  const ticket = await loadTicketRow(trx, fx.orgId, input.ticketId);
  if (!ticket) return ticketNotFound;
  if (input.status === 'snoozed' && (input.snoozeUntil ?? 0) > now + maxSnoozeMs) {
    return fail('invalid_input', 'Snooze for at most 90 days.', [
      { path: ['snoozeUntil'], message: 'at most 90 days ahead' },
    ]);
  }
  if (input.status === 'open' && (ticket.status === 'new' || ticket.status === 'open'))
    return answer(ctx, ticket.id);
  const event = statusEvent(ticket, input);
  const verdict = event
    ? await applyTransition(trx, ticket, event, now)
    : await applyTransition(trx, ticket, { type: 'customer_message' }, now);
  if (!verdict.ok) {
    return verdict.reason === 'snooze_in_past'
      ? fail('invalid_input', 'Choose a snooze time in the future.', [
          { path: ['snoozeUntil'], message: 'in the past' },
        ])
      : fail('conflict', `A ${ticket.status} ticket cannot be set ${input.status}. Reopen it first.`);
  }
  if (verdict.changed) {
    const status = verdict.state.status;
    const visible = status === 'resolved' || (ticket.status === 'resolved' && status === 'open');
    const stored = await appendMessage(trx, {
      orgId: fx.orgId,
      ticketId: ticket.id,
      kind: 'event',
      authorKind: 'system',
      authorId: ctx.principal.user.id,
      commandId: input.id,
      body: '',
      event: { type: 'status', status, until: verdict.state.snoozedUntil },
      visibleToCustomer: visible,
      now,
    });
    fx.message(ticket.id, stored);
    fx.chatState(ticket.id);
    if (ticket.assignee_id !== null) fx.agent(ticket.assignee_id);
    // Resolving or snoozing frees a slot; reopening puts an unassigned ticket back in the backlog.
    await replan(trx, fx, now);
  }
  return answer(ctx, ticket.id);
}

export async function update(ctx: Ctx, input: z.output<typeof ticketUpdateInput>): Promise<Changed> {
  const { trx, fx, now } = ctx;
  const ticket = await loadTicketRow(trx, fx.orgId, input.ticketId);
  if (!ticket) return ticketNotFound;
  const tags = input.tags === undefined ? undefined : [...new Set(input.tags)];
  if (input.priority === undefined && tags === undefined) return answer(ctx, ticket.id);
  await trx
    .updateTable('tickets')
    .set({
      ...(input.priority === undefined ? {} : { priority: input.priority }),
      ...(tags === undefined ? {} : { tags: JSON.stringify(tags) }),
      updated_at: now,
    })
    .where('id', '=', ticket.id)
    .execute();
  return answer(ctx, ticket.id);
}

/** The agent has read the customer's messages up to `readCount` (never past what the customer wrote). */
export async function markRead(
  ctx: Ctx,
  input: z.output<typeof ticketReadInput>,
): Promise<Ack<{ readCount: number }>> {
  const { trx, fx, principal, now } = ctx;
  const ticket = await loadTicketRow(trx, fx.orgId, input.ticketId);
  if (!ticket) return ticketNotFound;
  const readCount = Math.min(input.readCount, ticket.customer_messages);
  await trx
    .insertInto('ticket_reads')
    .values({ ticket_id: ticket.id, user_id: principal.user.id, read_count: readCount, read_at: now })
    .onConflict((oc) =>
      oc.columns(['ticket_id', 'user_id']).doUpdateSet({ read_count: readCount, read_at: now }),
    )
    .execute();
  return ok({ readCount });
}
