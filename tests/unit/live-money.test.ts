import { describe, expect, it } from 'vitest';
import {
  fenFormatter,
  fenToYuanDigits,
  formatFen,
  maxFen,
  parseYuanToFen,
} from '../../shared/domain/live/money';

describe('live money', () => {
  it('parses yuan text to integer fen without floating point', () => {
    expect(parseYuanToFen('12')).toBe(1200);
    expect(parseYuanToFen('12.5')).toBe(1250);
    expect(parseYuanToFen('12.50')).toBe(1250);
    expect(parseYuanToFen('0.01')).toBe(1);
    // 0.1 + 0.2 style traps: 19.99 * 100 is 1998.9999999999998 in floats.
    expect(parseYuanToFen('19.99')).toBe(1999);
    expect(parseYuanToFen('1.15')).toBe(115);
    expect(parseYuanToFen('¥ 8.80')).toBe(880);
    expect(parseYuanToFen('￥１２．３')).toBe(1230);
    expect(parseYuanToFen(' 7. ')).toBe(700);
    expect(parseYuanToFen('3,5')).toBe(350);
    expect(parseYuanToFen('99999999.99')).toBe(9_999_999_999);
  });

  it('refuses what is not a price', () => {
    for (const bad of ['', ' ', '-1', '1.234', 'abc', '1e3', '12.3.4', '+5', '.5', '123456789'])
      expect(parseYuanToFen(bad), bad).toBeNull();
  });

  it('shows fen as yuan digits by integer division', () => {
    expect(fenToYuanDigits(0)).toBe('0.00');
    expect(fenToYuanDigits(5)).toBe('0.05');
    expect(fenToYuanDigits(1999)).toBe('19.99');
    expect(fenToYuanDigits(-1999)).toBe('-19.99');
    expect(fenToYuanDigits(maxFen)).toBe('100000000.00');
    expect(() => fenToYuanDigits(1.5)).toThrow(RangeError);
    expect(() => fenToYuanDigits(Number.NaN)).toThrow(RangeError);
  });

  it('formats with the locale grouping and "¥" in every language', () => {
    expect(formatFen(123456789, 'en')).toBe('¥1,234,567.89');
    expect(formatFen(1250, 'zh-CN')).toBe('¥12.50');
    expect(formatFen(0, 'en')).toBe('¥0.00');
    expect(formatFen(-1999, 'en')).toBe('-¥19.99');
    const zh = fenFormatter('zh-CN');
    expect(zh(12800)).toBe('¥128.00');
    expect(zh(maxFen)).toBe('¥100,000,000.00');
  });

  it('keeps every fen digit where fen / 100 in floats would round', () => {
    // MAX_SAFE_INTEGER / 100 is 90071992547409.90 as a double.
    expect(formatFen(Number.MAX_SAFE_INTEGER, 'en')).toBe('¥90,071,992,547,409.91');
  });

  it('round-trips every price the form can show', () => {
    for (const fen of [1, 9, 10, 99, 100, 101, 1999, 2005, 123456, 9_999_999_99])
      expect(parseYuanToFen(fenToYuanDigits(fen))).toBe(fen);
  });
});
