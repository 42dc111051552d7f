import type { SlaTargets } from '../../shared/domain/tickets/sla';
import type { TicketSummary } from '../../shared/protocol';
import { defineStore } from '../session/store-registry';
import type { Session } from '../session/session';
import { queueStore, type QueueStore } from './queue-store';
import { queueSlaClock, queueSlaWake } from './sla-label';

/** More than any agent's concurrency limit: every ticket of "mine" in one request. */
const mineLimit = 200;
/** Alerts raised while no workspace listens, kept for when one does (oldest dropped past this). */
const maxWaiting = 20;
/** setTimeout overflows past 2^31-1 ms. */
const maxTimerMs = 2 ** 31 - 1;

export interface SlaAlert {
  ticketId: number;
  number: number;
  phase: 'warning' | 'breached';
  target: 'first_response' | 'resolution';
  /** Ms left at the moment it was raised (negative once breached). */
  remainingMs: number;
}

/**
 * Watches the SLA clocks of the tickets assigned to this agent and raises
 * one alert per ticket, clock and phase as each enters "warning" or
 * "breached": never again for the same phase, also after a reconnect.
 * A timer wakes it at the next phase change; pushes keep its tickets current.
 * Alerts raised while nothing listens (the agent is in another workspace)
 * wait and are handed over when a listener attaches, if still true then.
 */
export class SlaWatch {
  private readonly mine = new Map<number, TicketSummary>();
  private readonly raised = new Set<string>();
  private waiting: SlaAlert[] = [];
  private listener: ((alert: SlaAlert) => void) | null = null;
  private readonly stops: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private targets: SlaTargets;
  private disposed = false;

  constructor(
    private readonly session: Session,
    private readonly queue: QueueStore,
  ) {
    this.targets = queue.snapshot.targets;
    const { hub } = session;
    this.stops.push(hub.onPush('tickets.changed', ({ tickets }) => this.receive(tickets)));
    this.stops.push(hub.onPush('tickets.assigned', ({ ticket }) => this.receive([ticket])));
    this.stops.push(hub.onConnected(() => void this.load()));
    this.stops.push(
      queue.subscribe(() => {
        const { targets } = queue.snapshot;
        if (targets === this.targets) return;
        this.targets = targets;
        this.check();
      }),
    );
    if (hub.connected) void this.load();
  }

  /** The one listener (the workspace's alert hook); alerts that waited for it come first. */
  attach(listener: (alert: SlaAlert) => void): () => void {
    this.listener = listener;
    const waiting = this.waiting;
    this.waiting = [];
    const now = Date.now();
    for (const alert of waiting) {
      const ticket = this.mine.get(alert.ticketId);
      if (ticket && queueSlaClock(ticket, this.targets, now).phase === alert.phase) listener(alert);
    }
    return () => {
      if (this.listener === listener) this.listener = null;
    };
  }

  /** Whether the ticket is among the agent's watched ones (assigned, not resolved). */
  watches(ticketId: number): boolean {
    return this.mine.has(ticketId);
  }

  /** Tickets as the hub now has them: kept while assigned to this agent and not resolved. */
  receive(tickets: readonly TicketSummary[]): void {
    if (this.disposed) return;
    const meId = this.session.user.id;
    for (const ticket of tickets) {
      const held = this.mine.get(ticket.id);
      if (held && held.updatedAt > ticket.updatedAt) continue;
      if (ticket.assignee?.id === meId && ticket.status !== 'resolved') this.mine.set(ticket.id, ticket);
      else this.mine.delete(ticket.id);
    }
    this.check();
  }

  /** Compares every clock with the phases already alerted; raises the new ones and sets the next wake. */
  check(now = Date.now()): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    let wake = Infinity;
    for (const ticket of this.mine.values()) {
      const clock = queueSlaClock(ticket, this.targets, now);
      if ((clock.phase === 'warning' || clock.phase === 'breached') && clock.target !== null) {
        const key = `${ticket.id}:${clock.target}:${clock.phase}`;
        if (!this.raised.has(key)) {
          this.raised.add(key);
          this.raise({
            ticketId: ticket.id,
            number: ticket.number,
            phase: clock.phase,
            target: clock.target,
            remainingMs: clock.remainingMs ?? 0,
          });
        }
      }
      const next = queueSlaWake(ticket, this.targets, now);
      if (next !== null && next < wake) wake = next;
    }
    if (wake !== Infinity)
      this.timer = setTimeout(() => this.check(), Math.min(maxTimerMs, Math.max(0, wake - Date.now())));
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const stop of this.stops.splice(0)) stop();
  }

  private raise(alert: SlaAlert): void {
    if (this.listener) {
      this.listener(alert);
      return;
    }
    this.waiting = [...this.waiting, alert].slice(-maxWaiting);
  }

  private async load(): Promise<void> {
    const ack = await this.session.hub.request('tickets.list', {
      view: 'mine',
      sort: 'breach',
      offset: 0,
      limit: mineLimit,
    });
    if (this.disposed || !ack.ok) return;
    this.mine.clear();
    for (const ticket of ack.data.items) this.mine.set(ticket.id, ticket);
    this.check();
  }
}

export const slaWatchStore = defineStore(
  'tickets.slaWatch',
  (session: Session) => new SlaWatch(session, session.store(queueStore)),
);
