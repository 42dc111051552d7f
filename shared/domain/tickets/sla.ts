/**
 * SLA clocks: first response, then resolution, per priority.
 *
 * Deadline convention: a clock is breached from the instant `dueAt` on
 * (remaining <= 0), and an answer or resolve is met only strictly before
 * `dueAt`. So at every instant "breached" means "acting now would be late",
 * and a timer set to `dueAt` sees the breach.
 *
 * The hub keeps `pausedMs` / `pausedSince` for the resolution clock: it sets
 * `pausedSince` on entering pending or snoozed and folds the span into
 * `pausedMs` on leaving. If a reopened ticket should not come back already
 * breached, the hub pauses on resolve too and folds that span in on reopen.
 */
import { z } from 'zod';
import { type TicketPriority, type TicketStatus } from './ticket-status';

export interface SlaTarget {
  firstResponseMs: number;
  resolutionMs: number;
}
export type SlaTargets = Record<TicketPriority, SlaTarget>;

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** A home shop's realistic targets: urgent is a spoiled delivery, low an invoice question. */
export const defaultSlaTargets: SlaTargets = {
  urgent: { firstResponseMs: 15 * minute, resolutionMs: 4 * hour },
  high: { firstResponseMs: 1 * hour, resolutionMs: 8 * hour },
  normal: { firstResponseMs: 4 * hour, resolutionMs: 24 * hour },
  low: { firstResponseMs: 8 * hour, resolutionMs: 72 * hour },
};

export interface SlaTicket {
  priority: TicketPriority;
  status: TicketStatus;
  createdAt: number;
  firstResponseAt: number | null;
  /** Read only while status is resolved; the hub clears it on reopen. */
  resolvedAt: number | null;
  /** Time spent pending or snoozed so far (the resolution clock stops while waiting on the customer). */
  pausedMs: number;
  pausedSince: number | null;
}

export type SlaPhase = 'ok' | 'warning' | 'breached' | 'met' | 'paused';

export interface SlaClock {
  target: 'first_response' | 'resolution' | null;
  /** null while paused: the due time moves with the clock stopped. */
  dueAt: number | null;
  /** Running: ms left (negative once breached). Paused: the ms left when it stopped. Met or breached after resolve: the margin at resolve. */
  remainingMs: number | null;
  phase: SlaPhase;
}

const minWarningLeadMs = 2 * minute;

/**
 * When the warning starts: a fifth of the target before the due time, at
 * least 2 minutes so there is time to act on it even for a short target
 * (a switch user needs longer than a glance), and never more than the whole
 * target (then the warning shows from the start).
 */
export function warningLeadMs(targetMs: number): number {
  return Math.min(targetMs, Math.max(Math.ceil(targetMs / 5), minWarningLeadMs));
}

function pausedUntil(ticket: SlaTicket, at: number): number {
  return ticket.pausedMs + (ticket.pausedSince === null ? 0 : Math.max(0, at - ticket.pausedSince));
}

function running(target: SlaClock['target'], dueAt: number, targetMs: number, now: number): SlaClock {
  const remainingMs = dueAt - now;
  const phase: SlaPhase =
    remainingMs <= 0 ? 'breached' : remainingMs <= warningLeadMs(targetMs) ? 'warning' : 'ok';
  return { target, dueAt, remainingMs, phase };
}

/**
 * Once resolved the ticket shows one outcome: breached if either clock was
 * late (first response named first, as it is the one customers feel most),
 * otherwise met on the resolution clock.
 */
function outcome(ticket: SlaTicket, target: SlaTarget, resolvedAt: number): SlaClock {
  const firstDue = ticket.createdAt + target.firstResponseMs;
  const firstAt = ticket.firstResponseAt ?? resolvedAt;
  if (firstAt >= firstDue) {
    return { target: 'first_response', dueAt: firstDue, remainingMs: firstDue - firstAt, phase: 'breached' };
  }
  const dueAt = ticket.createdAt + target.resolutionMs + pausedUntil(ticket, resolvedAt);
  const remainingMs = dueAt - resolvedAt;
  return { target: 'resolution', dueAt, remainingMs, phase: remainingMs > 0 ? 'met' : 'breached' };
}

export function slaClock(ticket: SlaTicket, targets: SlaTargets, now: number): SlaClock {
  const target = targets[ticket.priority];
  if (ticket.status === 'resolved') {
    // Without a resolve time there is nothing to measure; guessing "now" would let the outcome drift.
    if (ticket.resolvedAt === null) return { target: null, dueAt: null, remainingMs: null, phase: 'met' };
    return outcome(ticket, target, ticket.resolvedAt);
  }
  // The first-response clock never pauses: a customer waiting for any answer is waiting.
  if (ticket.firstResponseAt === null) {
    return running('first_response', ticket.createdAt + target.firstResponseMs, target.firstResponseMs, now);
  }
  const base = ticket.createdAt + target.resolutionMs;
  if (ticket.pausedSince !== null) {
    const remainingMs = base + ticket.pausedMs - ticket.pausedSince;
    // A breach already happened stays shown while paused: stopping the clock cannot undo it.
    if (remainingMs <= 0) return { target: 'resolution', dueAt: null, remainingMs, phase: 'breached' };
    return { target: 'resolution', dueAt: null, remainingMs, phase: 'paused' };
  }
  return running('resolution', base + ticket.pausedMs, target.resolutionMs, now);
}

/** For "sort by time to breach": ms left on the running clock (negative once breached), +Infinity for none/met/paused. */
export function timeToBreach(ticket: SlaTicket, targets: SlaTargets, now: number): number {
  if (ticket.status === 'resolved') return Number.POSITIVE_INFINITY;
  const clock = slaClock(ticket, targets, now);
  if (clock.phase === 'paused' || clock.remainingMs === null) return Number.POSITIVE_INFINITY;
  return clock.remainingMs;
}

/** When the phase will next change with time alone (for a timer to wake at), or null: events such as a reply are the hub's to notice. */
export function nextSlaChangeAt(ticket: SlaTicket, targets: SlaTargets, now: number): number | null {
  const clock = slaClock(ticket, targets, now);
  if (clock.dueAt === null || clock.target === null) return null;
  const target = targets[ticket.priority];
  const targetMs = clock.target === 'first_response' ? target.firstResponseMs : target.resolutionMs;
  if (clock.phase === 'ok') return clock.dueAt - warningLeadMs(targetMs);
  if (clock.phase === 'warning') return clock.dueAt;
  return null;
}

/** Thirty days: longer than any shop promises, short enough to catch a typo in units. */
export const maxSlaTargetMs = 30 * day;

const durationSchema = z.number().int().positive().max(maxSlaTargetMs);

export const slaTargetSchema = z
  .object({ firstResponseMs: durationSchema, resolutionMs: durationSchema })
  .strict()
  .refine((t) => t.firstResponseMs <= t.resolutionMs, {
    message: 'first response target must not exceed the resolution target',
    path: ['firstResponseMs'],
  });

/** zod schema for SlaTargets (positive integers, first response <= resolution, at most 30 days). */
export const slaTargetsSchema = z
  .object({
    low: slaTargetSchema,
    normal: slaTargetSchema,
    high: slaTargetSchema,
    urgent: slaTargetSchema,
  })
  .strict();
