import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../shared/protocol';
import { defaultQuery, listInput, matchesQuery, type QueueQuery } from '../../renderer/tickets/queue-filters';
import {
  applyChange,
  emptyWindow,
  evict,
  markStale,
  pagesInRange,
  pagesToFetch,
  queuePageSize,
  rowAt,
  withPage,
  type QueueWindow,
} from '../../renderer/tickets/queue-window';

const me = 7;
const t0 = 1_764_000_000_000;

function ticket(id: number, patch: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id,
    number: id,
    subject: `快递到哪了 ${id}`,
    status: 'open',
    priority: 'normal',
    tags: [],
    customer: { id: 100 + id, name: '王丽娟', locale: 'zh-CN' },
    orderNumber: null,
    assignee: { id: me, displayName: '韦秀兰' },
    assignedAt: t0,
    answered: false,
    snoozedUntil: null,
    firstResponseAt: null,
    resolvedAt: null,
    slaPausedMs: 0,
    slaPausedSince: null,
    lastSeq: 1,
    lastMessage: { authorKind: 'customer', excerpt: '请问快递到哪了', at: t0 },
    customerMessages: 1,
    lastCustomerAt: t0,
    csat: null,
    createdAt: t0,
    updatedAt: t0 + id,
    ...patch,
  };
}

/** Rows first..first+count-1 of a view, numbered by their offset. */
function rows(first: number, count: number): TicketSummary[] {
  return Array.from({ length: count }, (_, i) => ticket(first + i + 1));
}

/** A window holding pages 0..n-1 of a 10,000-row view, all current. */
function loaded(n: number): QueueWindow {
  let window = emptyWindow;
  for (let page = 0; page < n; page++)
    window = withPage(window, page, rows(page * queuePageSize, queuePageSize), 10_000, 0);
  return window;
}

const mine: QueueQuery = { ...defaultQuery, view: 'mine', sort: 'created' };

describe('queue window paging', () => {
  it('asks for only the first page before the view size is known', () => {
    expect(pagesToFetch(emptyWindow, 0, 200, new Map())).toEqual([0]);
    expect(pagesToFetch(emptyWindow, 0, 200, new Map([[0, 0]]))).toEqual([]);
  });

  it('asks for the pages the shown rows fall in, and nothing past the view', () => {
    expect(pagesInRange(45, 105)).toEqual([0, 1, 2]);
    expect(pagesInRange(0, -1)).toEqual([]);
    const window = withPage(emptyWindow, 0, rows(0, 50), 120, 0);
    expect(pagesToFetch(window, 30, 400, new Map())).toEqual([1, 2]);
    // Scrolled deep into 10,000 rows: the page there, not the ones before it.
    const deep = withPage(emptyWindow, 0, rows(0, 50), 10_000, 0);
    expect(pagesToFetch(deep, 7_480, 7_520, new Map())).toEqual([149, 150]);
  });

  it('reads rows by their offset in the view', () => {
    const window = loaded(3);
    expect(rowAt(window, 0)?.id).toBe(1);
    expect(rowAt(window, 149)?.id).toBe(150);
    expect(rowAt(window, 150)).toBeUndefined();
  });

  it('keeps a fresher page when a slower answer for an older request arrives', () => {
    const fresh = withPage(markStale(loaded(1)), 0, rows(1000, 50), 10_000, 1);
    const late = withPage(fresh, 0, rows(0, 50), 9_000, 0);
    expect(rowAt(late, 0)?.id).toBe(1001);
    // Its total is older than the one held too.
    expect(late.total).toBe(10_000);
  });

  it('drops pages past the end when the view shrinks', () => {
    const window = withPage(loaded(3), 0, rows(0, 50), 60, 0);
    expect([...window.pages.keys()].sort()).toEqual([0, 1]);
    expect(window.total).toBe(60);
  });

  it('refetches stale pages in view once, and shows them until the answer comes', () => {
    const stale = markStale(loaded(3));
    expect(rowAt(stale, 10)?.id).toBe(11);
    expect(pagesToFetch(stale, 0, 60, new Map())).toEqual([0, 1]);
    expect(pagesToFetch(stale, 0, 60, new Map([[0, stale.generation]]))).toEqual([1]);
    // A request sent before the window went stale does not count as the refetch.
    expect(pagesToFetch(stale, 0, 60, new Map([[0, 0]]))).toEqual([0, 1]);
  });

  it('keeps the pages nearest the rows shown, never all of them', () => {
    const window = evict(loaded(30), 1_000, 1_040, 5);
    expect([...window.pages.keys()].sort((a, b) => a - b)).toEqual([18, 19, 20, 21, 22]);
    expect(evict(loaded(3), 0, 10, 5)).toEqual(loaded(3));
  });
});

describe('queue window pushes', () => {
  it('updates a shown row in place without refetching when it stays where it is', () => {
    const window = loaded(2);
    const changed = ticket(60, { customerMessages: 2, updatedAt: t0 + 9_000, subject: 'new subject' });
    const outcome = applyChange(window, changed, mine, me);
    expect(outcome.stale).toBe(false);
    expect(rowAt(outcome.window, 59)?.subject).toBe('new subject');
    expect(outcome.window.generation).toBe(window.generation);
    // Only the page holding it was copied.
    expect(outcome.window.pages.get(0)).toBe(window.pages.get(0));
  });

  it('marks the window stale when a shown row leaves the view', () => {
    const resolved = ticket(5, { status: 'resolved', updatedAt: t0 + 9_000 });
    const outcome = applyChange(loaded(1), resolved, mine, me);
    expect(outcome.stale).toBe(true);
    expect(rowAt(outcome.window, 4)?.status).toBe('resolved');
    expect(pagesToFetch(outcome.window, 0, 20, new Map())).toEqual([0]);
  });

  it('marks the window stale when the order may have changed', () => {
    const byUpdate = { ...mine, sort: 'updated' as const };
    const outcome = applyChange(loaded(1), ticket(5, { updatedAt: t0 + 9_000 }), byUpdate, me);
    expect(outcome.stale).toBe(true);
  });

  it('marks the window stale for a new ticket that belongs to the view, not for one that does not', () => {
    const arrived = applyChange(loaded(1), ticket(9_999), mine, me);
    expect(arrived.stale).toBe(true);
    const elsewhere = ticket(9_998, { assignee: { id: 99, displayName: '别人' } });
    const ignored = applyChange(loaded(1), elsewhere, mine, me);
    expect(ignored.stale).toBe(false);
    expect(ignored.window).toEqual(loaded(1));
  });

  it('keeps the newer copy when an older push crosses a fresher answer', () => {
    const window = withPage(emptyWindow, 0, [ticket(1, { updatedAt: t0 + 500, subject: 'newer' })], 1, 0);
    const outcome = applyChange(window, ticket(1, { updatedAt: t0 + 100, subject: 'older' }), mine, me);
    expect(rowAt(outcome.window, 0)?.subject).toBe('newer');
    expect(outcome.stale).toBe(false);
  });

  it('cannot tell whether an unseen ticket matches a search, so refetches; a shown one still matches', () => {
    const searching = { ...mine, search: '螺蛳粉' };
    expect(matchesQuery(ticket(3), searching, me, false)).toBe('unknown');
    expect(matchesQuery(ticket(3), searching, me, true)).toBe(true);
    expect(matchesQuery(ticket(3, { tags: ['退款'] }), { ...mine, tag: '物流' }, me, true)).toBe(false);
    expect(
      matchesQuery(ticket(3, { assignee: null, status: 'new' }), { ...mine, view: 'unassigned' }, me, false),
    ).toBe(true);
  });

  it('asks the hub with only the filters set', () => {
    expect(listInput(mine, 100, 50)).toEqual({ view: 'mine', sort: 'created', offset: 100, limit: 50 });
    expect(listInput({ ...mine, tag: '物流', assigneeId: 3, search: 'DS2026' }, 0, 50)).toEqual({
      view: 'mine',
      sort: 'created',
      offset: 0,
      limit: 50,
      tag: '物流',
      assigneeId: 3,
      search: 'DS2026',
    });
  });
});
