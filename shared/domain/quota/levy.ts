/**
 * The employment-security levy (残疾人就业保障金) estimate for a year:
 *
 *   (staff × quota − arranged) × the employer's average annual wage
 *
 * (财税〔2015〕72号), the wage capped at a multiple of the local average social
 * wage (2×: 财政部公告2019年第98号), nothing for small employers and a reduced
 * share below the quota while the relief lasts (98号公告; extended to
 * 2027-12-31 by 财政部 税务总局公告2023年第8号). Arranged is the year's
 * average: person-months ÷ months (未满一年的，按实际月数计算). Every figure
 * stays an exact fraction until the one rounding per reported amount.
 */
import type { QuotaParameters } from './parameters';
import { roundDivToNumber } from './rounding';

export interface LevyInput {
  year: number;
  staff: number;
  /** Months in scope (the divisor of the year's average). */
  months: number;
  /** Σ weighted counted people over those months. */
  arrangedPersonMonths: number;
  averageWageFen: number;
  parameters: QuotaParameters;
}

export interface LevyEstimate {
  owedFen: number;
  savedFen: number;
  noneFen: number;
  fullFen: number;
  wageBaseFen: number;
  capped: boolean;
  rateBp: number;
  exempt: boolean;
  reliefApplies: boolean;
  meetsQuota: boolean;
  ratioBp: number;
  arrangedHundredths: number;
  requiredHundredths: number;
  shortfallHundredths: number;
}

const bp = 10_000n;

/** The relief covers a year whose first day is on or before its last day. */
export function reliefApplies(year: number, parameters: QuotaParameters): boolean {
  return (
    parameters.reliefUntil === null || `${String(year).padStart(4, '0')}-01-01` <= parameters.reliefUntil
  );
}

/**
 * The share payable at a ratio, as `arranged ÷ (staff × months)` (exact): the
 * first band, highest threshold first, the ratio reaches; all of it without one.
 */
function payableBp(arrangedPersonMonths: bigint, staffMonths: bigint, parameters: QuotaParameters): number {
  const bands = [...parameters.reducedBands].sort((a, b) => b.minRatioBp - a.minRatioBp);
  for (const band of bands) {
    // ratio ≥ minRatioBp / 10000  ⇔  arranged × 10000 ≥ minRatioBp × staff × months
    if (arrangedPersonMonths * bp >= BigInt(band.minRatioBp) * staffMonths) return band.payBp;
  }
  return 10_000;
}

export function estimateLevy(input: LevyInput): LevyEstimate {
  const { parameters } = input;
  const relief = reliefApplies(input.year, parameters);
  const exempt = relief && input.staff <= parameters.smallEmployerMaxStaff;

  // The wage base as a fraction baseNum ÷ baseDen, so the cap adds no rounding.
  const capped =
    BigInt(input.averageWageFen) * bp >
    BigInt(parameters.localAverageAnnualWageFen) * BigInt(parameters.wageCapBp);
  const baseNum = capped
    ? BigInt(parameters.localAverageAnnualWageFen) * BigInt(parameters.wageCapBp)
    : BigInt(input.averageWageFen);
  const baseDen = capped ? bp : 1n;
  const wageBaseFen = roundDivToNumber(baseNum, baseDen);

  const requiredHundredths = roundDivToNumber(BigInt(input.staff) * BigInt(parameters.quotaBp), 100n);
  if (input.months === 0) {
    return {
      owedFen: 0,
      savedFen: 0,
      noneFen: 0,
      fullFen: 0,
      wageBaseFen,
      capped,
      rateBp: 10_000,
      exempt,
      reliefApplies: relief,
      meetsQuota: true,
      ratioBp: 0,
      arrangedHundredths: 0,
      requiredHundredths,
      shortfallHundredths: 0,
    };
  }

  const months = BigInt(input.months);
  const arranged = BigInt(input.arrangedPersonMonths);
  const staffMonths = BigInt(input.staff) * months;
  // Persons × 10000 × months: required and arranged in one unit.
  const requiredScaled = BigInt(input.staff) * BigInt(parameters.quotaBp) * months;
  const arrangedScaled = arranged * bp;
  const shortScaled = requiredScaled > arrangedScaled ? requiredScaled - arrangedScaled : 0n;
  const meetsQuota = shortScaled === 0n;

  const rateBp = relief ? payableBp(arranged, staffMonths, parameters) : 10_000;
  const rateNoneBp = relief ? payableBp(0n, staffMonths, parameters) : 10_000;
  const den = bp * months * baseDen;

  const fullFen = roundDivToNumber(shortScaled * baseNum, den);
  const owedFen =
    exempt || meetsQuota ? 0 : roundDivToNumber(shortScaled * baseNum * BigInt(rateBp), den * bp);
  const noneFen =
    exempt || requiredScaled === 0n
      ? 0
      : roundDivToNumber(requiredScaled * baseNum * BigInt(rateNoneBp), den * bp);

  return {
    owedFen,
    savedFen: Math.max(0, noneFen - owedFen),
    noneFen,
    fullFen,
    wageBaseFen,
    capped,
    rateBp: meetsQuota ? 0 : rateBp,
    exempt,
    reliefApplies: relief,
    meetsQuota,
    ratioBp: staffMonths === 0n ? 0 : roundDivToNumber(arrangedScaled, staffMonths),
    arrangedHundredths: roundDivToNumber(arranged * 100n, months),
    requiredHundredths,
    shortfallHundredths: roundDivToNumber(shortScaled, 100n * months),
  };
}
