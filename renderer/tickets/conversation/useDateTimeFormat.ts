import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Times are stored as UTC epoch ms and shown in the worker's locale and own
 * time zone: the time alone for today, with the date otherwise. (The team
 * notes have the same rule; a workspace cannot reach into the app's folder.)
 */
export function useDateTimeFormat(): (epochMs: number, today?: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const timeOnly = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
    const withDate = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return (epochMs: number, today = Date.now()) => {
      const date = new Date(epochMs);
      const sameDay = date.toDateString() === new Date(today).toDateString();
      return (sameDay ? timeOnly : withDate).format(date);
    };
  }, [language]);
}

/** Money is integer fen; shown as yuan in the worker's locale (¥128.00). */
export function useMoneyFormat(): (fen: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    // "¥" in every language: the shop only sells in yuan, so "CN¥" would say nothing more.
    const format = new Intl.NumberFormat(language, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
    });
    return (fen: number) => format.format(fen / 100);
  }, [language]);
}
