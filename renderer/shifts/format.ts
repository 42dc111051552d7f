import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenFormatter } from '../../shared/domain/live/money';

/** The clock, ticking once every `everyMs`, for "since 09:02 (2 h 5 min)". */
export function useNow(everyMs = 30_000, now: () => number = Date.now): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, now]);
  return value;
}

export interface ShiftFormat {
  /** "¥1,234.50" in the page's language, from integer fen. */
  fen: (fen: number) => string;
  /** "2 h 5 min" / "2 小时 5 分钟"; whole minutes, rounded down. */
  duration: (ms: number) => string;
  /** A time of day, "09:02". */
  time: (ms: number) => string;
  /** A day and time, for "generated at". */
  dateTime: (ms: number) => string;
  /** A day key (YYYY-MM-DD) as the language writes it. */
  day: (day: string) => string;
  /** A month key (YYYY-MM), "November 2026" / "2026年11月". */
  month: (month: string) => string;
}

/** Formatting for the Shifts view, in the page's language and the organisation's time zone. */
export function useShiftFormat(timeZone: string | null): ShiftFormat {
  const { t, i18n } = useTranslation('shifts');
  const language = i18n.language;
  return useMemo(() => {
    const zone = timeZone ?? undefined;
    const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone: zone });
    const dateTime = new Intl.DateTimeFormat(language, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: zone,
    });
    // Day and month keys are calendar dates already: formatted at noon UTC so no zone moves them.
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    const atNoon = (key: string) => {
      const [y = 1970, m = 1, d = 1] = key.split('-').map(Number);
      return Date.UTC(y, m - 1, d, 12);
    };
    return {
      fen: fenFormatter(language),
      duration: (ms) => {
        const minutes = Math.max(0, Math.floor(ms / 60_000));
        const hours = Math.floor(minutes / 60);
        return hours > 0 ? t('duration.hm', { hours, minutes: minutes % 60 }) : t('duration.m', { minutes });
      },
      time: (ms) => time.format(ms),
      dateTime: (ms) => dateTime.format(ms),
      day: (key) => day.format(atNoon(key)),
      month: (key) => month.format(atNoon(`${key}-01`)),
    };
  }, [language, timeZone, t]);
}
