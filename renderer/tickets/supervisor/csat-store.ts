import { Rerun } from '../../../shared/domain/rerun';
import type { ErrorCode, TicketSummary } from '../../../shared/protocol';
import { maxQueuePage } from '../../../shared/protocol/tickets';
import { Emitter } from '../../net/emitter';
import { defineStore } from '../../session/store-registry';
import type { Session } from '../../session/session';

/** The window the summary covers: the latest resolved conversations, one page of the queue's largest. */
export const csatWindow = maxQueuePage;

const none: readonly TicketSummary[] = [];

/**
 * The latest resolved conversations (tickets.list, view resolved, newest
 * change first, 200 at most) for the satisfaction summary. Read when the
 * view asks and on reconnect; a rating or a resolve pushed meanwhile
 * (tickets.changed) is folded in, so the summary follows without a reread.
 */
export class CsatStore {
  private itemsValue: readonly TicketSummary[] = none;
  private totalValue = 0;
  private loadedValue = false;
  private errorValue: ErrorCode | null = null;
  private readonly changes = new Emitter();
  private readonly load: Rerun;
  private readonly stops: (() => void)[] = [];

  constructor(session: Session) {
    const { hub } = session;
    this.load = new Rerun(async () => {
      const answer = await hub.request('tickets.list', {
        view: 'resolved',
        sort: 'updated',
        limit: csatWindow,
      });
      if (answer.ok) {
        this.itemsValue = answer.data.items;
        this.totalValue = answer.data.total;
        this.loadedValue = true;
        this.errorValue = null;
      } else {
        this.errorValue = answer.error.code;
      }
      this.changes.emit();
    });
    this.stops.push(hub.onConnected(() => void this.load.run()));
    this.stops.push(hub.onPush('tickets.changed', ({ tickets }) => this.fold(tickets)));
    if (hub.connected) void this.load.run();
  }

  /** Newest change first. */
  get items(): readonly TicketSummary[] {
    return this.itemsValue;
  }
  /** Every resolved conversation of the organisation, of which `items` are the latest. */
  get total(): number {
    return this.totalValue;
  }
  get loaded(): boolean {
    return this.loadedValue;
  }
  get error(): ErrorCode | null {
    return this.errorValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  refresh(): Promise<void> {
    return this.load.run();
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /**
   * A resolved or rated ticket goes to the front; one reopened leaves; the
   * window stays at its size. `total` stays as last read: a push cannot tell
   * a newly resolved ticket from an old one rated late.
   */
  private fold(changed: readonly TicketSummary[]): void {
    if (!this.loadedValue) return;
    let items = this.itemsValue;
    let touched = false;
    for (const ticket of changed) {
      const had = items.some((t) => t.id === ticket.id);
      if (!had && ticket.status !== 'resolved') continue;
      touched = true;
      items = items.filter((t) => t.id !== ticket.id);
      if (ticket.status === 'resolved') items = [ticket, ...items];
    }
    if (!touched) return;
    this.itemsValue = items.slice(0, csatWindow);
    this.changes.emit();
  }
}

export const csatStore = defineStore('ticketCsat', (session: Session) => new CsatStore(session));
