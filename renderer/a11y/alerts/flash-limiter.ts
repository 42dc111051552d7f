/**
 * WCAG 2.3.1: nothing may flash more than three times in any one-second
 * period. Every edge flash asks this limiter first; it is pure over an
 * injected clock so the rule is proven by a unit test, not by watching.
 */

export interface FlashLimiterSettings {
  /** Flashes allowed in any window; 3 for WCAG 2.3.1. */
  readonly max: number;
  readonly windowMs: number;
}

export const wcagFlashLimit: FlashLimiterSettings = { max: 3, windowMs: 1000 };

export interface FlashLimiterState {
  readonly settings: FlashLimiterSettings;
  /** Start times of the flashes inside the current window, oldest first. */
  readonly starts: readonly number[];
}

export function createFlashLimiter(settings: FlashLimiterSettings = wcagFlashLimit): FlashLimiterState {
  if (!Number.isInteger(settings.max) || settings.max < 1) throw new RangeError('max must be 1 or more');
  if (!(settings.windowMs > 0)) throw new RangeError('windowMs must be more than 0');
  return { settings, starts: [] };
}

function recent(state: FlashLimiterState, now: number): number[] {
  // A start exactly one window ago is outside it: [now - window, now] would hold max + 1 flashes otherwise.
  return state.starts.filter((at) => at > now - state.settings.windowMs && at <= now);
}

/** The earliest time a flash may start, `now` if it may start at once. */
export function nextFlashAt(state: FlashLimiterState, now: number): number {
  const starts = recent(state, now);
  if (starts.length < state.settings.max) return now;
  const oldestThatMatters = starts[starts.length - state.settings.max];
  return (oldestThatMatters ?? now) + state.settings.windowMs;
}

/** Records a flash if one may start now; `allowed: false` leaves the state as it was. */
export function tryFlash(
  state: FlashLimiterState,
  now: number,
): { readonly state: FlashLimiterState; readonly allowed: boolean } {
  const starts = recent(state, now);
  if (starts.length >= state.settings.max) return { state, allowed: false };
  return { state: { ...state, starts: [...starts, now] }, allowed: true };
}
