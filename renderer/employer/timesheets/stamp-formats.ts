import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface StampFormats {
  /** "09:30" */
  clock: (ms: number) => string;
  /** "1 Dec 2026, 09:30" */
  stamp: (ms: number) => string;
}

/** Clock times in the organisation's zone (the timesheet's), in the reader's language. */
export function useStampFormats(timeZone: string): StampFormats {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const clock = new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit' });
    const stamp = new Intl.DateTimeFormat(language, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    return { clock: (ms) => clock.format(ms), stamp: (ms) => stamp.format(ms) };
  }, [language, timeZone]);
}
