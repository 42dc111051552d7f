import type { Kysely } from 'kysely';
import type { AgentLoad, AgentPresence, QueuedTicket } from '../../shared/domain/tickets/assignment';
import { planAssignments, ticketsToReturn } from '../../shared/domain/tickets/assignment';
import type { TicketEvent as ProtocolEvent } from '../../shared/protocol/tickets';
import type { Database } from '../store/schema';
import { agentRows, ensureAgentState, loadStatuses, profileOf } from './agents';
import type { Effects } from './pushes';
import { loadSettings } from './settings';
import { appendMessage } from './store';
import { applyTransition, loadTicketRow } from './ticket-rows';

/**
 * Assignment as the store holds it: agents' presence, loads and last
 * assignment are read from the store inside the write that changes them and
 * written back in it, never kept in hub memory, so two hub nodes sharing the
 * store would make the same choice and never assign one ticket twice (the
 * single writer runs one write at a time).
 */

interface Person {
  id: number;
  displayName: string;
}

async function person(db: Kysely<Database>, orgId: number, userId: number): Promise<Person | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', userId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? { id: row.id, displayName: row.display_name } : null;
}

async function writeEvent(
  db: Kysely<Database>,
  fx: Effects,
  ticketId: number,
  event: ProtocolEvent,
  visibleToCustomer: boolean,
  now: number,
): Promise<void> {
  const stored = await appendMessage(db, {
    orgId: fx.orgId,
    ticketId,
    kind: 'event',
    authorKind: 'system',
    authorId: null,
    commandId: null,
    body: '',
    event,
    visibleToCustomer,
    now,
  });
  fx.message(ticketId, stored);
}

/**
 * Gives the ticket to `userId` (auto-assignment when `byUserId` is null,
 * a claim or a supervisor's assignment otherwise): the assignee, the
 * `assigned` move of the status machine, the agent's last assignment, an
 * event in the conversation, and the agent's notice.
 */
export async function assignTicket(
  db: Kysely<Database>,
  fx: Effects,
  ticketId: number,
  userId: number,
  byUserId: number | null,
  now: number,
): Promise<void> {
  const ticket = await loadTicketRow(db, fx.orgId, ticketId);
  const agent = await person(db, fx.orgId, userId);
  if (!ticket || !agent) return;
  const by = byUserId === null || byUserId === userId ? null : await person(db, fx.orgId, byUserId);
  await applyTransition(db, ticket, { type: 'assigned' }, now, {
    assignee_id: userId,
    assigned_at: now,
  });
  await ensureAgentState(db, fx.orgId, userId, now);
  await db
    .updateTable('agent_states')
    .set({ last_assigned_at: now, updated_at: now })
    .where('user_id', '=', userId)
    .execute();
  await writeEvent(db, fx, ticketId, { type: 'assigned', agent, by }, true, now);
  fx.assignedTo(userId, ticketId);
  fx.agent(userId);
}

export type ReturnReason = 'away' | 'slow_reply' | 'released' | 'transferred_to_queue';

/** Back to the queue: no assignee, `answered` cleared by the status machine, an event agents see. */
export async function unassignTicket(
  db: Kysely<Database>,
  fx: Effects,
  ticketId: number,
  reason: ReturnReason,
  now: number,
): Promise<void> {
  const ticket = await loadTicketRow(db, fx.orgId, ticketId);
  if (!ticket || ticket.assignee_id === null) return;
  const previous = ticket.assignee_id;
  await applyTransition(db, ticket, { type: 'unassigned' }, now, { assignee_id: null, assigned_at: null });
  await writeEvent(db, fx, ticketId, { type: 'unassigned', reason }, false, now);
  fx.agent(previous);
  fx.chatState(ticketId);
}

async function agentLoads(db: Kysely<Database>, orgId: number): Promise<AgentLoad[]> {
  const rows = await agentRows(db, orgId).execute();
  return rows.map((r) => ({
    userId: r.id,
    presence: r.presence ?? 'offline',
    openCount: Number(r.load),
    maxConcurrent: profileOf(r).maxConcurrent,
    lastAssignedAt: r.last_assigned_at,
    presenceSince: r.presence_since ?? r.created_at,
  }));
}

/** Active tickets nobody has, oldest and most urgent first, at most `limit` of them. */
async function backlog(db: Kysely<Database>, orgId: number, limit: number): Promise<QueuedTicket[]> {
  if (limit <= 0) return [];
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'priority', 'created_at'])
    .where('org_id', '=', orgId)
    .where('assignee_id', 'is', null)
    .where('status', 'in', [...loadStatuses])
    .orderBy((eb) =>
      eb
        .case()
        .when('priority', '=', 'urgent')
        .then(0)
        .when('priority', '=', 'high')
        .then(1)
        .when('priority', '=', 'normal')
        .then(2)
        .else(3)
        .end(),
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ticketId: r.id, priority: r.priority, createdAt: r.created_at }));
}

/**
 * In auto mode, gives the backlog to the agents who are available and under
 * their limit (round robin, longest idle first). Run in the same write as
 * anything that changes who can take what: a new ticket, an agent becoming
 * available, a ticket resolved, snoozed or returned, a profile change.
 * `exclude` keeps tickets away from agents who just lost them (a slow reply
 * would otherwise go straight back to the same agent when they are the
 * longest idle).
 */
export async function replan(
  db: Kysely<Database>,
  fx: Effects,
  now: number,
  exclude: ReadonlyMap<number, number> = new Map(),
): Promise<void> {
  const settings = await loadSettings(db, fx.orgId);
  if (settings.assignmentMode !== 'auto') return;
  const agents = await agentLoads(db, fx.orgId);
  const capacity = agents
    .filter((a) => a.presence === 'available')
    .reduce((sum, a) => sum + Math.max(0, a.maxConcurrent - a.openCount), 0);
  const queue = await backlog(db, fx.orgId, capacity);
  if (queue.length === 0) return;
  const held = queue.filter((t) => exclude.has(t.ticketId));
  const free = queue.filter((t) => !exclude.has(t.ticketId));
  // Tickets taken from an agent first, each planned without that agent; then the rest with everyone.
  for (const ticket of held) {
    const others = agents.filter((a) => a.userId !== exclude.get(ticket.ticketId));
    const [choice] = planAssignments([ticket], others, now);
    if (!choice) continue;
    await assignTicket(db, fx, choice.ticketId, choice.userId, null, now);
    const agent = agents.find((a) => a.userId === choice.userId);
    if (agent) {
      agent.openCount += 1;
      agent.lastAssignedAt = now;
    }
  }
  for (const { ticketId, userId } of planAssignments(free, agents, now)) {
    await assignTicket(db, fx, ticketId, userId, null, now);
  }
}

/**
 * An agent's presence changes: going away or offline hands back their
 * tickets nobody has answered yet (answered ones stay with them), and the
 * queue is planned again either way (they may have just become available).
 */
export async function changePresence(
  db: Kysely<Database>,
  fx: Effects,
  userId: number,
  presence: AgentPresence,
  now: number,
): Promise<void> {
  await ensureAgentState(db, fx.orgId, userId, now);
  const current = await db
    .selectFrom('agent_states')
    .select('presence')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  if (current.presence !== presence) {
    await db
      .updateTable('agent_states')
      .set({ presence, presence_since: now, updated_at: now })
      .where('user_id', '=', userId)
      .execute();
  }
  fx.agent(userId);
  const exclude = new Map<number, number>();
  if (presence === 'away' || presence === 'offline') {
    const assigned = await db
      .selectFrom('tickets')
      .select(['id', 'assignee_id', 'status', 'answered', 'assigned_at'])
      .where('org_id', '=', fx.orgId)
      .where('assignee_id', '=', userId)
      .where('status', '!=', 'resolved')
      .execute();
    const back = ticketsToReturn(
      assigned.map((t) => ({
        ticketId: t.id,
        assigneeId: userId,
        status: t.status,
        answered: t.answered === 1,
        assignedAt: t.assigned_at ?? 0,
      })),
      userId,
    );
    for (const ticketId of back) {
      await unassignTicket(db, fx, ticketId, 'away', now);
      exclude.set(ticketId, userId);
    }
  }
  await replan(db, fx, now, exclude);
}
