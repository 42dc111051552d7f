import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const minuteMs = 60_000;

/** "7 h 05 min" / "7 小时 5 分钟": worked and break time, to the minute (rounded down, as worked time is paid). */
export function formatDuration(t: TFunction<'employer'>, ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / minuteMs);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? t('duration.minutes', { m }) : t('duration.hours', { h, m });
}

/** formatDuration in the reader's language, for views whose own namespace is another. */
export function useDurationFormat(): (ms: number) => string {
  const { t } = useTranslation('employer');
  return useCallback((ms: number) => formatDuration(t, ms), [t]);
}

/** A clock time, with the day when it is not today's, in the organisation's zone. */
export function timeFormatter(language: string, timeZone: string): (ms: number, now?: number) => string {
  const time = new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit' });
  const dated = new Intl.DateTimeFormat(language, {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (ms, now = Date.now()) => (day.format(ms) === day.format(now) ? time.format(ms) : dated.format(ms));
}

/** A day key as the reader's short date: "Mon 1 Dec" / "12月1日周一". */
export function dayFormatter(language: string): (day: string) => string {
  const format = new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });
  return (day) => format.format(Date.parse(`${day}T00:00:00Z`));
}

/** CSAT arrives ×100 as an integer (425 is 4.25); shown with two decimals, never a float sum. */
export function formatCsat(average: number | null, none: string): string {
  if (average === null) return none;
  const sign = average < 0 ? '-' : '';
  const abs = Math.abs(average);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
