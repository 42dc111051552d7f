import { v7 as uuidv7 } from 'uuid';
import type { OutboxEntry } from '../../shared/bridge';
import { Rerun } from '../../shared/domain/rerun';
import type { Ack, ErrorCode, TicketSettings } from '../../shared/protocol';
import { ticketSettingsSchema } from '../../shared/protocol/tickets';
import { Emitter } from '../net/emitter';
import { defineStore } from '../session/store-registry';
import type { Session } from '../session/session';

const noEntries: readonly OutboxEntry[] = [];

/**
 * The organisation's routing settings, the assignment mode and the SLA
 * targets: the queue's and conversations' timers read the targets, the
 * supervisor view edits both. Read on every connect, kept current by the
 * hub's push when a supervisor saves them; saved through the outbox, which
 * holds a change made offline until the hub has it.
 */
export class TicketSettingsStore {
  private value: TicketSettings | null = null;
  private errorValue: ErrorCode | null = null;
  private waitingValue: readonly OutboxEntry[] = noEntries;
  private readonly changes = new Emitter();
  private readonly load: Rerun;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly session: Session) {
    const { hub, outbox } = session;
    this.load = new Rerun(async () => {
      const answer = await hub.request('tickets.settings', {});
      if (answer.ok) {
        this.value = answer.data;
        this.errorValue = null;
      } else {
        this.errorValue = answer.error.code;
      }
      this.changes.emit();
    });
    this.stops.push(hub.onConnected(() => void this.load.run()));
    this.stops.push(
      hub.onPush('tickets.settingsChanged', (settings) => {
        this.value = settings;
        this.errorValue = null;
        this.changes.emit();
      }),
    );
    this.stops.push(
      outbox.onDelivered((entry, data) => {
        if (entry.event !== 'tickets.saveSettings') return;
        const parsed = ticketSettingsSchema.safeParse(data);
        if (!parsed.success) return;
        this.value = parsed.data;
        this.changes.emit();
      }),
    );
    this.stops.push(outbox.subscribe(() => this.followOutbox()));
    this.followOutbox();
    if (hub.connected) void this.load.run();
  }

  /** Null until read once. */
  get settings(): TicketSettings | null {
    return this.value;
  }
  get error(): ErrorCode | null {
    return this.errorValue;
  }
  /**
   * What the organisation's settings will be once the outbox is through: the
   * newest waiting save, else what was read. A save of one half builds on
   * this, so saving the SLA targets right after the mode (still queued)
   * does not put the old mode back.
   */
  get intended(): TicketSettings | null {
    for (let i = this.waitingValue.length - 1; i >= 0; i--) {
      const parsed = ticketSettingsSchema.safeParse(this.waitingValue[i]?.payload);
      if (parsed.success) return parsed.data;
    }
    return this.value;
  }

  /** Saves not yet applied by the hub, oldest first. */
  get waiting(): readonly OutboxEntry[] {
    return this.waitingValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Both halves go together (the hub's command takes both): the half not edited is what was read. */
  save(settings: TicketSettings): Promise<Ack<OutboxEntry>> {
    return this.session.outbox.enqueue('tickets.saveSettings', { id: uuidv7(), ...settings }, null);
  }

  refresh(): Promise<void> {
    return this.load.run();
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private followOutbox(): void {
    const waiting = this.session.outbox.pending.filter((entry) => entry.event === 'tickets.saveSettings');
    if (
      waiting.length === this.waitingValue.length &&
      waiting.every((e, i) => e.id === this.waitingValue[i]?.id)
    )
      return;
    this.waitingValue = waiting.length === 0 ? noEntries : waiting;
    this.changes.emit();
  }
}

export const ticketSettingsStore = defineStore(
  'ticketSettings',
  (session: Session) => new TicketSettingsStore(session),
);
