import { useSyncExternalStore } from 'react';

/**
 * One shared clock for the conversation's timers (SLA, snooze presets): it
 * ticks while something shows it, so every timer on screen agrees and no
 * component reads the time during render.
 */
const tickMs = 15_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  now = Date.now();
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    // Asleep while nothing showed it: catch up before the first reading counts.
    now = Date.now();
    timer = setInterval(tick, tickMs);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The time now, to within the tick; re-renders on each tick. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/** The clock read outside render (an event handler): the real time, and the shared reading moves to it. */
export function readNow(): number {
  now = Date.now();
  return now;
}
