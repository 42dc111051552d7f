import { z } from 'zod';
import { defaultSlaTargets, type SlaTargets } from '../../shared/domain/tickets/sla';
import {
  ticketsProtocol,
  type ErrorCode,
  type QueueCounts,
  type QueueView,
  type TicketSummary,
} from '../../shared/protocol';
import type { Agent } from '../../shared/protocol';
import { Emitter } from '../net/emitter';
import { defineStore } from '../session/store-registry';
import type { Session } from '../session/session';
import { defaultQuery, listInput, queryKey, type QueueQuery } from './queue-filters';
import {
  applyChange,
  emptyWindow,
  evict,
  markStale,
  pagesToFetch,
  queuePageSize,
  rowAt,
  withPage,
  type QueueWindow,
} from './queue-window';
import { NowClock } from './useNow';
import { agentsStore, type AgentsStore } from './agents-store';
import { ticketSettingsStore, type TicketSettingsStore } from './settings-store';

/** Typing pauses this long before the search goes to the hub (Enter does not wait). */
export const searchDelayMs = 250;
/** A burst of pushes (a busy shop) becomes one refetch of the rows on screen. */
const refetchDelayMs = 300;
/** The views' counts are asked for at most this often while pushes arrive. */
const countsEveryMs = 1_000;
/** The hub's limit on search text, in characters. */
export const maxSearchLength = 100;

/** The acks of ticket commands that answer with the ticket as it now is. */
const changeAck = z.object({ ticket: ticketsProtocol.ticketSummarySchema });
const readAck = ticketsProtocol.ticketReadOutput;
const readPayload = z.object({ ticketId: z.number().int() });

export interface QueueSnapshot {
  readonly query: QueueQuery;
  /** What is in the search box, applied or not. */
  readonly searchText: string;
  /** Rows in the view; null until the hub has answered for this query. */
  readonly total: number | null;
  readonly counts: QueueCounts | null;
  /** The last list request failed with this; null once one succeeds. */
  readonly error: ErrorCode | null;
  /** Bumped whenever any shown row may differ. */
  readonly version: number;
  /** Tags seen on any ticket this session, for the tag filter. */
  readonly tags: readonly string[];
  readonly targets: SlaTargets;
  /** The organisation's agents, for a supervisor's Agent filter; empty until asked for. */
  readonly agents: readonly AgentChoice[];
}

export interface AgentChoice {
  readonly id: number;
  readonly displayName: string;
}

/**
 * The queue of this session: the chosen view with its search, filters and
 * order, the pages of it the list shows (fetched by offset, 50 a page, kept
 * near what is on screen), the views' counts, the agent's read marks and
 * the organisation's SLA targets for the row timers. One per session, so
 * the view, the typed search and the place in it outlive the workspace.
 *
 * Pushes keep it current without reloading the view: a changed ticket on
 * screen is updated in place, and only when the view's membership or order
 * may have changed are the pages on screen asked for again.
 */
export class QueueStore {
  readonly clock = new NowClock();
  private readonly changes = new Emitter();
  private readonly stops: (() => void)[] = [];
  private query: QueueQuery = defaultQuery;
  private key = queryKey(defaultQuery);
  private searchText = '';
  private window: QueueWindow = emptyWindow;
  private readonly inflight = new Map<number, number>();
  private visible = { start: 0, end: queuePageSize - 1 };
  private readonly readCounts = new Map<number, number>();
  private readonly tagSet = new Set<string>();
  private tags: readonly string[] = [];
  private counts: QueueCounts | null = null;
  private error: ErrorCode | null = null;
  private readonly settings: TicketSettingsStore;
  private agentsSource: AgentsStore | null = null;
  /** The agents store's list the choices were made from, so a snapshot keeps the same array until it changes. */
  private agentsFrom: readonly Agent[] = [];
  private agentsChosen: readonly AgentChoice[] = [];
  private version = 0;
  private snapshotValue: QueueSnapshot;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private refetchTimer: ReturnType<typeof setTimeout> | undefined;
  private countsTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCountsAt = -Infinity;
  private disposed = false;

  constructor(private readonly session: Session) {
    // The timers follow the organisation's targets, read once per connect by the session's settings store.
    this.settings = session.store(ticketSettingsStore);
    // A supervisor who takes no conversations of their own starts on the whole open queue.
    if (!session.user.roles.includes('agent')) this.query = { ...defaultQuery, view: 'open' };
    this.key = queryKey(this.query);
    this.snapshotValue = this.makeSnapshot();
    const { hub, outbox } = session;
    this.stops.push(hub.onPush('tickets.changed', ({ tickets }) => this.receive(tickets)));
    this.stops.push(hub.onPush('tickets.assigned', ({ ticket }) => this.receive([ticket])));
    this.stops.push(hub.onConnected(() => this.reconnected()));
    this.stops.push(this.settings.subscribe(() => this.emit(true)));
    this.stops.push(
      outbox.onDelivered((entry, data) => {
        if (entry.event === 'tickets.read') {
          const ticket = readPayload.safeParse(entry.payload);
          const read = readAck.safeParse(data);
          if (ticket.success && read.success) this.markRead(ticket.data.ticketId, read.data.readCount);
          return;
        }
        if (!entry.event.startsWith('tickets.')) return;
        const changed = changeAck.safeParse(data);
        if (changed.success) this.receive([changed.data.ticket]);
      }),
    );
    if (hub.connected) this.reconnected();
  }

  get snapshot(): QueueSnapshot {
    return this.snapshotValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** The row at `index` of the view, if its page is here. */
  rowAt(index: number): TicketSummary | undefined {
    return rowAt(this.window, index);
  }

  /** Customer messages the agent has not read on this ticket. */
  unread(ticket: TicketSummary): number {
    return Math.max(0, ticket.customerMessages - (this.readCounts.get(ticket.id) ?? 0));
  }

  setView(view: QueueView): void {
    this.setQuery({ ...this.query, view });
  }

  /** Status, priority, tag, agent or order; the search box has its own pair of methods. */
  setFilters(patch: Partial<Omit<QueueQuery, 'view' | 'search'>>): void {
    this.setQuery({ ...this.query, ...patch });
  }

  /** The worker typed in the search box: kept at once, searched after a pause in the typing. */
  typeSearch(text: string): void {
    this.searchText = text;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.searchNow(), searchDelayMs);
    this.emit(false);
  }

  /** Enter in the search box: no waiting for the pause. */
  searchNow(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    const search = this.searchText.trim();
    if (search !== this.query.search) this.setQuery({ ...this.query, search });
  }

  clearFilters(): void {
    clearTimeout(this.searchTimer);
    this.searchText = '';
    this.setQuery({ ...defaultQuery, view: this.query.view, sort: this.query.sort });
  }

  /**
   * The rows the list shows (with its overscan): their pages are fetched if
   * missing or stale, and pages far from them leave memory.
   */
  setVisible(start: number, end: number): void {
    if (start === this.visible.start && end === this.visible.end) return;
    this.visible = { start, end };
    this.window = evict(this.window, start, end);
    this.fetchVisible();
  }

  /** A supervisor's Agent filter is shown: the agents are asked for once, then kept current by pushes. */
  wantAgents(): void {
    if (this.agentsSource) return;
    this.agentsSource = this.session.store(agentsStore);
    this.stops.push(this.agentsSource.subscribe(() => this.emit(false)));
    this.emit(false);
  }

  /** After a failed load: the pages on screen again, and the counts. */
  retry(): void {
    this.fetchVisible();
    void this.loadCounts();
  }

  dispose(): void {
    this.disposed = true;
    for (const stop of this.stops.splice(0)) stop();
    clearTimeout(this.searchTimer);
    clearTimeout(this.refetchTimer);
    clearTimeout(this.countsTimer);
    this.clock.dispose();
  }

  /** Tickets as the hub now has them (pushes and acks): rows in place, the window stale if they moved. */
  receive(tickets: readonly TicketSummary[]): void {
    if (this.disposed || tickets.length === 0) return;
    const meId = this.session.user.id;
    let stale = false;
    let window = this.window;
    for (const ticket of tickets) {
      this.noteTags(ticket);
      const outcome = applyChange(window, ticket, this.query, meId);
      window = outcome.window;
      stale ||= outcome.stale;
    }
    const rowsChanged = window !== this.window;
    this.window = window;
    if (stale) this.scheduleRefetch();
    this.scheduleCounts();
    if (rowsChanged) this.emit(true);
  }

  private noteTags(ticket: TicketSummary): void {
    for (const tag of ticket.tags) this.tagSet.add(tag);
  }

  private markRead(ticketId: number, readCount: number): void {
    if (this.readCounts.get(ticketId) === readCount) return;
    this.readCounts.set(ticketId, readCount);
    this.scheduleCounts();
    this.emit(true);
  }

  private setQuery(query: QueueQuery): void {
    const key = queryKey(query);
    if (key === this.key) {
      this.emit(false);
      return;
    }
    this.query = query;
    this.key = key;
    this.window = emptyWindow;
    this.inflight.clear();
    this.error = null;
    this.visible = { start: 0, end: queuePageSize - 1 };
    clearTimeout(this.refetchTimer);
    this.emit(true);
    this.fetchVisible();
  }

  private reconnected(): void {
    // What happened while away is unknown: the rows on screen are asked for again, shown meanwhile.
    this.window = markStale(this.window);
    this.fetchVisible();
    void this.loadCounts();
  }

  private scheduleRefetch(): void {
    if (this.refetchTimer !== undefined) return;
    this.refetchTimer = setTimeout(() => {
      this.refetchTimer = undefined;
      this.fetchVisible();
    }, refetchDelayMs);
  }

  private scheduleCounts(): void {
    if (this.countsTimer !== undefined) return;
    const wait = Math.max(0, this.lastCountsAt + countsEveryMs - Date.now());
    this.countsTimer = setTimeout(() => {
      this.countsTimer = undefined;
      void this.loadCounts();
    }, wait);
  }

  private fetchVisible(): void {
    if (this.disposed || !this.session.hub.connected) return;
    for (const page of pagesToFetch(this.window, this.visible.start, this.visible.end, this.inflight))
      void this.fetchPage(page);
  }

  private async fetchPage(page: number): Promise<void> {
    const key = this.key;
    const { generation } = this.window;
    this.inflight.set(page, generation);
    const ack = await this.session.hub.request(
      'tickets.list',
      listInput(this.query, page * queuePageSize, queuePageSize),
    );
    if (this.disposed || key !== this.key) return;
    if (this.inflight.get(page) === generation) this.inflight.delete(page);
    if (!ack.ok) {
      this.error = ack.error.code;
      this.emit(false);
      return;
    }
    const { items, total, readCounts } = ack.data;
    for (const [id, count] of Object.entries(readCounts)) this.readCounts.set(Number(id), count);
    for (const ticket of items) this.noteTags(ticket);
    this.window = evict(
      withPage(this.window, page, items, total, generation),
      this.visible.start,
      this.visible.end,
    );
    this.error = null;
    this.emit(true);
    // The answer may have been outrun by a push (still stale), or shown more of the view than was known.
    this.fetchVisible();
  }

  private async loadCounts(): Promise<void> {
    this.lastCountsAt = Date.now();
    const ack = await this.session.hub.request('tickets.counts', {});
    if (this.disposed || !ack.ok) return;
    this.counts = ack.data;
    this.emit(false);
  }

  private agentChoices(): readonly AgentChoice[] {
    const agents = this.agentsSource?.agents ?? [];
    if (agents === this.agentsFrom) return this.agentsChosen;
    this.agentsFrom = agents;
    this.agentsChosen = sortAgents(agents.map((a) => ({ id: a.id, displayName: a.displayName })));
    return this.agentsChosen;
  }

  private emit(rows: boolean): void {
    if (rows) this.version += 1;
    this.snapshotValue = this.makeSnapshot();
    this.changes.emit();
  }

  private makeSnapshot(): QueueSnapshot {
    if (this.tags.length !== this.tagSet.size)
      this.tags = [...this.tagSet].sort((a, b) => a.localeCompare(b));
    return {
      query: this.query,
      searchText: this.searchText,
      total: this.window.total,
      counts: this.counts,
      error: this.error,
      version: this.version,
      tags: this.tags,
      targets: this.settings.settings?.sla ?? defaultSlaTargets,
      agents: this.agentChoices(),
    };
  }
}

function sortAgents(agents: AgentChoice[]): AgentChoice[] {
  return agents.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const queueStore = defineStore('tickets.queue', (session: Session) => new QueueStore(session));
