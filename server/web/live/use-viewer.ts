import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ViewerSnapshot, ViewerStore } from './viewer-store';

/** The page's state as the client holds it; a component re-renders when it changes. */
export function useViewer(store: ViewerStore): ViewerSnapshot {
  return useSyncExternalStore(store.subscribe, () => store.snapshot);
}

/** The time, ticking each second while `ticking` (a countdown is shown), else fixed at the last tick. */
export function useNow(ticking: boolean, now: () => number = Date.now): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    if (!ticking) return;
    const tick = () => setValue(now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ticking, now]);
  return value;
}
