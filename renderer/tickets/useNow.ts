import { useEffect, useSyncExternalStore } from 'react';
import { Emitter } from '../net/emitter';

/** Often enough for "12 min left" to stay true to the minute's rounding a worker acts on. */
export const queueTickMs = 30_000;

/**
 * The queue's clock: one reading for every timer on screen, moved every 30 s
 * and at the instants a timer asked for (an SLA phase change), and asleep
 * while nothing shows it. Only the components that read it re-render on a
 * tick, so the rows around the timers stay as they are.
 */
export class NowClock {
  private readonly changes = new Emitter();
  private nowValue = Date.now();
  private readonly wakes = new Map<number, number>();
  private nextWakeId = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = 0;

  read = (): number => this.nowValue;

  subscribe = (listener: () => void): (() => void) => {
    const off = this.changes.subscribe(listener);
    this.listeners += 1;
    if (this.listeners === 1) {
      // Asleep until now: catch up before the first reading counts.
      this.nowValue = Date.now();
      this.schedule();
    }
    return () => {
      off();
      this.listeners -= 1;
      if (this.listeners === 0) this.stop();
    };
  };

  /** Wakes the clock at `at` as well as on its tick; returns the cancel. */
  wakeAt(at: number): () => void {
    const id = ++this.nextWakeId;
    this.wakes.set(id, at);
    if (this.listeners > 0) this.schedule();
    return () => {
      this.wakes.delete(id);
    };
  }

  dispose(): void {
    this.stop();
    this.wakes.clear();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.stop();
    const now = Date.now();
    let due = now + queueTickMs;
    for (const at of this.wakes.values()) if (at > now && at < due) due = at;
    this.timer = setTimeout(() => this.tick(), Math.max(0, due - now));
  }

  private tick(): void {
    const now = Date.now();
    for (const [id, at] of this.wakes) if (at <= now) this.wakes.delete(id);
    this.nowValue = now;
    this.schedule();
    this.changes.emit();
  }
}

/** The clock's reading, re-rendering on its ticks. */
export function useNow(clock: NowClock): number {
  return useSyncExternalStore(clock.subscribe, clock.read);
}

/** One more tick at `at` (a phase change), for as long as the caller shows it. */
export function useWakeAt(clock: NowClock, at: number | null): void {
  useEffect(() => (at === null ? undefined : clock.wakeAt(at)), [clock, at]);
}
