import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commissionAmount,
  csatAmount,
  hoursAmount,
  liveAmount,
  refundAmount,
} from '../../shared/domain/pay/earnings';
import { ledgerKinds } from '../../shared/domain/pay/kinds';
import { divRoundHalfAway, mulDivRound } from '../../shared/domain/pay/rounding';
import type { PayRates } from '../../shared/domain/pay/rules';
import { buildStatement, type StatementEntry } from '../../shared/domain/pay/statement';

const maxRate = 10_000_000;
const ratesArb: fc.Arbitrary<PayRates> = fc.record({
  hourlyFen: fc.integer({ min: 0, max: maxRate }),
  perTicketFen: fc.integer({ min: 0, max: maxRate }),
  csatBonusFen: fc.integer({ min: 0, max: maxRate }),
  csatMinScore: fc.integer({ min: 1, max: 5 }),
  liveHourFen: fc.integer({ min: 0, max: maxRate }),
  commissionBp: fc.integer({ min: 0, max: 10_000 }),
});

const entryArb: fc.Arbitrary<StatementEntry<null>> = fc.record({
  id: fc.nat(),
  kind: fc.constantFrom(...ledgerKinds),
  quantity: fc.integer({ min: -100_000, max: 100_000 }),
  rate: fc.integer({ min: 0, max: maxRate }),
  amountFen: fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
  day: fc.constant('2026-12-01'),
  reason: fc.option(fc.string(), { nil: null }),
  author: fc.constant(null),
  createdAt: fc.nat(),
});

describe('pay properties (fast-check)', () => {
  it('the statement’s total is the exact sum of the ledger, and its lines and corrections add up to it', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 200 }), (entries) => {
        const body = buildStatement(entries);
        const exact = entries.reduce((sum, e) => sum + BigInt(e.amountFen), 0n);
        expect(BigInt(body.totalFen)).toBe(exact);
        const parts =
          body.lines.reduce((s, l) => s + BigInt(l.amountFen), 0n) +
          body.corrections.reduce((s, c) => s + BigInt(c.amountFen), 0n);
        expect(parts).toBe(exact);
        expect(body.lines.reduce((s, l) => s + l.entries, 0) + body.corrections.length).toBe(entries.length);
      }),
    );
  });

  it('a correction changes the total by exactly its amount', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 100 }),
        fc.integer({ min: -10_000_000, max: 10_000_000 }).filter((n) => n !== 0),
        (entries, amountFen) => {
          const before = buildStatement(entries).totalFen;
          const correction: StatementEntry<null> = {
            id: 1e9,
            kind: 'correction',
            quantity: 0,
            rate: 0,
            amountFen,
            day: '2026-12-01',
            reason: 'because',
            author: null,
            createdAt: 0,
          };
          const after = buildStatement([...entries, correction]);
          expect(after.totalFen - before).toBe(amountFen);
          expect(after.corrections.some((c) => c.amountFen === amountFen && c.reason === 'because')).toBe(
            true,
          );
        },
      ),
    );
  });

  it('every amount any input produces is a safe integer: no fraction, no float', () => {
    fc.assert(
      fc.property(
        ratesArb,
        fc.integer({ min: 0, max: 400 * 3_600_000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 100_000_000_00 }),
        (rates, ms, score, gmv) => {
          for (const amount of [
            hoursAmount(ms, rates),
            liveAmount(ms, rates),
            csatAmount(score, rates),
            commissionAmount(gmv, rates),
            refundAmount(commissionAmount(gmv, rates)),
          ]) {
            expect(Number.isSafeInteger(amount.amountFen)).toBe(true);
            expect(Number.isSafeInteger(amount.quantity)).toBe(true);
          }
        },
      ),
    );
  });

  it('rounds as documented: to the nearest fen, halves away from zero, for any product', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (a, b, d) => {
          const n = BigInt(a) * BigInt(b);
          const r = divRoundHalfAway(n, BigInt(d));
          const diff = n - r * BigInt(d);
          const twice = 2n * (diff < 0n ? -diff : diff);
          // Within half a unit …
          expect(twice <= BigInt(d)).toBe(true);
          // … and an exact half goes away from zero.
          if (twice === BigInt(d)) expect(r < 0n ? diff > 0n : diff < 0n).toBe(true);
          // Symmetric: rounding −x is −(rounding x).
          expect(divRoundHalfAway(-n, BigInt(d))).toBe(-r);
        },
      ),
    );
  });

  it('a refund exactly cancels its commission', () => {
    fc.assert(
      fc.property(ratesArb, fc.integer({ min: 0, max: 100_000_000_00 }), (rates, gmv) => {
        const earned = commissionAmount(gmv, rates);
        expect(earned.amountFen + refundAmount(earned).amountFen).toBe(0);
        expect(earned.amountFen).toBe(mulDivRound(gmv, rates.commissionBp, 10_000));
      }),
    );
  });
});
