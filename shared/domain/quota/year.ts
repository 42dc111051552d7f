/**
 * A year of the quota: each month's counted and excluded workers, each
 * worker's months, the year's person-months, and a warning on every gap the
 * employer can still act on. Pure: the hub gathers the facts, this judges.
 */
import { addDays, type DayKey, type MonthKey } from '../calendar';
import {
  contractLongEnough,
  employedIn,
  judgeMonth,
  type QuotaExclusionReason,
  type QuotaMonthFacts,
  type QuotaPersonFacts,
} from './counting';
import type { QuotaParameters } from './parameters';

export interface QuotaPersonInput extends QuotaPersonFacts {
  /** The facts of each month in scope; a month missing here had no wage and no insurance. */
  months: ReadonlyMap<MonthKey, QuotaMonthFacts>;
}

export interface PersonMonthResult {
  month: MonthKey;
  wageFen: number;
  insurancePaid: boolean;
  counted: boolean;
  weight: number;
  reasons: QuotaExclusionReason[];
}

export interface PersonYearResult {
  userId: number;
  contractLongEnough: boolean;
  months: PersonMonthResult[];
  countedMonths: number;
  personMonths: number;
}

export interface MonthResult {
  month: MonthKey;
  counted: { userId: number; weight: number }[];
  excluded: { userId: number; reasons: QuotaExclusionReason[] }[];
  countedUnits: number;
}

export type QuotaWarningKind =
  'contract_ending' | 'contract_short' | 'wage_below_minimum' | 'insurance_missing' | 'below_quota';

export interface QuotaWarningResult {
  kind: QuotaWarningKind;
  userId?: number;
  month?: MonthKey;
  day?: DayKey;
}

export interface QuotaYearResult {
  months: MonthResult[];
  people: PersonYearResult[];
  arrangedPersonMonths: number;
  /** Every per-person gap; the caller adds below_quota once it knows the staff. */
  warnings: QuotaWarningResult[];
}

const noFacts: QuotaMonthFacts = { wageFen: 0, insurancePaid: false };

export function judgeYear(
  people: readonly QuotaPersonInput[],
  months: readonly MonthKey[],
  parameters: QuotaParameters,
  today: DayKey,
): QuotaYearResult {
  const monthResults: MonthResult[] = months.map((month) => ({
    month,
    counted: [],
    excluded: [],
    countedUnits: 0,
  }));
  const warnings: QuotaWarningResult[] = [];
  const personResults: PersonYearResult[] = [];
  const warnUntil = addDays(today, parameters.contractWarningDays);

  for (const person of people) {
    const longEnough = contractLongEnough(
      person.contractStart,
      person.contractEnd,
      parameters.contractMinMonths,
    );
    const result: PersonYearResult = {
      userId: person.userId,
      contractLongEnough: longEnough,
      months: [],
      countedMonths: 0,
      personMonths: 0,
    };
    if (person.contractEnd !== null && person.contractEnd >= today && person.contractEnd <= warnUntil) {
      warnings.push({ kind: 'contract_ending', userId: person.userId, day: person.contractEnd });
    }
    if (!longEnough && months.some((month) => employedIn(person, month))) {
      warnings.push({ kind: 'contract_short', userId: person.userId });
    }
    months.forEach((month, index) => {
      const facts = person.months.get(month) ?? noFacts;
      const verdict = judgeMonth(person, month, facts, parameters);
      result.months.push({ month, wageFen: facts.wageFen, insurancePaid: facts.insurancePaid, ...verdict });
      const monthResult = monthResults[index];
      if (!monthResult) return;
      if (verdict.counted) {
        result.countedMonths += 1;
        result.personMonths += verdict.weight;
        monthResult.counted.push({ userId: person.userId, weight: verdict.weight });
        monthResult.countedUnits += verdict.weight;
      } else {
        monthResult.excluded.push({ userId: person.userId, reasons: verdict.reasons });
      }
      if (verdict.reasons.includes('wage_below_minimum')) {
        warnings.push({ kind: 'wage_below_minimum', userId: person.userId, month });
      }
      if (verdict.reasons.includes('insurance_missing')) {
        warnings.push({ kind: 'insurance_missing', userId: person.userId, month });
      }
    });
    personResults.push(result);
  }

  return {
    months: monthResults,
    people: personResults,
    arrangedPersonMonths: monthResults.reduce((sum, m) => sum + m.countedUnits, 0),
    warnings,
  };
}
