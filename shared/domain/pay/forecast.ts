import { mulDivRound } from './rounding';

/**
 * The month's forecast, simple enough to explain in one sentence: what you
 * earned so far, plus as many worked days again for the rest of the month as
 * your share of days worked so far, each earning your average worked day.
 * earned + (earned / worked) × (remaining × worked / elapsed) is
 * earned + earned × remaining / elapsed, computed exactly and rounded once.
 */
export interface ForecastInput {
  earnedFen: number;
  /** Days of the month up to today with any earnings. */
  workedDays: number;
  /** Days of the month up to and including today (0 before the month begins). */
  elapsedDays: number;
  daysInMonth: number;
}

export interface ForecastResult {
  forecastFen: number;
  earnedFen: number;
  workedDays: number;
  elapsedDays: number;
  remainingDays: number;
  paceFen: number;
  expectedMoreDays: number;
}

export function forecastMonth(input: ForecastInput): ForecastResult {
  const elapsed = Math.max(0, Math.min(input.elapsedDays, input.daysInMonth));
  const remaining = input.daysInMonth - elapsed;
  const worked = Math.min(input.workedDays, elapsed);
  const base = {
    earnedFen: input.earnedFen,
    workedDays: worked,
    elapsedDays: elapsed,
    remainingDays: remaining,
  };
  if (elapsed === 0 || worked === 0) {
    // No pace yet (the month has not begun, or nothing earned): the forecast is what is already there.
    return { ...base, forecastFen: input.earnedFen, paceFen: 0, expectedMoreDays: 0 };
  }
  return {
    ...base,
    forecastFen: input.earnedFen + mulDivRound(input.earnedFen, remaining, elapsed),
    paceFen: mulDivRound(input.earnedFen, 1, worked),
    expectedMoreDays: mulDivRound(remaining, worked, elapsed),
  };
}
