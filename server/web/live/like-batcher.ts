/** At most this many `view.like` sends a second (the hub's own limit for the ephemeral is 2). */
export const likeSendsPerSecond = 2;
/** The most taps one send may carry (`view.like {count}` accepts 1 to 50). */
export const maxLikesPerSend = 50;

export interface LikeTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: LikeTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Taps of the like button, counted here and sent in batches: a viewer who
 * taps twenty times a second sends two small messages, not twenty. The first
 * tap after a quiet spell goes at once (the heart answers at once); taps
 * within the next half second wait for the next send. Taps beyond 50 in one
 * window carry over to the next send, so none is lost.
 */
export class LikeBatcher {
  private pending = 0;
  private lastSent = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;
  private readonly gapMs = 1000 / likeSendsPerSecond;

  constructor(
    private readonly send: (count: number) => void,
    private readonly timers: LikeTimers = realTimers,
  ) {}

  tap(): void {
    this.pending += 1;
    this.schedule();
  }

  /** Taps not yet sent (shown at once on the viewer's own counter). */
  get unsent(): number {
    return this.pending;
  }

  close(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.pending = 0;
  }

  private schedule(): void {
    if (this.timer !== null || this.pending === 0) return;
    const wait = this.lastSent + this.gapMs - this.timers.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  private flush(): void {
    const count = Math.min(this.pending, maxLikesPerSend);
    if (count === 0) return;
    this.pending -= count;
    this.lastSent = this.timers.now();
    this.send(count);
    this.schedule();
  }
}
