import { describe, expect, it } from 'vitest';
import { estimateLevy, reliefApplies, type LevyInput } from '../../shared/domain/quota/levy';
import { defaultQuotaParameters, type QuotaParameters } from '../../shared/domain/quota/parameters';
import { roundDiv } from '../../shared/domain/quota/rounding';

const yuan = (n: number) => n * 100;

function params(over: Partial<QuotaParameters> = {}): QuotaParameters {
  return { ...defaultQuotaParameters, localAverageAnnualWageFen: yuan(45_000), ...over };
}

function levy(over: Partial<LevyInput>): ReturnType<typeof estimateLevy> {
  return estimateLevy({
    year: 2026,
    staff: 50,
    months: 12,
    arrangedPersonMonths: 0,
    averageWageFen: yuan(60_000),
    parameters: params(),
    ...over,
  });
}

describe('rounding', () => {
  it('rounds to the nearest unit, halves away from zero', () => {
    expect(roundDiv(5n, 2n)).toBe(3n);
    expect(roundDiv(-5n, 2n)).toBe(-3n);
    expect(roundDiv(7n, 3n)).toBe(2n);
    expect(roundDiv(8n, 3n)).toBe(3n);
    expect(roundDiv(-8n, 3n)).toBe(-3n);
    expect(() => roundDiv(1n, 0n)).toThrow(RangeError);
  });
});

describe('levy estimate, hand-worked', () => {
  it('50 staff, 1.5 %, none arranged, ¥60,000 under the 2 × ¥45,000 cap', () => {
    // required 50 × 1.5 % = 0.75; full 0.75 × ¥60,000 = ¥45,000;
    // ratio 0 < 1 %: the 90 % band (2026 is inside the relief) → ¥40,500.
    const r = levy({});
    expect(r.requiredHundredths).toBe(75);
    expect(r.shortfallHundredths).toBe(75);
    expect(r.capped).toBe(false);
    expect(r.wageBaseFen).toBe(yuan(60_000));
    expect(r.fullFen).toBe(yuan(45_000));
    expect(r.rateBp).toBe(9_000);
    expect(r.owedFen).toBe(yuan(40_500));
    expect(r.noneFen).toBe(yuan(40_500));
    expect(r.savedFen).toBe(0);
    expect(r.exempt).toBe(false);
    expect(r.meetsQuota).toBe(false);
  });

  it('caps the wage base at twice the local average', () => {
    // ¥100,000 > 2 × ¥45,000 = ¥90,000: base ¥90,000; 0.75 × 90,000 = 67,500; 90 % = 60,750.
    const r = levy({ averageWageFen: yuan(100_000) });
    expect(r.capped).toBe(true);
    expect(r.wageBaseFen).toBe(yuan(90_000));
    expect(r.fullFen).toBe(yuan(67_500));
    expect(r.owedFen).toBe(yuan(60_750));
  });

  it('a grade-1 worker all year at 200 staff reaches 1 %: the 50 % band, and what it saves', () => {
    // required 200 × 1.5 % = 3; arranged 24 person-months ÷ 12 = 2 (ratio 1 %);
    // shortfall 1 × ¥60,000 = ¥60,000, 50 % → ¥30,000.
    // none: 3 × ¥60,000 × 90 % = ¥162,000; saved ¥132,000.
    const r = levy({ staff: 200, arrangedPersonMonths: 24 });
    expect(r.ratioBp).toBe(100);
    expect(r.arrangedHundredths).toBe(200);
    expect(r.fullFen).toBe(yuan(60_000));
    expect(r.rateBp).toBe(5_000);
    expect(r.owedFen).toBe(yuan(30_000));
    expect(r.noneFen).toBe(yuan(162_000));
    expect(r.savedFen).toBe(yuan(132_000));
  });

  it('half a year counts as half a person (按实际月数计算)', () => {
    // 100 staff: required 1.5; one grade-3 worker 6 of 12 months: 0.5; ratio 0.5 % → 90 %;
    // shortfall 1.0 × ¥60,000 = ¥60,000 → ¥54,000.
    const r = levy({ staff: 100, arrangedPersonMonths: 6 });
    expect(r.arrangedHundredths).toBe(50);
    expect(r.ratioBp).toBe(50);
    expect(r.shortfallHundredths).toBe(100);
    expect(r.owedFen).toBe(yuan(54_000));
  });

  it('meeting the quota owes nothing and saves the whole levy', () => {
    // 100 staff need 1.5: one grade-2 worker (2) all year is enough.
    const r = levy({ staff: 100, arrangedPersonMonths: 24 });
    expect(r.meetsQuota).toBe(true);
    expect(r.owedFen).toBe(0);
    // none: 1.5 × ¥60,000 × 90 % = ¥81,000.
    expect(r.savedFen).toBe(yuan(81_000));
  });

  it('exempts an employer of 30 staff or fewer while the relief lasts, not after', () => {
    expect(levy({ staff: 30 }).exempt).toBe(true);
    expect(levy({ staff: 30 }).owedFen).toBe(0);
    expect(levy({ staff: 31 }).exempt).toBe(false);
    // 2028 is after 2027-12-31: 30 × 1.5 % = 0.45 × ¥60,000 = ¥27,000 in full.
    const after = levy({ staff: 30, year: 2028 });
    expect(after.exempt).toBe(false);
    expect(after.reliefApplies).toBe(false);
    expect(after.rateBp).toBe(10_000);
    expect(after.owedFen).toBe(yuan(27_000));
  });

  it('takes every number from the parameters', () => {
    // A province at 1.6 %, no relief: 50 × 1.6 % = 0.8 × ¥60,000 = ¥48,000.
    const r = levy({ parameters: params({ quotaBp: 160, reliefUntil: '2019-12-31' }) });
    expect(r.requiredHundredths).toBe(80);
    expect(r.owedFen).toBe(yuan(48_000));
    expect(reliefApplies(2026, params({ reliefUntil: null }))).toBe(true);
  });

  it('rounds once, to the nearest fen, halves away from zero', () => {
    // 33 × 1.5 % = 0.495 persons × 5,000,101 fen = 2,475,049.995 fen → 2,475,050.
    const a = levy({ staff: 33, year: 2028, averageWageFen: 5_000_101 });
    expect(a.owedFen).toBe(2_475_050);
    // 50 × 1 % = 0.5 persons × 101 fen = 50.5 fen → 51.
    const b = levy({ staff: 50, year: 2028, averageWageFen: 101, parameters: params({ quotaBp: 100 }) });
    expect(b.owedFen).toBe(51);
  });

  it('has nothing to estimate without months in scope', () => {
    const r = levy({ months: 0 });
    expect(r.owedFen).toBe(0);
    expect(r.meetsQuota).toBe(true);
  });
});
