/**
 * Exact integer arithmetic for the quota's money and shares. Every figure is
 * a fraction of integers until the one rounding at the end: to the nearest
 * unit, halves away from zero (四舍五入), as the pay rules round. BigInt,
 * because staff × quota × months × wage × rate passes 2^53.
 */

/** numerator ÷ denominator to the nearest integer, halves away from zero. */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** The same, back to a number: callers keep results far below 2^53 (fen of one employer's levy). */
export function roundDivToNumber(numerator: bigint, denominator: bigint): number {
  return Number(roundDiv(numerator, denominator));
}
