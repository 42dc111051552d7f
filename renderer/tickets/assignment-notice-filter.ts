import type { TicketSummary } from '../../shared/protocol';

/** A claim the worker made this long ago or less is theirs, not news: no notice for it. */
export const ownClaimMs = 30_000;
/** Assignments remembered to tell a repeat push from a new one. */
const rememberAssignments = 200;

/** At most `max` UTF-16 units (the bridge's measure), never cutting a character in two. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

/**
 * Which `tickets.assigned` pushes are news for the worker: their own, once
 * each (the same assignment pushed again is not a second notice), and not
 * one they took themselves a moment ago with Claim. Pure over the times given.
 */
export class AssignmentNoticeFilter {
  private readonly seen: string[] = [];
  private readonly claims = new Map<number, number>();

  constructor(private readonly userId: number) {}

  /** The worker asked for this ticket (a Claim in the outbox or just applied). */
  claimed(ticketId: number, now: number): void {
    this.claims.set(ticketId, now);
  }

  isNews(ticket: TicketSummary, now: number): boolean {
    if (ticket.assignee?.id !== this.userId) return false;
    const key = `${ticket.id}:${ticket.assignedAt ?? ''}`;
    if (this.seen.includes(key)) return false;
    this.seen.push(key);
    if (this.seen.length > rememberAssignments) this.seen.shift();
    const claimedAt = this.claims.get(ticket.id);
    if (claimedAt !== undefined && now - claimedAt <= ownClaimMs) return false;
    for (const [id, at] of this.claims) if (now - at > ownClaimMs) this.claims.delete(id);
    return true;
  }
}
