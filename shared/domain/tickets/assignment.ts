/**
 * Who gets the next customer. Pure: the hub reads agent loads and the queue
 * from the store, calls these, and writes the result back, so two hub nodes
 * given the same store state make the same choice.
 */
import { z } from 'zod';
import { isActive, type TicketPriority, type TicketStatus } from './ticket-status';

export const agentPresences = ['available', 'busy', 'away', 'offline'] as const;
export type AgentPresence = (typeof agentPresences)[number];

export interface AgentLoad {
  userId: number;
  presence: AgentPresence;
  /** Tickets assigned now that count toward load (see countsTowardLoad). */
  openCount: number;
  /** From the accommodation profile (>= 1). */
  maxConcurrent: number;
  /** null = never assigned: the longest idle of all. */
  lastAssignedAt: number | null;
  /** When presence last changed; ties on lastAssignedAt go to the one available longest. */
  presenceSince: number;
}

export interface QueuedTicket {
  ticketId: number;
  priority: TicketPriority;
  createdAt: number;
}

export interface Assignment {
  ticketId: number;
  userId: number;
}

/** Internal: `round` orders agents given a ticket at the same `now` within one plan. */
interface Candidate extends AgentLoad {
  round: number;
}

function canTake(agent: AgentLoad): boolean {
  return agent.presence === 'available' && agent.openCount < agent.maxConcurrent;
}

function idleOrder(a: Candidate, b: Candidate): number {
  if (a.lastAssignedAt !== b.lastAssignedAt) {
    if (a.lastAssignedAt === null) return -1;
    if (b.lastAssignedAt === null) return 1;
    return a.lastAssignedAt - b.lastAssignedAt;
  }
  return a.round - b.round || a.presenceSince - b.presenceSince || a.userId - b.userId;
}

function pickCandidate(agents: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const agent of agents) {
    if (canTake(agent) && (best === null || idleOrder(agent, best) < 0)) best = agent;
  }
  return best;
}

/** Only 'available' agents under their limit; longest idle first (lastAssignedAt oldest, null first), then presenceSince, then userId. */
export function pickAgent(agents: readonly AgentLoad[]): number | null {
  return pickCandidate(agents.map((agent) => ({ ...agent, round: 0 })))?.userId ?? null;
}

const priorityRank: Record<TicketPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

export function queueOrder(a: QueuedTicket, b: QueuedTicket): number {
  return (
    priorityRank[a.priority] - priorityRank[b.priority] ||
    a.createdAt - b.createdAt ||
    a.ticketId - b.ticketId
  );
}

/**
 * Backlog: tickets in order (priority urgent>high>normal>low, then oldest
 * createdAt, then ticketId); each assignment raises that agent's load and
 * sets lastAssignedAt = now, so it is round-robin. Within one plan every
 * assignment shares `now`, so the order of assignment in the plan breaks
 * that tie; otherwise the agent with the oldest presenceSince would take
 * every second ticket.
 */
export function planAssignments(
  queue: readonly QueuedTicket[],
  agents: readonly AgentLoad[],
  now: number,
): Assignment[] {
  const candidates: Candidate[] = agents.map((agent) => ({ ...agent, round: 0 }));
  const plan: Assignment[] = [];
  for (const ticket of [...queue].sort(queueOrder)) {
    const agent = pickCandidate(candidates);
    // Load only rises during a plan, so once nobody can take a ticket nobody can take the rest.
    if (agent === null) break;
    agent.openCount += 1;
    agent.lastAssignedAt = now;
    agent.round = plan.length + 1;
    plan.push({ ticketId: ticket.ticketId, userId: agent.userId });
  }
  return plan;
}

export interface AssignedTicket {
  ticketId: number;
  assigneeId: number;
  status: TicketStatus;
  answered: boolean;
  assignedAt: number;
}

/** When an agent goes away or offline: their assigned tickets never answered (and not resolved) go back; answered ones stay. */
export function ticketsToReturn(tickets: readonly AssignedTicket[], userId: number): number[] {
  return tickets
    .filter((t) => t.assigneeId === userId && !t.answered && t.status !== 'resolved')
    .map((t) => t.ticketId);
}

export interface ReassignPolicy {
  /** null: never reassign this agent's slow tickets (accommodation). */
  reassignAfterMs: number | null;
}

/** Accommodation profile: what the supervisor sets with the worker. */
export interface AccommodationProfile {
  maxConcurrent: number;
  reassignAfterMs: number | null;
  textOnly: boolean;
}

/** Never reassign by default: an agent who types by switch must not lose a customer for being slow. */
export const defaultAccommodation: AccommodationProfile = {
  maxConcurrent: 3,
  reassignAfterMs: null,
  textOnly: false,
};

/** A threshold shorter than this is refused: generous by design, since a slow typist is the user. */
export const minReassignAfterMs = 10 * 60_000;
/** Upper bounds keep a typo from meaning "a hundred customers at once" or "after a year". */
export const maxConcurrentLimit = 20;
export const maxReassignAfterMs = 24 * 60 * 60_000;

export const accommodationProfileSchema = z
  .object({
    maxConcurrent: z.number().int().min(1).max(maxConcurrentLimit),
    reassignAfterMs: z.number().int().min(minReassignAfterMs).max(maxReassignAfterMs).nullable(),
    textOnly: z.boolean(),
  })
  .strict();

/** The threshold actually applied: an agent without a policy gets the default (never), and a too-short one is raised to the minimum. */
function thresholdFor(policies: ReadonlyMap<number, ReassignPolicy>, userId: number): number | null {
  const ms = policies.get(userId)?.reassignAfterMs ?? defaultAccommodation.reassignAfterMs;
  return ms === null ? null : Math.max(ms, minReassignAfterMs);
}

/**
 * Unanswered active tickets assigned longer ago than their agent's threshold.
 * Due at exactly assignedAt + threshold, so a timer set to slowReplyDueAt sees it.
 */
export function slowReplyReassignments(
  tickets: readonly AssignedTicket[],
  policies: ReadonlyMap<number, ReassignPolicy>,
  now: number,
): number[] {
  return tickets
    .filter((t) => {
      const due = slowReplyDueAt(t, policies);
      return due !== null && now >= due;
    })
    .map((t) => t.ticketId);
}

/** When this ticket becomes due for slow-reply reassignment, or null if it never will as it stands. */
export function slowReplyDueAt(
  ticket: AssignedTicket,
  policies: ReadonlyMap<number, ReassignPolicy>,
): number | null {
  if (ticket.answered || !isActive(ticket.status)) return null;
  const threshold = thresholdFor(policies, ticket.assigneeId);
  return threshold === null ? null : ticket.assignedAt + threshold;
}
