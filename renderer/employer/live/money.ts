import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Money is integer fen; shown as yuan in the worker's locale (¥128.00), "¥"
 * in every language as in the Tickets workspace (a workspace cannot import
 * another's helpers).
 */
export function useFenFormat(): (fen: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const format = new Intl.NumberFormat(language, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
    });
    return (fen: number) => format.format(fen / 100);
  }, [language]);
}
