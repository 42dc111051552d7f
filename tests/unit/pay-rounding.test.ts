import { describe, expect, it } from 'vitest';
import { divRoundHalfAway, mulDivRound, sumFen } from '../../shared/domain/pay/rounding';

describe('pay rounding: once per entry, to the nearest fen, halves away from zero (四舍五入)', () => {
  it('rounds halves away from zero, both signs', () => {
    expect(mulDivRound(1, 1, 2)).toBe(1); // 0.5 fen → 1
    expect(mulDivRound(-1, 1, 2)).toBe(-1); // −0.5 fen → −1
    expect(mulDivRound(3, 1, 2)).toBe(2); // 1.5 → 2
    expect(mulDivRound(-3, 1, 2)).toBe(-2); // −1.5 → −2
    expect(mulDivRound(5, 1, 2)).toBe(3); // 2.5 → 3, not banker's 2
  });

  it('rounds below a half down and above it up', () => {
    expect(mulDivRound(149, 1, 100)).toBe(1); // 1.49 → 1
    expect(mulDivRound(151, 1, 100)).toBe(2); // 1.51 → 2
    expect(mulDivRound(-149, 1, 100)).toBe(-1);
    expect(mulDivRound(-151, 1, 100)).toBe(-2);
  });

  it('prices hand examples exactly', () => {
    // 5 % of ¥99.99 is 499.95 fen → 500 fen.
    expect(mulDivRound(9999, 500, 10_000)).toBe(500);
    // 3.33 % (333 bp) of ¥0.15 is 0.4995 fen → 0.
    expect(mulDivRound(15, 333, 10_000)).toBe(0);
    // 50 minutes at ¥25.00 an hour: 2500 × 50 / 60 = 2083.33… → 2083 fen.
    expect(mulDivRound(50, 2500, 60)).toBe(2083);
    // 1 minute at ¥0.30 an hour is 0.5 fen → 1 fen.
    expect(mulDivRound(1, 30, 60)).toBe(1);
  });

  it('takes products past 2^53 in BigInt, without losing a fen', () => {
    // 90,071,992,547,409.91 yuan of GMV at 0.01 %: the product is beyond 2^53, the answer is exact.
    const gmv = 9_007_199_254_740_991;
    expect(mulDivRound(gmv, 1, 10_000)).toBe(900_719_925_474); // …474.0991 → 474
    expect(mulDivRound(gmv, 5_000, 10_000)).toBe(4_503_599_627_370_496); // .5 → away from zero
    expect(() => mulDivRound(gmv, 10_000, 1)).toThrow(RangeError);
  });

  it('refuses a fraction or an unsafe number as input, and division by zero', () => {
    expect(() => mulDivRound(1.5, 1, 1)).toThrow(RangeError);
    expect(() => mulDivRound(1, Number.NaN, 1)).toThrow(RangeError);
    expect(() => divRoundHalfAway(1n, 0n)).toThrow(RangeError);
    expect(divRoundHalfAway(7n, -2n)).toBe(-4n);
  });

  it('sums exactly and refuses a total beyond a safe integer', () => {
    expect(sumFen([1, -2, 3])).toBe(2);
    expect(sumFen([])).toBe(0);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumFen([0.1])).toThrow(RangeError);
  });
});
