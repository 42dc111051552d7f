import {
  addDays,
  addMonths,
  monthKeyOf,
  monthStart,
  periodRange,
  type DayKey,
} from '../../../shared/domain/calendar';

export type OutputPeriodChoice = 'week' | 'month' | 'lastMonth' | 'custom';

export interface OutputRange {
  from: DayKey;
  /** Exclusive, as output.report takes it. */
  to: DayKey;
}

/** The range a preset names around `today` (the organisation's day); custom ranges come from the form. */
export function presetRange(choice: Exclude<OutputPeriodChoice, 'custom'>, today: DayKey): OutputRange {
  if (choice === 'week') return periodRange('week', today);
  if (choice === 'month') return periodRange('month', today);
  const last = addMonths(monthKeyOf(today), -1);
  return { from: monthStart(last), to: monthStart(monthKeyOf(today)) };
}

/** The form's inclusive "to" becomes the exclusive bound; null when the range is backwards. */
export function customRange(from: DayKey, toInclusive: DayKey): OutputRange | null {
  if (toInclusive < from) return null;
  return { from, to: addDays(toInclusive, 1) };
}
