import {
  createCoalescer,
  flushCoalescer,
  pushAnnouncement,
  type CoalescedBatch,
  type CoalescerState,
} from '../../../shared/a11y/announce-coalescer';

/**
 * The timer around the pure coalescer: hands each closed batch to `onReady`
 * once its window ends, with the last payload pushed for its topic.
 */
export class Announcer<T> {
  private state: CoalescerState;
  private readonly latest = new Map<string, T>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly windowMs: number,
    private readonly onReady: (batch: CoalescedBatch, latest: T) => void,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.state = createCoalescer({ windowMs });
  }

  push(topic: string, message: string, payload: T): void {
    const result = pushAnnouncement(this.state, { topic, message, at: this.now() });
    this.state = result.state;
    // Batches closed by this push belong to earlier payloads: hand them out before recording this one.
    this.deliver(result.ready);
    this.latest.set(topic, payload);
    this.schedule(result.nextDeadline);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Drops what waits to be said, unsaid. */
  clear(): void {
    this.dispose();
    this.state = createCoalescer({ windowMs: this.windowMs });
    this.latest.clear();
  }

  private schedule(deadline: number | null): void {
    this.dispose();
    if (deadline === null) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, deadline - this.now()));
  }

  private flush(): void {
    this.timer = null;
    const result = flushCoalescer(this.state, this.now());
    this.state = result.state;
    this.deliver(result.ready);
    this.schedule(result.nextDeadline);
  }

  private deliver(batches: readonly CoalescedBatch[]): void {
    for (const batch of batches) {
      const payload = this.latest.get(batch.topic);
      this.latest.delete(batch.topic);
      if (payload !== undefined) this.onReady(batch, payload);
    }
  }
}
