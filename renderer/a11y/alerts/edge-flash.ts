import { createFlashLimiter, nextFlashAt, tryFlash, type FlashLimiterState } from './flash-limiter';

export type EdgeState = 'off' | 'on' | 'steady';

/** Long enough to see at the edge of vision, short enough for three to fit in a second with gaps. */
const onMs = 150;
/** Dark time between flashes, so each is seen as its own. */
const offMs = 200;
/** A steady border for reduced motion: no change of state to count as a flash. */
const steadyMs = 4000;
/** A burst of alerts asks for many flashes; more than this in the queue adds nothing but delay. */
const maxQueued = 3;

/**
 * Runs the full-screen edge flash. Every flash start goes through the WCAG
 * 2.3.1 limiter; with reduced motion it shows a steady border instead.
 */
export class EdgeFlasher {
  private limiter: FlashLimiterState = createFlashLimiter();
  private queued = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stateValue: EdgeState = 'off';
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  get state(): EdgeState {
    return this.stateValue;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  request(flashes: number, reducedMotion: boolean): void {
    if (reducedMotion) {
      this.clear();
      this.queued = 0;
      this.set('steady');
      this.timer = setTimeout(() => this.set('off'), steadyMs);
      return;
    }
    if (this.stateValue === 'steady') {
      this.clear();
      this.set('off');
    }
    this.queued = Math.min(maxQueued, this.queued + flashes);
    if (this.timer === null) this.pump();
  }

  /** Stops any flash under way; listeners stay, as React may mount the same flasher again. */
  dispose(): void {
    this.clear();
    this.queued = 0;
    this.set('off');
  }

  private pump(): void {
    this.timer = null;
    if (this.queued === 0) return;
    const now = this.now();
    const result = tryFlash(this.limiter, now);
    if (!result.allowed) {
      this.timer = setTimeout(() => this.pump(), Math.max(1, nextFlashAt(this.limiter, now) - now));
      return;
    }
    this.limiter = result.state;
    this.queued -= 1;
    this.set('on');
    this.timer = setTimeout(() => {
      this.set('off');
      const now = this.now();
      this.timer = setTimeout(() => this.pump(), Math.max(offMs, nextFlashAt(this.limiter, now) - now));
    }, onMs);
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(state: EdgeState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    for (const listener of this.listeners) listener();
  }
}
