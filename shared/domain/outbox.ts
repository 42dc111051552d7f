import type { NotSentEntry, NotSentReason, OutboxEntry, OutboxList } from '../bridge/outbox';
import { transientCodes, type AckError } from '../protocol/ack';
import { outboxMaxAgeMs } from '../protocol/retention';
import { Rerun } from './rerun';

/**
 * The workstation's outbox as the renderer drives it. Entries live on the
 * host's disk (`OutboxStorage`); this class decides when each is sent and
 * what becomes of it. Nothing is ever dropped: an entry leaves the outbox
 * only when the hub applied it, or moves to "not sent" with its reason, where
 * the worker retries, copies back or discards it.
 */

/** Where entries wait: the host's SQLite file through the bridge, or memory in tests. */
export interface OutboxStorage {
  list(): Promise<OutboxList>;
  /** Counts a transient failure on disk; answers the new count. */
  attempted(id: string): Promise<number>;
  delivered(id: string): Promise<void>;
  notSent(id: string, reason: NotSentReason): Promise<void>;
}

/**
 * What one send attempt came to. `unreachable`: not connected, nothing was
 * sent, no attempt is counted (days offline cost nothing). `timeout`: sent,
 * no answer in time; the hub may or may not have applied it, which is safe
 * because it dedupes by command id.
 */
export type SendOutcome =
  | { kind: 'acked'; data: unknown }
  | { kind: 'rejected'; error: AckError }
  | { kind: 'timeout' }
  | { kind: 'unreachable' };

export type Send = (entry: OutboxEntry) => Promise<SendOutcome>;

export interface OutboxClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** 0 ≤ x < 1, for jitter. */
  random(): number;
}

export interface OutboxPolicy {
  /** Transient failures (timeouts, `unavailable`, `internal`, `rate_limited`) before an entry is kept as not sent. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Lanes sending at once; keeps a day's backlog inside the hub's per-socket budget. */
  maxLanesInFlight: number;
  /** Older entries are not sent: the hub may have forgotten their id (see shared/protocol/retention.ts). */
  maxAgeMs: number;
  /** Null while the entry is still a valid command of this version; otherwise why it is not. */
  validate(entry: OutboxEntry): NotSentReason | null;
}

export const defaultOutboxPolicy: Omit<OutboxPolicy, 'validate'> = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  maxLanesInFlight: 4,
  maxAgeMs: outboxMaxAgeMs,
};

export interface OutboxEvents {
  /** The hub applied it (now or on an earlier attempt); `data` is its answer. */
  delivered?(entry: OutboxEntry, data: unknown): void;
  /** It moved to "not sent"; the list shows it until the worker acts on it. */
  notSent?(entry: OutboxEntry, reason: NotSentReason): void;
  /** The waiting or not-sent entries changed. */
  changed?(list: OutboxList): void;
}

/**
 * Capped exponential backoff with jitter: attempt n waits between half and
 * all of base·2^(n-1), never more than the cap, so a hub coming back is not
 * met by every workstation at the same instant.
 */
export function backoffDelay(
  attempts: number,
  policy: Pick<OutboxPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: number,
): number {
  const exponent = Math.max(0, Math.min(30, attempts - 1));
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** Entries grouped by lane, each lane in the order it was queued. */
export function lanesOf(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const lanes = new Map<string, OutboxEntry[]>();
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    const lane = lanes.get(entry.lane);
    if (lane) lane.push(entry);
    else lanes.set(entry.lane, [entry]);
  }
  return lanes;
}

export class OutboxSender {
  private pendingValue: readonly OutboxEntry[] = [];
  private notSentValue: readonly NotSentEntry[] = [];
  private readonly inFlight = new Set<string>();
  /** When each lane may send its head again after a transient failure. */
  private readonly dueAt = new Map<string, number>();
  /** Lanes waiting for a connection: they go again on `wake()`, not on a timer. */
  private readonly parked = new Set<string>();
  private timer: unknown = null;
  private timerAt = Infinity;
  private stopped = false;
  /**
   * Counts settles (delivered, not sent) as they start and as they end: a
   * read of the disk that one of them overlapped may be stale, and is done again.
   */
  private settles = 0;
  private readonly reload: Rerun;

  constructor(
    private readonly storage: OutboxStorage,
    private readonly send: Send,
    private readonly policy: OutboxPolicy,
    private readonly clock: OutboxClock,
    private readonly events: OutboxEvents = {},
  ) {
    this.reload = new Rerun(async () => {
      const before = this.settles;
      const list = await this.storage.list();
      if (this.stopped) return;
      // An entry was delivered or moved to "not sent" while the list was read: the list may still show it
      // as waiting, and taking it would send it again. Read once more instead.
      if (this.settles !== before) {
        void this.reload.run();
        return;
      }
      this.pendingValue = list.pending;
      this.notSentValue = list.notSent;
      this.publish();
    });
  }

  get pending(): readonly OutboxEntry[] {
    return this.pendingValue;
  }
  get notSent(): readonly NotSentEntry[] {
    return this.notSentValue;
  }

  /** Reads the outbox from disk again (on start, and whenever the host says it changed), then sends what is due. */
  async refresh(): Promise<void> {
    await this.reload.run();
    this.pump();
  }

  /** The connection is back, or something new was queued: parked lanes go now. */
  wake(): void {
    this.parked.clear();
    this.pump();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private pump(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    let nextDue = Infinity;
    for (const [lane, entries] of lanesOf(this.pendingValue)) {
      const head = entries[0];
      if (!head || this.inFlight.has(lane) || this.parked.has(lane)) continue;
      const due = this.dueAt.get(lane) ?? 0;
      if (due > now) {
        nextDue = Math.min(nextDue, due);
        continue;
      }
      if (this.inFlight.size >= this.policy.maxLanesInFlight) continue;
      this.inFlight.add(lane);
      void this.deliver(lane, head).finally(() => {
        this.inFlight.delete(lane);
        this.pump();
      });
    }
    this.schedule(nextDue);
  }

  private schedule(at: number): void {
    if (at === this.timerAt) return;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = at;
    if (at === Infinity) return;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, at - this.clock.now()),
    );
  }

  private async deliver(lane: string, entry: OutboxEntry): Promise<void> {
    try {
      const refusal = this.refusalOf(entry);
      if (refusal) {
        await this.giveUp(entry, refusal);
        return;
      }
      const outcome = await this.send(entry);
      if (this.stopped) return;
      switch (outcome.kind) {
        case 'acked':
          this.settles += 1;
          await this.storage.delivered(entry.id);
          this.settles += 1;
          this.dueAt.delete(lane);
          this.pendingValue = this.pendingValue.filter((e) => e.id !== entry.id);
          this.publish();
          this.events.delivered?.(entry, outcome.data);
          return;
        case 'unreachable':
          this.parked.add(lane);
          return;
        case 'rejected':
          // The session ended (expired, revoked): the entry waits for this worker's next sign-in.
          if (outcome.error.code === 'unauthorized') {
            this.parked.add(lane);
            return;
          }
          if (!transientCodes.has(outcome.error.code)) {
            await this.giveUp(entry, { code: outcome.error.code, message: outcome.error.message });
            return;
          }
          await this.retryLater(lane, entry, outcome.error.message);
          return;
        case 'timeout':
          await this.retryLater(lane, entry, 'The hub did not answer in time.');
          return;
      }
    } catch {
      // The host did not answer (its disk, or the bridge): the entry is still on disk; try the lane again later.
      this.dueAt.set(lane, this.clock.now() + backoffDelay(1, this.policy, this.clock.random()));
    }
  }

  private refusalOf(entry: OutboxEntry): NotSentReason | null {
    if (this.clock.now() - entry.createdAt > this.policy.maxAgeMs) {
      return {
        code: 'expired',
        message: 'It waited too long to be sent safely: the hub no longer remembers whether it arrived.',
      };
    }
    return this.policy.validate(entry);
  }

  private async retryLater(lane: string, entry: OutboxEntry, lastError: string): Promise<void> {
    const attempts = await this.storage.attempted(entry.id);
    if (attempts >= this.policy.maxAttempts) {
      await this.giveUp(entry, { code: 'gave_up', message: lastError });
      return;
    }
    this.replace({ ...entry, attempts });
    this.dueAt.set(lane, this.clock.now() + backoffDelay(attempts, this.policy, this.clock.random()));
  }

  private async giveUp(entry: OutboxEntry, reason: NotSentReason): Promise<void> {
    this.settles += 1;
    await this.storage.notSent(entry.id, reason);
    this.settles += 1;
    this.dueAt.delete(entry.lane);
    this.pendingValue = this.pendingValue.filter((e) => e.id !== entry.id);
    // A read of the disk may have brought it in already, while the write was answered.
    this.notSentValue = [
      ...this.notSentValue.filter((e) => e.id !== entry.id),
      { ...entry, reason, failedAt: this.clock.now() },
    ];
    this.publish();
    this.events.notSent?.(entry, reason);
  }

  private replace(entry: OutboxEntry): void {
    this.pendingValue = this.pendingValue.map((e) => (e.id === entry.id ? entry : e));
    this.publish();
  }

  private publish(): void {
    this.events.changed?.({ pending: [...this.pendingValue], notSent: [...this.notSentValue] });
  }
}
