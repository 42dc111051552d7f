import { describe, expect, it } from 'vitest';
import {
  commissionAmount,
  csatAmount,
  hoursAdjustment,
  hoursAmount,
  liveAmount,
  minutesOf,
  refundAmount,
  ticketAmount,
} from '../../shared/domain/pay/earnings';
import { forecastMonth } from '../../shared/domain/pay/forecast';
import {
  effectiveDayProblem,
  type PayRates,
  ruleInForce,
  type RuleVersionLike,
} from '../../shared/domain/pay/rules';
import { buildStatement, type StatementEntry } from '../../shared/domain/pay/statement';

const rates: PayRates = {
  hourlyFen: 2500,
  perTicketFen: 150,
  csatBonusFen: 200,
  csatMinScore: 4,
  liveHourFen: 3000,
  commissionBp: 500,
};
const v = (id: number, userId: number | null, effectiveFrom: string, hourlyFen: number): RuleVersionLike => ({
  id,
  userId,
  effectiveFrom,
  rates: { ...rates, hourlyFen },
});

describe('pay rule versions', () => {
  const versions = [
    v(1, null, '2026-01-01', 2000),
    v(2, null, '2026-06-01', 2500),
    v(3, 7, '2026-03-01', 3000),
  ];

  it('prices a fact by the organisation’s version in force on its day', () => {
    expect(ruleInForce(versions, 5, '2025-12-31')).toBeNull();
    expect(ruleInForce(versions, 5, '2026-01-01')?.id).toBe(1);
    expect(ruleInForce(versions, 5, '2026-05-31')?.id).toBe(1);
    expect(ruleInForce(versions, 5, '2026-06-01')?.id).toBe(2);
  });

  it('lets a worker’s override win over the organisation’s from its own day', () => {
    expect(ruleInForce(versions, 7, '2026-02-28')?.id).toBe(1);
    expect(ruleInForce(versions, 7, '2026-03-01')?.id).toBe(3);
    expect(ruleInForce(versions, 7, '2026-07-01')?.id).toBe(3);
  });

  it('refuses a version that would take effect in the past', () => {
    expect(effectiveDayProblem('2026-12-02', '2026-12-03')).toBe('in_the_past');
    expect(effectiveDayProblem('2026-12-03', '2026-12-03')).toBeNull();
    expect(effectiveDayProblem('2027-01-01', '2026-12-03')).toBeNull();
    expect(effectiveDayProblem('2026-02-30', '2026-01-01')).toBe('not_a_day');
  });
});

describe('what one fact earns', () => {
  it('pays worked minutes × hourly / 60, the minutes to the nearest', () => {
    expect(minutesOf(29_999)).toBe(0);
    expect(minutesOf(30_000)).toBe(1);
    expect(hoursAmount(8 * 3_600_000, rates)).toEqual({
      kind: 'hours',
      quantity: 480,
      rate: 2500,
      amountFen: 20_000,
    });
    expect(hoursAmount(50 * 60_000, rates).amountFen).toBe(2083);
  });

  it('pays a ticket, a rating at or above the minimum, live minutes and commission', () => {
    expect(ticketAmount(rates).amountFen).toBe(150);
    expect(csatAmount(4, rates).amountFen).toBe(200);
    expect(csatAmount(3, rates).amountFen).toBe(0);
    expect(liveAmount(90 * 60_000, rates)).toEqual({
      kind: 'live',
      quantity: 90,
      rate: 3000,
      amountFen: 4500,
    });
    expect(commissionAmount(9999, rates)).toEqual({
      kind: 'commission',
      quantity: 9999,
      rate: 500,
      amountFen: 500,
    });
  });

  it('refunds exactly the commission the order earned, under whatever rule', () => {
    const earned = commissionAmount(9999, rates);
    expect(refundAmount(earned)).toEqual({ kind: 'refund', quantity: -9999, rate: 500, amountFen: -500 });
  });

  it('adjusts a shift by the delta between what it earns now and what was paid', () => {
    const paid = hoursAmount(60 * 60_000, rates);
    expect(hoursAdjustment(60 * 60_000, rates, paid)).toBeNull();
    expect(hoursAdjustment(90 * 60_000, rates, paid)).toEqual({
      kind: 'adjustment',
      quantity: 30,
      rate: 2500,
      amountFen: 1250,
    });
  });
});

describe('the month forecast', () => {
  it('adds the same share of worked days for the rest of the month, at the average worked day', () => {
    // ¥1,000 over 8 worked days in the first 10 of a 30-day month: 16 more worked days at ¥125.
    expect(forecastMonth({ earnedFen: 100_000, workedDays: 8, elapsedDays: 10, daysInMonth: 30 })).toEqual({
      forecastFen: 300_000,
      earnedFen: 100_000,
      workedDays: 8,
      elapsedDays: 10,
      remainingDays: 20,
      paceFen: 12_500,
      expectedMoreDays: 16,
    });
  });

  it('forecasts what is there when nothing is earned yet, and the total when the month is over', () => {
    expect(forecastMonth({ earnedFen: 0, workedDays: 0, elapsedDays: 3, daysInMonth: 31 }).forecastFen).toBe(
      0,
    );
    expect(
      forecastMonth({ earnedFen: 500, workedDays: 1, elapsedDays: 0, daysInMonth: 31 }).forecastFen,
    ).toBe(500);
    expect(
      forecastMonth({ earnedFen: 777, workedDays: 20, elapsedDays: 31, daysInMonth: 31 }).forecastFen,
    ).toBe(777);
  });
});

describe('the statement', () => {
  const entry = (
    id: number,
    kind: StatementEntry<string>['kind'],
    rate: number,
    quantity: number,
    amountFen: number,
  ) => ({
    id,
    kind,
    quantity,
    rate,
    amountFen,
    day: '2026-12-01',
    reason: kind === 'correction' ? 'Missed ticket' : null,
    author: kind === 'correction' ? 'Supervisor' : '',
    createdAt: id,
  });

  it('groups lines by kind and rate, lists corrections, and totals every entry exactly', () => {
    const body = buildStatement([
      entry(1, 'ticket', 150, 1, 150),
      entry(2, 'hours', 2500, 60, 2500),
      entry(3, 'ticket', 150, 1, 150),
      entry(4, 'ticket', 200, 1, 200),
      entry(5, 'correction', 0, 0, -75),
    ]);
    expect(body.lines).toEqual([
      { kind: 'hours', quantity: 60, rate: 2500, entries: 1, amountFen: 2500 },
      { kind: 'ticket', quantity: 2, rate: 150, entries: 2, amountFen: 300 },
      { kind: 'ticket', quantity: 1, rate: 200, entries: 1, amountFen: 200 },
    ]);
    expect(body.corrections).toEqual([
      {
        id: 5,
        day: '2026-12-01',
        amountFen: -75,
        reason: 'Missed ticket',
        author: 'Supervisor',
        createdAt: 5,
      },
    ]);
    expect(body.totalFen).toBe(2925);
  });
});
