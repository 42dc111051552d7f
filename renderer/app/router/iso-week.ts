/**
 * ISO 8601 weeks (`2026-W49`): weeks start on Monday and week 1 holds the
 * year's first Thursday, so a year has 52 weeks, or 53 when it starts on a
 * Thursday (or on a Wednesday in a leap year). Pure: no clock.
 */

const isoWeekPattern = /^([1-9]\d{3})-W(\d{2})$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function isoWeeksInYear(year: number): 52 | 53 {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const thursday = 4;
  const wednesday = 3;
  return jan1 === thursday || (isLeapYear(year) && jan1 === wednesday) ? 53 : 52;
}

/** True for a week that exists: `2025-W53` does not (2025 has 52 weeks), `2026-W00` never does. */
export function isIsoWeek(text: string): boolean {
  const match = isoWeekPattern.exec(text);
  if (!match?.[1] || !match[2]) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= isoWeeksInYear(Number(match[1]));
}

export function formatIsoWeek(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}
