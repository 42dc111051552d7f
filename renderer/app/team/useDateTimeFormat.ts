import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Times are stored as UTC epoch ms and shown in the worker's locale and own
 * time zone: the time alone for today, with the date otherwise.
 */
export function useDateTimeFormat(): (epochMs: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const timeOnly = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
    const withDate = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return (epochMs: number) => {
      const date = new Date(epochMs);
      const sameDay = date.toDateString() === new Date().toDateString();
      return (sameDay ? timeOnly : withDate).format(date);
    };
  }, [language]);
}
