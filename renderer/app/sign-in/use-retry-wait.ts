import { useEffect, useState } from 'react';
import { nextRetryWaitChange, retryWait, type RetryWait } from '../../../shared/domain/retry-wait';

/**
 * The wait left until `untilMs`, as the form says it, re-read only when the
 * shown figure changes (each minute, then every ten seconds). Null when there
 * is no wait.
 */
export function useRetryWait(untilMs: number | null, now: () => number = Date.now): RetryWait | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (untilMs === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      const next = nextRetryWaitChange(untilMs, now());
      if (next === null) return;
      timer = setTimeout(() => {
        setTick((n) => n + 1);
        arm();
      }, next);
    };
    arm();
    return () => clearTimeout(timer);
  }, [untilMs, now]);
  return untilMs === null ? null : retryWait(untilMs, now());
}
