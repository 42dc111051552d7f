/**
 * Money is integer fen (ARCHITECTURE.md). Typed prices are parsed from their
 * decimal text with integer arithmetic only, and fen are shown as yuan from an
 * exact decimal string, so no float ever touches an amount.
 */

/** The largest price the hub accepts (fenSchema's bound), in fen. */
export const maxFen = 100_000_000_00;

const priceText = /^(\d{1,8})(?:[.,](\d{0,2}))?$/;

/**
 * "12", "12.5", "12.50", "0.01", "¥12.50" → fen; null for anything else
 * (more than two decimals, signs, letters, empty). Full-width digits and the
 * yuan sign a Chinese IME may type are accepted.
 */
export function parseYuanToFen(input: string): number | null {
  const text = input
    .normalize('NFKC')
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s+/g, '');
  const match = priceText.exec(text);
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  const fen = Number.parseInt(whole, 10) * 100 + Number.parseInt(fraction.padEnd(2, '0'), 10);
  return Number.isSafeInteger(fen) && fen <= maxFen ? fen : null;
}

/** The digits of fen as yuan with two decimals, "1234.50", by integer division. */
export function fenToYuanDigits(fen: number): `${number}` {
  if (!Number.isSafeInteger(fen)) throw new RangeError('fen must be a safe integer');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${String(cents).padStart(2, '0')}` as `${number}`;
}

/**
 * Fen as yuan in the given language ("¥1,234.50"). "¥" in every language: the
 * shop sells only in yuan, so "CN¥" would say nothing more. Intl formats the
 * exact decimal string (not fen / 100), so grouping and sign come from the
 * locale and the digits from integer math.
 */
export function fenFormatter(locale: string): (fen: number) => string {
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
  });
  return (fen) => format.format(fenToYuanDigits(fen));
}

export function formatFen(fen: number, locale: string): string {
  return fenFormatter(locale)(fen);
}
