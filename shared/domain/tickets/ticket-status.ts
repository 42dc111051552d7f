/**
 * The ticket status machine (Zendesk-like), pure so the hub, the workspace and
 * the tests agree on every move. Time comes in as `now` (epoch ms).
 *
 * Choices made here, for the hub and the workspace to rely on:
 * - `assigned` moves new -> open, as Zendesk does: "new" means nobody has
 *   taken the ticket yet. Whether anyone has *answered* is the separate
 *   `answered` flag, which is what the hub uses to hand back unanswered
 *   tickets when an agent goes away; the status is not used for that.
 * - `unassigned` (back to the queue) also clears `answered`: the flag means
 *   "the customer has had a reply since creation or since the last return",
 *   so the next agent starts with a fresh flag. An open ticket nobody
 *   answered goes back to new.
 * - An agent's reply never changes pending, snoozed or resolved: replying to
 *   a ticket waiting on the customer, or a follow-up after resolving, keeps
 *   the status the agent chose.
 * - A customer message wakes pending, snoozed and resolved tickets (a customer
 *   writing after resolve reopens), because someone must now look at it.
 * - `wake` is allowed from snoozed at any time, not only once the snooze time
 *   has passed, so an agent can also end a snooze early.
 * - Snoozing a snoozed ticket moves its wake time (re-snooze).
 * - Repeating a move into the state a ticket is already in (resolve on
 *   resolved, pending on pending) succeeds with `changed: false`, so a
 *   replayed command from the outbox is harmless.
 */
export const ticketStatuses = ['new', 'open', 'pending', 'snoozed', 'resolved'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

export type TicketEvent =
  /** Auto-assigned or claimed. */
  | { type: 'assigned' }
  /** Returned to the queue. */
  | { type: 'unassigned' }
  /** A reply the customer sees (internal notes do not change status). */
  | { type: 'agent_reply' }
  | { type: 'customer_message' }
  /** Waiting on the customer. */
  | { type: 'pending' }
  | { type: 'snooze'; until: number }
  /** Snooze time reached (hub sweep), or the agent ends the snooze early. */
  | { type: 'wake' }
  | { type: 'resolve' }
  | { type: 'reopen' };

export interface TicketState {
  status: TicketStatus;
  snoozedUntil: number | null;
  /** An agent reply reached the customer since creation or the last return to the queue. */
  answered: boolean;
}

export type Transition =
  | { ok: true; state: TicketState; changed: boolean }
  | { ok: false; reason: 'not_allowed' | 'snooze_in_past' };

const refused: Transition = { ok: false, reason: 'not_allowed' };

function to(from: TicketState, next: TicketState): Transition {
  const changed =
    from.status !== next.status || from.snoozedUntil !== next.snoozedUntil || from.answered !== next.answered;
  return { ok: true, state: changed ? next : from, changed };
}

/** Leaving snoozed always clears the wake time, so a stale one never fires. */
function withStatus(state: TicketState, status: TicketStatus): TicketState {
  return { ...state, status, snoozedUntil: status === 'snoozed' ? state.snoozedUntil : null };
}

export function transition(state: TicketState, event: TicketEvent, now: number): Transition {
  const { status } = state;
  switch (event.type) {
    case 'assigned':
      return to(state, status === 'new' ? withStatus(state, 'open') : state);
    case 'unassigned': {
      const back = status === 'open' && !state.answered ? withStatus(state, 'new') : state;
      return to(state, { ...back, answered: false });
    }
    case 'agent_reply': {
      const next = status === 'new' ? withStatus(state, 'open') : state;
      return to(state, { ...next, answered: true });
    }
    case 'customer_message':
      return to(state, status === 'new' || status === 'open' ? state : withStatus(state, 'open'));
    case 'pending':
      if (status === 'pending') return to(state, state);
      return status === 'new' || status === 'open' ? to(state, withStatus(state, 'pending')) : refused;
    case 'snooze':
      if (status === 'resolved') return refused;
      if (!Number.isFinite(event.until) || event.until <= now) {
        return { ok: false, reason: 'snooze_in_past' };
      }
      return to(state, { ...state, status: 'snoozed', snoozedUntil: event.until });
    case 'wake':
      return status === 'snoozed' ? to(state, withStatus(state, 'open')) : refused;
    case 'resolve':
      return to(state, withStatus(state, 'resolved'));
    case 'reopen':
      return status === 'resolved' ? to(state, withStatus(state, 'open')) : refused;
  }
}

/** Statuses that need an agent's attention now: they appear in "all open" and can breach an SLA. */
export function isActive(status: TicketStatus): boolean {
  return status === 'new' || status === 'open' || status === 'pending';
}

/**
 * Statuses that take one of an agent's concurrent slots. Pending counts: the
 * customer usually answers within minutes and the agent must still hold that
 * conversation in mind. Snoozed waits on a time the agent chose and resolved
 * is done, so neither keeps the agent from taking the next customer.
 */
export function countsTowardLoad(status: TicketStatus): boolean {
  return isActive(status);
}
