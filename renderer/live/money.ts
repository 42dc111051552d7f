/**
 * Money on the console is integer fen (ARCHITECTURE.md). Typed prices are
 * parsed from their decimal text with integer arithmetic only, and fen are
 * shown as yuan by splitting digits, so no float ever touches an amount.
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
export function fenToYuanDigits(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('fen must be a safe integer');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${String(cents).padStart(2, '0')}`;
}

/** "¥1,234.50": grouping from the locale, digits from integer math. */
export function formatFen(fen: number, locale: string): string {
  const digits = fenToYuanDigits(fen);
  const negative = digits.startsWith('-');
  const [whole = '0', cents = '00'] = (negative ? digits.slice(1) : digits).split('.');
  // Grouping only: BigInt formats the whole yuan exactly, with the locale's separators.
  const grouped = new Intl.NumberFormat(locale, { useGrouping: true }).format(BigInt(whole));
  return `${negative ? '-' : ''}¥${grouped}.${cents}`;
}
