/**
 * Who counts toward the quota in a month (财税〔2015〕72号 第八条): a worker
 * recorded as disabled counts in a month when the labour contract covers it,
 * the contract is at least a year long (an open-ended one is), the month's
 * wage reaches the local minimum, and social insurance was paid for it.
 * Grade 1–2 counts as two. Pure: the parameters and the month's facts are
 * arguments.
 */
import {
  addDays,
  addMonths,
  daysInMonth,
  monthKeyOf,
  monthStart,
  type DayKey,
  type MonthKey,
} from '../calendar';
import type { QuotaParameters } from './parameters';

export type QuotaExclusionReason =
  'not_employed' | 'contract_short' | 'wage_below_minimum' | 'insurance_missing';

export interface QuotaPersonFacts {
  userId: number;
  grade: 1 | 2 | 3 | 4;
  contractStart: DayKey;
  /** Inclusive last day; null: open-ended. */
  contractEnd: DayKey | null;
}

export interface QuotaMonthFacts {
  wageFen: number;
  insurancePaid: boolean;
}

export interface QuotaMonthVerdict {
  counted: boolean;
  /** People this month counts as: 0 when it does not count. */
  weight: number;
  reasons: QuotaExclusionReason[];
}

/** The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDay(day: DayKey, months: number): DayKey {
  const month = addMonths(monthKeyOf(day), months);
  const dayOfMonth = Math.min(Number(day.slice(8, 10)), daysInMonth(month));
  return `${month}-${String(dayOfMonth).padStart(2, '0')}`;
}

/**
 * At least `minMonths` long, counting the last day: 2026-01-01 to 2026-12-31
 * is one year (1年以上（含1年）). Open-ended always is.
 */
export function contractLongEnough(start: DayKey, end: DayKey | null, minMonths: number): boolean {
  if (end === null) return true;
  if (minMonths === 0) return end >= start;
  return end >= addDays(addMonthsToDay(start, minMonths), -1);
}

/** The contract covers at least one day of the month. */
export function employedIn(
  person: Pick<QuotaPersonFacts, 'contractStart' | 'contractEnd'>,
  month: MonthKey,
): boolean {
  const first = monthStart(month);
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  return person.contractStart <= last && (person.contractEnd === null || person.contractEnd >= first);
}

export function gradeWeight(grade: QuotaPersonFacts['grade'], parameters: QuotaParameters): number {
  return parameters.gradeWeights[String(grade) as '1' | '2' | '3' | '4'];
}

export function judgeMonth(
  person: QuotaPersonFacts,
  month: MonthKey,
  facts: QuotaMonthFacts,
  parameters: QuotaParameters,
): QuotaMonthVerdict {
  if (!employedIn(person, month)) return { counted: false, weight: 0, reasons: ['not_employed'] };
  const reasons: QuotaExclusionReason[] = [];
  if (!contractLongEnough(person.contractStart, person.contractEnd, parameters.contractMinMonths)) {
    reasons.push('contract_short');
  }
  if (facts.wageFen < parameters.minimumMonthlyWageFen) reasons.push('wage_below_minimum');
  if (!facts.insurancePaid) reasons.push('insurance_missing');
  if (reasons.length > 0) return { counted: false, weight: 0, reasons };
  return { counted: true, weight: gradeWeight(person.grade, parameters), reasons };
}

/**
 * The months a report of `year` covers on `today`: all twelve of a past year,
 * January to this month of the current one (an estimate to date), none of a
 * future one.
 */
export function monthsInScope(year: number, today: DayKey): MonthKey[] {
  const thisYear = Number(today.slice(0, 4));
  if (year > thisYear) return [];
  const last = year < thisYear ? 12 : Number(today.slice(5, 7));
  const months: MonthKey[] = [];
  for (let m = 1; m <= last; m += 1)
    months.push(`${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
  return months;
}
