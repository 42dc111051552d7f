import { addDays, weekStartOf, type DayKey } from '../../shared/domain/calendar';

/** The Monday of an ISO week (`2026-W49` → 2026-11-30): week 1 is the one holding 4 January. */
export function mondayOfIsoWeek(week: string): DayKey | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match?.[1] || !match[2]) return null;
  const firstMonday = weekStartOf(`${match[1]}-01-04`);
  return addDays(firstMonday, (Number(match[2]) - 1) * 7);
}
