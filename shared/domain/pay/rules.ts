import { type DayKey, isDayKey } from '../calendar';

/**
 * Pay rules are versions with the day they take effect, per organisation or
 * per worker. The version that prices a fact is the one in force on the
 * fact's day in the organisation's zone, and a new version may only take
 * effect today or later: so what is already earned is never repriced, and an
 * entry posted before a rule change keeps its amount.
 */

export interface PayRates {
  hourlyFen: number;
  perTicketFen: number;
  csatBonusFen: number;
  /** A rating at or above this earns the bonus (1..5). */
  csatMinScore: number;
  liveHourFen: number;
  /** Basis points of GMV net of refunds. */
  commissionBp: number;
}

export interface RuleVersionLike {
  id: number;
  /** Null: the organisation's; otherwise that worker's override. */
  userId: number | null;
  effectiveFrom: DayKey;
  rates: PayRates;
}

/** No rule yet: nothing is earned until an employer sets one (never a guessed rate). */
export const zeroRates: PayRates = {
  hourlyFen: 0,
  perTicketFen: 0,
  csatBonusFen: 0,
  csatMinScore: 5,
  liveHourFen: 0,
  commissionBp: 0,
};

function latestOnOrBefore<V extends RuleVersionLike>(versions: readonly V[], day: DayKey): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.effectiveFrom <= day && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  }
  return best;
}

/**
 * The version that prices a worker's fact on `day`: their own override in
 * force that day wins over the organisation's; null when neither has begun.
 */
export function ruleInForce<V extends RuleVersionLike>(
  versions: readonly V[],
  userId: number,
  day: DayKey,
): V | null {
  const own = latestOnOrBefore(
    versions.filter((v) => v.userId === userId),
    day,
  );
  return (
    own ??
    latestOnOrBefore(
      versions.filter((v) => v.userId === null),
      day,
    )
  );
}

export type EffectiveDayProblem = 'not_a_day' | 'in_the_past';

/** Why a new version may not take effect on that day, or null when it may (today or later). */
export function effectiveDayProblem(effectiveFrom: DayKey, today: DayKey): EffectiveDayProblem | null {
  if (!isDayKey(effectiveFrom)) return 'not_a_day';
  return effectiveFrom < today ? 'in_the_past' : null;
}
