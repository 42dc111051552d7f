/**
 * OS notifications, rate-limited on the host. The page asks; the host shows
 * at most one every `gapMs`, and of a burst only the newest waits for the
 * next turn (the ones it replaces are not shown: the in-app alert already
 * counts them). A page, tampered with or buggy, can therefore never put more
 * than one notification on the desktop every few seconds.
 */

export interface OsNotification {
  title: string;
  body: string;
}

export interface NotificationRequest extends OsNotification {
  /** Where clicking it leads: sent back to the page as `notification.clicked`. */
  route: string;
}

/** Shows one notification; `clicked` runs when the worker clicks it. False: the OS shows none. */
export type ShowOsNotification = (notification: OsNotification, clicked: () => void) => boolean;

export interface GateTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface NotificationGateOptions {
  /** Absent: this platform has no OS notifications (web mode); every request answers false. */
  show: ShowOsNotification | undefined;
  /** A shown notification was clicked. */
  clicked: (route: string) => void;
  now: () => number;
  timers?: GateTimers;
  gapMs?: number;
}

/** One notification per this many milliseconds at most. */
export const notificationGapMs = 3_000;

const realTimers: GateTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Held {
  request: NotificationRequest;
  settle: (shown: boolean) => void;
}

export class NotificationGate {
  private readonly timers: GateTimers;
  private readonly gapMs: number;
  private lastShownAt = Number.NEGATIVE_INFINITY;
  private held: Held | null = null;
  private timer: unknown = null;
  private closed = false;

  constructor(private readonly options: NotificationGateOptions) {
    this.timers = options.timers ?? realTimers;
    this.gapMs = options.gapMs ?? notificationGapMs;
  }

  /** Resolves true once it is on the desktop, false if it never will be. */
  request(request: NotificationRequest): Promise<boolean> {
    if (this.closed || !this.options.show) return Promise.resolve(false);
    if (this.held === null && this.waitMs() <= 0) return Promise.resolve(this.display(request));
    // Inside the gap: this one takes the single waiting place, and the one it replaces is not shown.
    this.held?.settle(false);
    return new Promise((settle) => {
      this.held = { request, settle };
      this.schedule();
    });
  }

  /** Whatever waits is not shown; later requests answer false. */
  close(): void {
    this.closed = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.held?.settle(false);
    this.held = null;
  }

  private waitMs(): number {
    return this.lastShownAt + this.gapMs - this.options.now();
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = this.timers.setTimeout(() => this.release(), Math.max(0, this.waitMs()));
  }

  private release(): void {
    this.timer = null;
    const held = this.held;
    if (held === null || this.closed) return;
    // A timer may fire early (a coarse clock); the gap is the rule, not the timer.
    if (this.waitMs() > 0) {
      this.schedule();
      return;
    }
    this.held = null;
    held.settle(this.display(held.request));
  }

  private display({ title, body, route }: NotificationRequest): boolean {
    const show = this.options.show;
    if (!show) return false;
    let shown: boolean;
    try {
      shown = show({ title, body }, () => this.options.clicked(route));
    } catch {
      // The OS refused (no notification service running): the in-app alert is still there.
      shown = false;
    }
    if (shown) this.lastShownAt = this.options.now();
    return shown;
  }
}
