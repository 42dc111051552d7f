import type { OutboxEntry } from '../bridge/outbox';
import type { AckError } from '../protocol/ack';

/** Where entries wait: the host's SQLite file in the workstation, anything equivalent in tests. */
export interface OutboxStorage {
  put(entry: Omit<OutboxEntry, 'attempts'>): Promise<void>;
  list(): Promise<OutboxEntry[]>;
  markAttempted(id: string): Promise<void>;
  remove(id: string): Promise<void>;
}

/**
 * What one send attempt came to. `unreachable` covers no connection and no
 * ack in time: the hub may or may not have applied it, which is safe because
 * it dedupes by command id.
 */
export type SendOutcome =
  { kind: 'acked'; data: unknown } | { kind: 'rejected'; error: AckError } | { kind: 'unreachable' };

export type Send = (entry: OutboxEntry) => Promise<SendOutcome>;

export interface OutboxEvents {
  /** The hub applied it (now or on an earlier attempt). */
  delivered?(entry: OutboxEntry, data: unknown): void;
  /** The hub refused it for good; the entry leaves the outbox and its content goes back to the worker. */
  rejected?(entry: OutboxEntry, error: AckError): void;
  /** The set of waiting entries changed. */
  changed?(pending: readonly OutboxEntry[]): void;
}

/** Codes that mean "try again later", not "this command is wrong". */
const transientCodes = new Set<AckError['code']>(['unavailable', 'internal', 'rate_limited', 'unauthorized']);

/**
 * Delivers queued commands in creation order, one at a time, so a worker's
 * replies arrive in the order they were typed. Stops at the first unreachable
 * or transient failure and waits for the next `drain()` (on reconnect).
 */
export class OutboxDrainer {
  private running: Promise<void> | null = null;
  private again = false;
  /** The last known waiting set, so a delivery updates it without reading the whole outbox again. */
  private pending: readonly OutboxEntry[] = [];

  constructor(
    private readonly storage: OutboxStorage,
    private readonly send: Send,
    private readonly events: OutboxEvents = {},
  ) {}

  async enqueue(entry: Omit<OutboxEntry, 'attempts'>): Promise<void> {
    await this.storage.put(entry);
    this.pending = await this.storage.list();
    this.events.changed?.(this.pending);
  }

  /** Resolves when the current pass is over; concurrent calls share one pass plus at most one rerun. */
  drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.pass();
    } while (this.again);
  }

  /** Returns false when it stopped early on an unreachable hub or a transient error. */
  private async pass(): Promise<boolean> {
    const entries = (await this.storage.list()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.pending = entries;
    for (const entry of entries) {
      await this.storage.markAttempted(entry.id);
      const outcome = await this.send({ ...entry, attempts: entry.attempts + 1 });
      if (outcome.kind === 'unreachable') return false;
      if (outcome.kind === 'rejected' && transientCodes.has(outcome.error.code)) return false;
      await this.storage.remove(entry.id);
      if (outcome.kind === 'acked') this.events.delivered?.(entry, outcome.data);
      else this.events.rejected?.(entry, outcome.error);
      this.pending = this.pending.filter((e) => e.id !== entry.id);
      this.events.changed?.(this.pending);
    }
    return true;
  }
}
