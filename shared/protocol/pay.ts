import { z } from 'zod';
import { isDayKey, isMonthKey } from '../domain/calendar';
import { ledgerKinds } from '../domain/pay/kinds';
import { mutation, push, query, type CommandTable, type PushTable } from './command';
import { commandIdSchema, epochMsSchema, rowIdSchema } from './ids';
import { limitedText } from './text';

/**
 * Pay as a worker's socket sees it: the organisation's pay rules and their
 * versions, the earnings ledger (what a worker earned, derived from their
 * shifts, tickets, ratings, broadcasts and orders), the monthly statement,
 * a supervisor's corrections and refunds, and the employer's output report
 * with its CSV and XLSX exports. Money is integer fen everywhere; rounding is
 * shared/domain/pay/rounding.ts's one rule.
 */

export const dayKeySchema = z.string().refine(isDayKey, 'must be a day, YYYY-MM-DD');
export const monthKeySchema = z.string().refine(isMonthKey, 'must be a month, YYYY-MM');
export const periodSchema = z.enum(['day', 'week', 'month']);
export const ledgerKindSchema = z.enum(ledgerKinds);

/** Any amount on the wire: a safe integer of fen (negative for refunds and some corrections). */
export const fenAmountSchema = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
/** A rate is at most ¥100,000 per unit: far above any real one, small enough that no product overflows. */
export const maxRateFen = 10_000_000;
const rateFen = z.number().int().min(0).max(maxRateFen);

const person = z.object({ id: z.number().int(), displayName: z.string() });
export type Person = z.infer<typeof person>;

/** The rates of one version: fen per hour, per ticket, per rating at or above the minimum, per live hour; commission in basis points. */
export const payRatesSchema = z.object({
  hourlyFen: rateFen,
  perTicketFen: rateFen,
  csatBonusFen: rateFen,
  csatMinScore: z.number().int().min(1).max(5),
  liveHourFen: rateFen,
  /** Of GMV net of refunds: 500 is 5 %. */
  commissionBp: z.number().int().min(0).max(10_000),
});
export type PayRates = z.infer<typeof payRatesSchema>;

export const ruleVersionSchema = payRatesSchema.extend({
  id: z.number().int(),
  /** Null: the organisation's rule; otherwise the worker it overrides for. */
  userId: z.number().int().nullable(),
  effectiveFrom: dayKeySchema,
  author: person.nullable(),
  createdAt: epochMsSchema,
});
export type RuleVersion = z.infer<typeof ruleVersionSchema>;

export const payRulesOutput = z.object({
  /** Oldest first. */
  org: z.array(ruleVersionSchema),
  overrides: z.array(
    z.object({ userId: z.number().int(), displayName: z.string(), versions: z.array(ruleVersionSchema) }),
  ),
  /** The organisation's zone: its days decide which version is in force. */
  timeZone: z.string(),
  /** Today in that zone: the earliest day a new version may take effect. */
  today: dayKeySchema,
});
export type PayRulesView = z.infer<typeof payRulesOutput>;

export const saveRuleInput = payRatesSchema
  .extend({
    id: commandIdSchema,
    /** Null: the organisation's rule; a worker's id: their override. */
    userId: rowIdSchema.nullable(),
    /** Today or later in the organisation's zone: a rule change never rewrites past entries. */
    effectiveFrom: dayKeySchema,
  })
  .strict();
export const saveRuleOutput = z.object({ rule: ruleVersionSchema });

export const ledgerEntrySchema = z.object({
  id: z.number().int(),
  kind: ledgerKindSchema,
  /** Minutes, tickets, ratings, or fen of GMV: what the rate was applied to (0 for a correction). */
  quantity: z.number().int(),
  /** Fen per unit, or basis points for commission and refunds. */
  rate: z.number().int(),
  amountFen: fenAmountSchema,
  occurredAt: epochMsSchema,
  day: dayKeySchema,
  /** What it was derived from, e.g. "ticket:42"; a correction's is its command id. */
  sourceKey: z.string(),
  revision: z.number().int().nonnegative(),
  reason: z.string().nullable(),
  author: person.nullable(),
  createdAt: epochMsSchema,
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

const fenByKindSchema = z.object(
  Object.fromEntries(ledgerKinds.map((k) => [k, fenAmountSchema])) as Record<
    (typeof ledgerKinds)[number],
    typeof fenAmountSchema
  >,
);

/** One worker's output over a period: exactly the row the employer's report shows for them. */
export const outputRowSchema = z.object({
  user: person,
  team: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  ticketsResolved: z.number().int().nonnegative(),
  /** Median of (first response − created) over the tickets they resolved in the period. */
  firstResponseMedianMs: z.number().int().nonnegative().nullable(),
  /** Mean rating × 100, rounded half away from zero (4.25 is 425); null without ratings. */
  csatAverage: z.number().int().nullable(),
  csatCount: z.number().int().nonnegative(),
  liveMinutes: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
  /** Orders' totals minus refunded ones. */
  gmvFen: fenAmountSchema,
  workedMs: z.number().int().nonnegative(),
  earningsFen: fenAmountSchema,
});
export type OutputRow = z.infer<typeof outputRowSchema>;

/** The same figures summed over a team or everyone (the median over all their tickets). */
export const outputTotalsSchema = outputRowSchema.omit({ user: true, team: true }).extend({
  workers: z.number().int().nonnegative(),
});
export type OutputTotals = z.infer<typeof outputTotalsSchema>;

/**
 * How the month's forecast was reached, for the worker to read: earned so
 * far over the days worked so far, and as many worked days again for the
 * rest of the month at the same share of days worked.
 */
export const forecastSchema = z.object({
  forecastFen: fenAmountSchema,
  earnedFen: fenAmountSchema,
  /** Days of the month up to today on which they earned anything. */
  workedDays: z.number().int().nonnegative(),
  /** Days of the month up to and including today. */
  elapsedDays: z.number().int().nonnegative(),
  /** Days of the month after today. */
  remainingDays: z.number().int().nonnegative(),
  /** Earned per worked day, rounded (for reading; the forecast is computed exactly). */
  paceFen: fenAmountSchema,
  /** Worked days expected in the rest of the month, rounded. */
  expectedMoreDays: z.number().int().nonnegative(),
});
export type Forecast = z.infer<typeof forecastSchema>;

export const maxEntriesPage = 200;

const earningsQuery = {
  period: periodSchema,
  day: dayKeySchema,
  /** The ledger entries' page, newest first. */
  offset: z.number().int().nonnegative().max(1_000_000).default(0),
  limit: z.number().int().min(1).max(maxEntriesPage).default(50),
};
export const earningsMineInput = z.object(earningsQuery).strict();
export const earningsWorkerInput = z.object({ userId: rowIdSchema, ...earningsQuery }).strict();

export const earningsViewSchema = z.object({
  user: person,
  period: periodSchema,
  from: dayKeySchema,
  /** The day after the period (exclusive). */
  to: dayKeySchema,
  timeZone: z.string(),
  byKind: fenByKindSchema,
  /** The exact sum of the period's entries. */
  totalFen: fenAmountSchema,
  /** Every day of the period, with or without entries, for the chart. */
  days: z.array(z.object({ day: dayKeySchema, fen: fenAmountSchema, byKind: fenByKindSchema })),
  hoursMs: z.number().int().nonnegative(),
  tickets: z.number().int().nonnegative(),
  csat: z.object({ count: z.number().int().nonnegative(), average: z.number().int().nullable() }),
  liveMs: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
  gmvFen: fenAmountSchema,
  /** Month only, else null. */
  forecastFen: fenAmountSchema.nullable(),
  forecast: forecastSchema.nullable(),
  entries: z.object({
    items: z.array(ledgerEntrySchema),
    total: z.number().int().nonnegative(),
    offset: z.number().int().nonnegative(),
  }),
  /** "What my employer sees": output.report's row for this worker and period, computed by the same code. */
  employerView: outputRowSchema,
  /** The rule in force today (or on the period's last day when it is past), for "how my pay is worked out". */
  rule: ruleVersionSchema.nullable(),
});
export type EarningsView = z.infer<typeof earningsViewSchema>;

export const statementInput = z
  .object({
    /** Employers only: another worker's statement; without it, your own. */
    userId: rowIdSchema.optional(),
    month: monthKeySchema,
  })
  .strict();

export const statementLineSchema = z.object({
  kind: ledgerKindSchema,
  /** Summed over the entries of this kind and rate (minutes, tickets, ratings or fen of GMV). */
  quantity: z.number().int(),
  rate: z.number().int(),
  /** How many ledger entries the line sums. */
  entries: z.number().int().nonnegative(),
  /** The exact sum of those entries' amounts (never recomputed from quantity × rate). */
  amountFen: fenAmountSchema,
});
export type StatementLine = z.infer<typeof statementLineSchema>;

export const statementCorrectionSchema = z.object({
  id: z.number().int(),
  day: dayKeySchema,
  amountFen: fenAmountSchema,
  reason: z.string(),
  author: person.nullable(),
  createdAt: epochMsSchema,
});

export const statementSchema = z.object({
  worker: person,
  organisation: z.object({ id: z.number().int(), name: z.string() }),
  month: monthKeySchema,
  from: dayKeySchema,
  to: dayKeySchema,
  timeZone: z.string(),
  /** Derived entries, grouped by kind then rate; adjustments included. */
  lines: z.array(statementLineSchema),
  corrections: z.array(statementCorrectionSchema),
  hoursMs: z.number().int().nonnegative(),
  /** The exact sum of every entry of the month: the lines plus the corrections. */
  totalFen: fenAmountSchema,
  generatedAt: epochMsSchema,
});
export type Statement = z.infer<typeof statementSchema>;

/** A correction is at most ¥100,000 either way: a typo of a few zeros is refused, not paid. */
export const maxCorrectionFen = 10_000_000;
export const correctInput = z
  .object({
    id: commandIdSchema,
    userId: rowIdSchema,
    amountFen: z
      .number()
      .int()
      .min(-maxCorrectionFen)
      .max(maxCorrectionFen)
      .refine((n) => n !== 0, 'a correction must change the amount'),
    /** The day it is booked on: its month's statement shows it. */
    day: dayKeySchema,
    reason: limitedText(500).min(1),
  })
  .strict();
export const correctOutput = z.object({ entry: ledgerEntrySchema });

export const refundInput = z.object({ id: commandIdSchema, orderId: rowIdSchema }).strict();
export const refundOutput = z.object({
  orderId: z.number().int(),
  refundedAt: epochMsSchema,
  /** The anchor's reversed commission; null when the order earned none (a 0 % rule). */
  entry: ledgerEntrySchema.nullable(),
});

/** At most a year and a day or so: a report over longer is two reports. */
export const maxReportDays = 371;
const reportRange = {
  from: dayKeySchema,
  /** Exclusive: the day after the last one shown. */
  to: dayKeySchema,
  teamId: rowIdSchema.optional(),
};
export const outputReportInput = z.object(reportRange).strict();

export const outputReportSchema = z.object({
  from: dayKeySchema,
  to: dayKeySchema,
  timeZone: z.string(),
  /** Every worker of the organisation (of the team, if asked), by display name. */
  rows: z.array(outputRowSchema),
  /** Per team; `team` null is the workers in no team. */
  teams: z.array(
    z.object({
      team: z.object({ id: z.number().int(), name: z.string() }).nullable(),
      totals: outputTotalsSchema,
    }),
  ),
  totals: outputTotalsSchema,
  /** Every day of the range, for the charts. */
  days: z.array(
    z.object({
      day: dayKeySchema,
      ticketsResolved: z.number().int().nonnegative(),
      gmvFen: fenAmountSchema,
      earningsFen: fenAmountSchema,
    }),
  ),
});
export type OutputReport = z.infer<typeof outputReportSchema>;

export const exportLanguages = ['en', 'zh-CN'] as const;
export const outputExportInput = z
  .object({
    ...reportRange,
    format: z.enum(['csv', 'xlsx']),
    /** The header row's language. */
    language: z.enum(exportLanguages).default('en'),
  })
  .strict();
export const exportFileSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  base64: z.string(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

const employer = ['supervisor', 'admin'] as const;
const nothingTyped = (): null => null;

export const payCommands = {
  'pay.rules': query({ input: z.object({}).strict(), output: payRulesOutput, roles: employer }),
  'pay.saveRule': mutation({
    input: saveRuleInput,
    output: saveRuleOutput,
    roles: employer,
    outbox: { lane: (input) => `pay-rule:${input.userId ?? 'org'}`, typed: nothingTyped },
  }),
  'earnings.mine': query({ input: earningsMineInput, output: earningsViewSchema, roles: [] }),
  'earnings.worker': query({ input: earningsWorkerInput, output: earningsViewSchema, roles: employer }),
  /** Every worker their own; an employer anyone's of the organisation (the hub checks `userId`). */
  'statement.get': query({ input: statementInput, output: statementSchema, roles: [] }),
  'ledger.correct': mutation({
    input: correctInput,
    output: correctOutput,
    roles: employer,
    outbox: { lane: (input) => `ledger:${input.userId}`, typed: (input) => input.reason },
  }),
  'orders.refund': mutation({
    input: refundInput,
    output: refundOutput,
    roles: employer,
    outbox: { lane: (input) => `order:${input.orderId}`, typed: nothingTyped },
  }),
  'output.report': query({ input: outputReportInput, output: outputReportSchema, roles: employer }),
  'output.export': query({ input: outputExportInput, output: exportFileSchema, roles: employer }),
} satisfies CommandTable;

/** To the worker's own room: their ledger gained entries; an open earnings view asks again. */
export const earningsChangedPush = z.object({ userId: z.number().int() });

export const payPushes = {
  'earnings.changed': push({ payload: earningsChangedPush, durable: false }),
} satisfies PushTable;
