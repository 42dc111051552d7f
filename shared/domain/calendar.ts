/**
 * Calendar days in the organisation's time zone. Pay, timesheets and the
 * quota report count by the employer's days (a shift that starts at 23:30 in
 * Nanning belongs to that day wherever the hub runs), so every day boundary
 * comes from here. Days are `YYYY-MM-DD` strings: they sort, compare and key
 * rows as they are. Pure: the zone's offsets come from Intl, no clock is read.
 */

export type DayKey = string;
/** `YYYY-MM`. */
export type MonthKey = string;
export type Period = 'day' | 'week' | 'month';

export const defaultTimeZone = 'Asia/Shanghai';

const dayKeyPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthKeyPattern = /^(\d{4})-(\d{2})$/;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** True for a zone Intl knows (an IANA name such as Asia/Shanghai). */
export function isTimeZone(timeZone: string): boolean {
  try {
    partsFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(ms: number, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at that instant (480 in China). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - (ms - (ms % 1000))) / 60_000);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isDayKey(value: string): boolean {
  const m = dayKeyPattern.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isMonthKey(value: string): boolean {
  const m = monthKeyPattern.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function parseDay(day: DayKey): { y: number; m: number; d: number } {
  const match = dayKeyPattern.exec(day);
  if (!match || !isDayKey(day)) throw new RangeError(`not a day: ${day}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** The zone's calendar day of an instant. */
export function dayKeyOf(ms: number, timeZone: string): DayKey {
  const w = wallTime(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The instant the day begins in the zone (00:00 local). */
export function startOfDay(day: DayKey, timeZone: string): number {
  const { y, m, d } = parseDay(day);
  const guess = Date.UTC(y, m - 1, d);
  // The offset at the guess, then at the corrected instant: right across a DST change too.
  const first = guess - zoneOffsetMinutes(guess, timeZone) * 60_000;
  return guess - zoneOffsetMinutes(first, timeZone) * 60_000;
}

export function addDays(day: DayKey, n: number): DayKey {
  const { y, m, d } = parseDay(day);
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 1 Monday … 7 Sunday (ISO). */
export function isoWeekday(day: DayKey): number {
  const { y, m, d } = parseDay(day);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday of the day's week: timesheets' weeks start on Monday, as Chinese calendars do. */
export function weekStartOf(day: DayKey): DayKey {
  return addDays(day, 1 - isoWeekday(day));
}

export function monthKeyOf(day: DayKey): MonthKey {
  return day.slice(0, 7);
}

export function monthStart(month: MonthKey): DayKey {
  if (!isMonthKey(month)) throw new RangeError(`not a month: ${month}`);
  return `${month}-01`;
}

export function addMonths(month: MonthKey, n: number): MonthKey {
  if (!isMonthKey(month)) throw new RangeError(`not a month: ${month}`);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

export function daysInMonth(month: MonthKey): number {
  return Number(addDays(monthStart(addMonths(month, 1)), -1).slice(8, 10));
}

/** The period holding the day: `from` its first day, `to` the day after its last (exclusive). */
export function periodRange(period: Period, day: DayKey): { from: DayKey; to: DayKey } {
  switch (period) {
    case 'day':
      return { from: day, to: addDays(day, 1) };
    case 'week': {
      const from = weekStartOf(day);
      return { from, to: addDays(from, 7) };
    }
    case 'month': {
      const month = monthKeyOf(day);
      return { from: monthStart(month), to: monthStart(addMonths(month, 1)) };
    }
  }
}

/** Every day from `from` up to, not including, `to`. */
export function daysBetween(from: DayKey, to: DayKey): DayKey[] {
  const days: DayKey[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The instants a range of days covers in the zone: [start, end). */
export function instantRange(from: DayKey, to: DayKey, timeZone: string): { start: number; end: number } {
  return { start: startOfDay(from, timeZone), end: startOfDay(to, timeZone) };
}
