/**
 * The one rounding rule of pay (README "Pay and rounding"):
 *
 * every ledger entry's amount is computed exactly, in integers, and rounded
 * once to the nearest fen, halves away from zero (四舍五入: 0.5 fen is 1 fen,
 * −0.5 fen is −1 fen); a total is the exact sum of its entries and is never
 * rounded again. No floating point touches an amount: products that could
 * pass 2^53 (GMV × basis points, milliseconds × a rate) are taken in BigInt.
 */

function assertSafe(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a safe integer, got ${n}`);
}

/** numerator / denominator to the nearest integer, halves away from zero, in exact BigInt arithmetic. */
export function divRoundHalfAway(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const rest = n - quotient * d;
  // rest / d ≥ 1/2 ⇔ 2·rest ≥ d: a half goes up in magnitude.
  const magnitude = 2n * rest >= d ? quotient + 1n : quotient;
  return negative ? -magnitude : magnitude;
}

/** a × b / d, rounded once as above; the answer is a safe integer or it throws (never a silent float). */
export function mulDivRound(a: number, b: number, d: number): number {
  assertSafe(a, 'a');
  assertSafe(b, 'b');
  assertSafe(d, 'd');
  const result = divRoundHalfAway(BigInt(a) * BigInt(b), BigInt(d));
  const n = Number(result);
  if (!Number.isSafeInteger(n)) throw new RangeError('the amount is beyond a safe integer of fen');
  return n;
}

/** The exact sum of amounts; throws rather than lose a fen past 2^53. */
export function sumFen(amounts: Iterable<number>): number {
  let total = 0n;
  for (const amount of amounts) {
    assertSafe(amount, 'amount');
    total += BigInt(amount);
  }
  const n = Number(total);
  if (!Number.isSafeInteger(n)) throw new RangeError('the total is beyond a safe integer of fen');
  return n;
}
