import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fenFormatter } from '../../../shared/domain/live/money';

/** `value` ÷ 10^places as an exact decimal string, for Intl (which formats strings without a float). */
function decimal(value: number, places: number): `${number}` {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const unit = 10 ** places;
  return `${sign}${Math.trunc(abs / unit)}.${String(abs % unit).padStart(places, '0')}` as `${number}`;
}

export interface QuotaFormat {
  money: (fen: number) => string;
  /** Basis points as a percentage: 150 → "1.5%". */
  percent: (bp: number) => string;
  /** People × 100 as people: 250 → "2.5". */
  people: (hundredths: number) => string;
  /** Ten-thousandths as a multiple: 20000 → "2". */
  multiple: (bp: number) => string;
  /** "2026-03" → "March 2026" / "2026年3月". */
  month: (month: string) => string;
  /** "2026-12-20" → "20 December 2026" / "2026年12月20日". */
  day: (day: string) => string;
  time: (ms: number) => string;
}

/** The report's numbers in the worker's language; every amount from integers, never a float. */
export function useQuotaFormat(): QuotaFormat {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const time = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    const utc = (key: string) => {
      const [y = 0, m = 1, d = 1] = key.split('-').map(Number);
      return Date.UTC(y, m - 1, d);
    };
    return {
      money: fenFormatter(locale),
      percent: (bp) => percent.format(decimal(bp, 4)),
      people: (hundredths) => plain.format(decimal(hundredths, 2)),
      multiple: (bp) => plain.format(decimal(bp, 4)),
      month: (key) => month.format(utc(key)),
      day: (key) => day.format(utc(key)),
      time: (ms) => time.format(ms),
    };
  }, [locale]);
}
