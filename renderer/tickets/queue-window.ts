import type { TicketSummary } from '../../shared/protocol';
import { matchesQuery, orderMayChange, type QueueQuery } from './queue-filters';

/**
 * The part of a queue view the workstation holds: pages of rows fetched by
 * offset for the window the virtual list shows, never the whole view. Pure
 * and immutable, so the store's paging rules are tested without a hub.
 *
 * Staleness is a generation count: a push that may reorder the view bumps
 * it, and a page fetched under an older generation is shown until its
 * refetch answers, so rows never blank out under the worker.
 */

export const queuePageSize = 50;
/** About a thousand rows in memory, whatever the view's size. */
export const maxCachedPages = 20;

export interface QueuePage {
  readonly items: readonly TicketSummary[];
  /** The window's generation when this page was asked for. */
  readonly generation: number;
}

export interface QueueWindow {
  /** Rows in the view on the hub; null until the first page answers. */
  readonly total: number | null;
  readonly generation: number;
  /** The generation of the answer `total` came from: an older answer never overwrites a newer total. */
  readonly totalGeneration: number;
  readonly pages: ReadonlyMap<number, QueuePage>;
}

export const emptyWindow: QueueWindow = { total: null, generation: 0, totalGeneration: -1, pages: new Map() };

export function pageOf(index: number): number {
  return Math.floor(index / queuePageSize);
}

/** Pages holding rows start..end (inclusive); none for an empty range. */
export function pagesInRange(start: number, end: number): number[] {
  if (end < start || end < 0) return [];
  const pages: number[] = [];
  for (let page = pageOf(Math.max(0, start)); page <= pageOf(end); page++) pages.push(page);
  return pages;
}

/**
 * The pages to ask for so rows start..end are current: missing or stale
 * ones, unless a request for them under this generation is already out.
 * Before the first answer the size is unknown and only the first page is asked for.
 */
export function pagesToFetch(
  window: QueueWindow,
  start: number,
  end: number,
  inflight: ReadonlyMap<number, number>,
): number[] {
  const wanted = window.total === null ? [0] : pagesInRange(start, Math.min(end, window.total - 1));
  return wanted.filter((page) => {
    if (inflight.get(page) === window.generation) return false;
    const held = window.pages.get(page);
    return held === undefined || held.generation < window.generation;
  });
}

/** An answer for `page`, asked for under `generation`: its rows, and the view's size then. */
export function withPage(
  window: QueueWindow,
  page: number,
  items: readonly TicketSummary[],
  total: number,
  generation: number,
): QueueWindow {
  const pages = new Map(window.pages);
  const held = pages.get(page);
  // A slower answer to an older request must not replace a fresher page.
  if (held === undefined || held.generation <= generation) pages.set(page, { items, generation });
  if (generation < window.totalGeneration) return { ...window, pages };
  // The view shrank: pages past its end hold rows that are gone.
  for (const key of pages.keys()) if (key * queuePageSize >= total) pages.delete(key);
  return { ...window, pages, total, totalGeneration: generation };
}

export function rowAt(window: QueueWindow, index: number): TicketSummary | undefined {
  return window.pages.get(pageOf(index))?.items[index % queuePageSize];
}

/** Every held page now needs refetching; they stay shown until their answers come. */
export function markStale(window: QueueWindow): QueueWindow {
  return { ...window, generation: window.generation + 1 };
}

export interface ChangeOutcome {
  window: QueueWindow;
  /** The view's order or membership may differ now: refetch what is shown. */
  stale: boolean;
}

/**
 * A changed ticket as pushed: a held row is updated in place; a row that
 * leaves the view, may have moved in its order, or a ticket that may now
 * belong to it, makes the window stale.
 */
export function applyChange(
  window: QueueWindow,
  ticket: TicketSummary,
  query: QueueQuery,
  meId: number,
): ChangeOutcome {
  for (const [page, held] of window.pages) {
    const at = held.items.findIndex((row) => row.id === ticket.id);
    if (at === -1) continue;
    const before = held.items[at];
    if (before === undefined) continue;
    // An older copy than the one held (pushes and answers can cross): keep the newer.
    if (before.updatedAt > ticket.updatedAt) return { window, stale: false };
    const items = held.items.with(at, ticket);
    const pages = new Map(window.pages).set(page, { ...held, items });
    const moved =
      matchesQuery(ticket, query, meId, true) !== true || orderMayChange(before, ticket, query.sort);
    const next = { ...window, pages };
    return { window: moved ? markStale(next) : next, stale: moved };
  }
  if (matchesQuery(ticket, query, meId, false) === false) return { window, stale: false };
  return { window: markStale(window), stale: true };
}

/** Keeps at most `max` pages, the ones nearest rows start..end. */
export function evict(window: QueueWindow, start: number, end: number, max = maxCachedPages): QueueWindow {
  if (window.pages.size <= max) return window;
  const first = pageOf(Math.max(0, start));
  const last = pageOf(Math.max(0, end));
  const distance = (page: number) => (page < first ? first - page : page > last ? page - last : 0);
  const kept = [...window.pages.keys()].sort((a, b) => distance(a) - distance(b)).slice(0, max);
  return { ...window, pages: new Map(kept.map((page) => [page, window.pages.get(page) as QueuePage])) };
}
