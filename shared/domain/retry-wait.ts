/**
 * How a wait the hub asked for is said to the worker: whole minutes, rounded
 * up (never "try again in 3 minutes" when it is 3 minutes 20), and under a
 * minute in steps of ten seconds, so a screen reader reading the live message
 * is not given a new number every second.
 */
export type RetryWait =
  | { readonly unit: 'minutes'; readonly count: number }
  | { readonly unit: 'seconds'; readonly count: number }
  | { readonly unit: 'now' };

const secondStepMs = 10_000;
const minuteMs = 60_000;

export function retryWait(untilMs: number, nowMs: number): RetryWait {
  const left = untilMs - nowMs;
  if (left <= 0) return { unit: 'now' };
  if (left > minuteMs) return { unit: 'minutes', count: Math.ceil(left / minuteMs) };
  return { unit: 'seconds', count: (Math.ceil(left / secondStepMs) * secondStepMs) / 1000 };
}

/** When the shown figure next changes: the form re-renders then, not on every tick. */
export function nextRetryWaitChange(untilMs: number, nowMs: number): number | null {
  const left = untilMs - nowMs;
  if (left <= 0) return null;
  const step = left > minuteMs ? minuteMs : secondStepMs;
  // The figure changes when `left` crosses the next lower multiple of the step (or the minute mark).
  const remainder = left % step;
  const untilChange = remainder === 0 ? step : remainder;
  return left > minuteMs && left - untilChange < minuteMs ? left - minuteMs : untilChange;
}
