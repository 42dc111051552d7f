import type { LedgerKind } from './kinds';
import type { PayRates } from './rules';
import { mulDivRound } from './rounding';

/**
 * What one fact earns, before it is written to the ledger: the quantity the
 * rate was applied to, the rate, and the amount rounded once
 * (./rounding.ts). A fact that earns nothing posts no entry.
 */
export interface EntryAmount {
  kind: LedgerKind;
  /** Minutes, tickets, ratings, or fen of GMV. */
  quantity: number;
  /** Fen per unit (per hour for hours and live: quantity is minutes), or basis points. */
  rate: number;
  amountFen: number;
}

const msPerMinute = 60_000;

/** Whole minutes of a duration, to the nearest minute (30 s and more is a minute). */
export function minutesOf(ms: number): number {
  if (ms <= 0) return 0;
  return mulDivRound(ms, 1, msPerMinute);
}

/** Worked minutes × hourly rate / 60. */
export function hoursAmount(workedMs: number, rates: PayRates): EntryAmount {
  const minutes = minutesOf(workedMs);
  return {
    kind: 'hours',
    quantity: minutes,
    rate: rates.hourlyFen,
    amountFen: mulDivRound(minutes, rates.hourlyFen, 60),
  };
}

/** One resolved ticket at the per-ticket rate. */
export function ticketAmount(rates: PayRates): EntryAmount {
  return { kind: 'ticket', quantity: 1, rate: rates.perTicketFen, amountFen: rates.perTicketFen };
}

/** A customer's rating earns the bonus when it is at least the rule's minimum; otherwise nothing. */
export function csatAmount(score: number, rates: PayRates): EntryAmount {
  const earns = score >= rates.csatMinScore;
  return { kind: 'csat', quantity: 1, rate: rates.csatBonusFen, amountFen: earns ? rates.csatBonusFen : 0 };
}

/** Live minutes × per-live-hour rate / 60. */
export function liveAmount(liveMs: number, rates: PayRates): EntryAmount {
  const minutes = minutesOf(liveMs);
  return {
    kind: 'live',
    quantity: minutes,
    rate: rates.liveHourFen,
    amountFen: mulDivRound(minutes, rates.liveHourFen, 60),
  };
}

/** GMV × basis points / 10,000. */
export function commissionAmount(gmvFen: number, rates: PayRates): EntryAmount {
  return {
    kind: 'commission',
    quantity: gmvFen,
    rate: rates.commissionBp,
    amountFen: mulDivRound(gmvFen, rates.commissionBp, 10_000),
  };
}

/** A refund takes back exactly what its order's commission paid, whatever the rule says now. */
export function refundAmount(commission: { quantity: number; rate: number; amountFen: number }): EntryAmount {
  return {
    kind: 'refund',
    quantity: -commission.quantity,
    rate: commission.rate,
    amountFen: -commission.amountFen,
  };
}

/**
 * When a shift's worked time changed after it was paid: the delta between
 * what it earns now and what its entries already paid, as the next revision.
 * Null when nothing changed.
 */
export function hoursAdjustment(
  workedMs: number,
  rates: PayRates,
  paid: { quantity: number; amountFen: number },
): EntryAmount | null {
  const now = hoursAmount(workedMs, rates);
  const quantity = now.quantity - paid.quantity;
  const amountFen = now.amountFen - paid.amountFen;
  if (quantity === 0 && amountFen === 0) return null;
  return { kind: 'adjustment', quantity, rate: rates.hourlyFen, amountFen };
}
