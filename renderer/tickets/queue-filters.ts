import { isActive, type TicketPriority, type TicketStatus } from '../../shared/domain/tickets/ticket-status';
import type { QueueSort, QueueView, TicketSummary } from '../../shared/protocol';
import type { TicketsListInput } from '../../shared/protocol/tickets';

/** The views the queue offers, in tab order ('all' exists on the hub but the workspace does not show it). */
export const shownViews = [
  'mine',
  'unassigned',
  'open',
  'snoozed',
  'resolved',
] as const satisfies readonly QueueView[];
export type ShownView = (typeof shownViews)[number];

/** What the worker asked the queue for: one view, its filters and order. */
export interface QueueQuery {
  readonly view: QueueView;
  /** Applied search text, trimmed; empty searches nothing. */
  readonly search: string;
  readonly status: TicketStatus | null;
  readonly priority: TicketPriority | null;
  readonly tag: string | null;
  /** Supervisors: one agent's tickets. */
  readonly assigneeId: number | null;
  readonly sort: QueueSort;
}

export const defaultQuery: QueueQuery = {
  view: 'mine',
  search: '',
  status: null,
  priority: null,
  tag: null,
  assigneeId: null,
  sort: 'updated',
};

/** The list request for one page of this query. */
export function listInput(query: QueueQuery, offset: number, limit: number): TicketsListInput {
  return {
    view: query.view,
    sort: query.sort,
    offset,
    limit,
    ...(query.search ? { search: query.search } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.priority ? { priority: query.priority } : {}),
    ...(query.tag ? { tag: query.tag } : {}),
    ...(query.assigneeId !== null ? { assigneeId: query.assigneeId } : {}),
  };
}

/** Whether the search or a filter narrows the view: an empty result then says "no match", not "nothing here". */
export function isNarrowed(query: QueueQuery): boolean {
  return (
    query.search !== '' ||
    query.status !== null ||
    query.priority !== null ||
    query.tag !== null ||
    query.assigneeId !== null
  );
}

/** One string per distinct query, to tell a late answer for an older query from a current one. */
export function queryKey(query: QueueQuery): string {
  return JSON.stringify([
    query.view,
    query.search,
    query.status,
    query.priority,
    query.tag,
    query.assigneeId,
    query.sort,
  ]);
}

function inView(view: QueueView, ticket: TicketSummary, meId: number): boolean {
  switch (view) {
    case 'mine':
      return ticket.assignee?.id === meId && ticket.status !== 'resolved';
    case 'unassigned':
      return ticket.assignee === null && isActive(ticket.status);
    case 'open':
      return isActive(ticket.status);
    case 'snoozed':
      return ticket.status === 'snoozed';
    case 'resolved':
      return ticket.status === 'resolved';
    case 'all':
      return true;
  }
}

/**
 * Whether a ticket as pushed belongs to the query, by the rules the hub's
 * list uses (server/tickets/queries.ts). The full-text search cannot be
 * decided here: a ticket already in the list still matches (its messages are
 * only ever added to), one that is not is `unknown`.
 */
export function matchesQuery(
  ticket: TicketSummary,
  query: QueueQuery,
  meId: number,
  known: boolean,
): boolean | 'unknown' {
  if (!inView(query.view, ticket, meId)) return false;
  if (query.status !== null && ticket.status !== query.status) return false;
  if (query.priority !== null && ticket.priority !== query.priority) return false;
  if (query.tag !== null && !ticket.tags.includes(query.tag)) return false;
  if (query.assigneeId !== null && ticket.assignee?.id !== query.assigneeId) return false;
  if (query.search !== '' && !known) return 'unknown';
  return true;
}

/**
 * Whether a change can move the ticket within the list's order. The hub
 * breaks ties by updated time (priority) or created time (breach), then id.
 */
export function orderMayChange(before: TicketSummary, after: TicketSummary, sort: QueueSort): boolean {
  switch (sort) {
    case 'updated':
      return before.updatedAt !== after.updatedAt;
    case 'created':
      return false;
    case 'priority':
      return before.priority !== after.priority || before.updatedAt !== after.updatedAt;
    case 'breach':
      return (
        before.priority !== after.priority ||
        before.status !== after.status ||
        before.firstResponseAt !== after.firstResponseAt ||
        before.slaPausedMs !== after.slaPausedMs ||
        before.slaPausedSince !== after.slaPausedSince
      );
  }
}
