/**
 * Typed numbers for the quota parameters, read with integer arithmetic only
 * (a percentage becomes basis points, a multiple becomes ten-thousandths), so
 * no float stands between what the employer typed and what the hub stores.
 * Full-width digits and a Chinese IME's "．" are accepted, as in money.ts.
 */

function normalise(input: string): string {
  return input.normalize('NFKC').trim().replace(/\s+/g, '');
}

/** "1.5" with places 2 → 150; "2" with places 4 → 20000; null for anything else (signs, letters, too many decimals). */
export function parseScaled(input: string, places: number, suffix?: RegExp): number | null {
  let text = normalise(input);
  if (suffix) text = text.replace(suffix, '');
  const match = new RegExp(`^(\\d{1,9})(?:[.,](\\d{0,${places}}))?$`).exec(text);
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  const value =
    Number.parseInt(whole, 10) * 10 ** places + Number.parseInt(fraction.padEnd(places, '0') || '0', 10);
  return Number.isSafeInteger(value) ? value : null;
}

/** "1.5", "1.5 %", "1.5％" → 150 basis points. */
export function parsePercentToBp(input: string): number | null {
  return parseScaled(input, 2, /[%％]$/);
}

/** Basis points as the percentage an employer types: 150 → "1.5", 5000 → "50". */
export function bpToPercentText(bp: number): string {
  return scaledText(bp, 2);
}

/** "2", "2×", "2倍" → 20000 (ten-thousandths of the multiple). */
export function parseMultipleToBp(input: string): number | null {
  return parseScaled(input, 4, /[×xX倍]$/);
}

export function bpToMultipleText(bp: number): string {
  return scaledText(bp, 4);
}

/** A whole number, at most nine digits; null otherwise. */
export function parseWhole(input: string): number | null {
  const text = normalise(input);
  return /^\d{1,9}$/.test(text) ? Number.parseInt(text, 10) : null;
}

function scaledText(value: number, places: number): string {
  const unit = 10 ** places;
  const whole = Math.trunc(value / unit);
  const fraction = String(value % unit)
    .padStart(places, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
