import { z } from 'zod';
import { isDayKey, isMonthKey } from '../domain/calendar';
import { disabilityKinds } from '../domain/quota/certificate';
import { quotaParametersSchema } from '../domain/quota/parameters';
import type { CommandTable } from './command';
import { mutation, query } from './command';
import { commandIdSchema, epochMsSchema, rowIdSchema } from './ids';
import { text } from './text';

export {
  defaultQuotaParameters,
  quotaParameterSources,
  quotaParametersSchema,
  type LevyBand,
  type QuotaParameters,
} from '../domain/quota/parameters';
export { disabilityKinds, type DisabilityKind } from '../domain/quota/certificate';

/**
 * The disability-employment quota report (按比例安排残疾人就业): who is recorded
 * as disabled, their months of wage and social insurance, the organisation's
 * parameters, the year's report and its verification pack. Employers only
 * (HR is a supervisor here). The certificate number goes in once and never
 * comes back to a client, except inside the XLSX verification pack the 残联
 * checks it against.
 */

const employer = ['supervisor', 'admin'] as const;
const quotaLane = () => 'quota';
const nothingTyped = () => null;

export const dayKeySchema = text().refine(isDayKey, 'must be a day (YYYY-MM-DD)');
export const monthKeySchema = text().refine(isMonthKey, 'must be a month (YYYY-MM)');
export const quotaYearSchema = z.number().int().min(2000).max(2100);

export const disabilityKindSchema = z.enum(disabilityKinds);
export const disabilityGradeSchema = z.number().int().min(1).max(4);

/** Why a worker's month does not count. */
export const quotaExclusions = [
  'not_employed',
  'contract_short',
  'wage_below_minimum',
  'insurance_missing',
] as const;
export const quotaExclusionSchema = z.enum(quotaExclusions);
export type QuotaExclusion = z.infer<typeof quotaExclusionSchema>;

/** A recorded worker as the employer sees them: the certificate only masked. */
export const disabilityRecordSchema = z.object({
  user: z.object({ id: rowIdSchema, displayName: z.string() }),
  grade: disabilityGradeSchema,
  kind: disabilityKindSchema,
  /** e.g. `****************0012`: stars, then the last four. */
  certificateMasked: z.string(),
  certificateLast4: z.string(),
  contractStart: z.string(),
  /** Null: open-ended (无固定期限). */
  contractEnd: z.string().nullable(),
  updatedAt: epochMsSchema,
});
export type DisabilityRecord = z.infer<typeof disabilityRecordSchema>;

/** One recorded month as entered (wage null: taken from the earnings ledger). */
export const quotaMonthEntrySchema = z.object({
  month: z.string(),
  wageFen: z.number().int().nonnegative().nullable(),
  insurancePaid: z.boolean(),
});
export type QuotaMonthEntry = z.infer<typeof quotaMonthEntrySchema>;

export const quotaPeopleOutput = z.object({
  records: z.array(disabilityRecordSchema),
  /** Every recorded month of the recorded workers, oldest first. */
  entries: z.array(quotaMonthEntrySchema.extend({ userId: rowIdSchema })),
  /** The organisation's workers not yet recorded, to pick from. */
  candidates: z.array(z.object({ id: rowIdSchema, displayName: z.string() })),
});

export const quotaSavePersonInput = z
  .object({
    id: commandIdSchema,
    userId: rowIdSchema,
    grade: disabilityGradeSchema,
    kind: disabilityKindSchema,
    /**
     * 20 characters: the 18-character ID, the kind digit, the grade digit.
     * Required when the record is new, and when the grade or kind changes
     * (a re-assessed grade has a new number); omitted: keep the stored one.
     */
    certificateNumber: text().trim().min(1).max(40).optional(),
    contractStart: dayKeySchema,
    contractEnd: dayKeySchema.nullable(),
  })
  .strict()
  .refine((v) => v.contractEnd === null || v.contractEnd >= v.contractStart, {
    message: 'the contract must end on or after its start',
    path: ['contractEnd'],
  });
export const quotaSavePersonOutput = z.object({ record: disabilityRecordSchema });

export const quotaRemovePersonInput = z.object({ id: commandIdSchema, userId: rowIdSchema }).strict();
export const quotaRemovePersonOutput = z.object({ userId: rowIdSchema });

export const quotaSaveMonthInput = z
  .object({
    id: commandIdSchema,
    userId: rowIdSchema,
    month: monthKeySchema,
    /** Null: the month's earnings ledger total is the wage. */
    wageFen: z.number().int().nonnegative().max(10_000_000_000).nullable(),
    insurancePaid: z.boolean(),
  })
  .strict();
export const quotaSaveMonthOutput = z.object({ userId: rowIdSchema, entry: quotaMonthEntrySchema });

export const quotaSettingsOutput = z.object({
  parameters: quotaParametersSchema,
  defaults: quotaParametersSchema,
  /** Where each default comes from (document name and number). */
  sources: z.record(z.string(), z.string()),
  /** What a null staffCount stands for now: the organisation's users. */
  usersCount: z.number().int().nonnegative(),
  updatedAt: epochMsSchema.nullable(),
});
export type QuotaSettings = z.infer<typeof quotaSettingsOutput>;

export const quotaSaveSettingsInput = z
  .object({ id: commandIdSchema, parameters: quotaParametersSchema })
  .strict();

export const quotaReportInput = z.object({ year: quotaYearSchema }).strict();

export const quotaWarningKinds = [
  'contract_ending',
  'contract_short',
  'wage_below_minimum',
  'insurance_missing',
  'below_quota',
] as const;
export const quotaWarningSchema = z.object({
  kind: z.enum(quotaWarningKinds),
  userId: rowIdSchema.optional(),
  month: z.string().optional(),
  /** contract_ending: the contract's last day. */
  day: z.string().optional(),
});
export type QuotaWarning = z.infer<typeof quotaWarningSchema>;

/** One worker's month in the report. */
export const quotaPersonMonthSchema = z.object({
  month: z.string(),
  wageFen: z.number().int(),
  wageSource: z.enum(['recorded', 'ledger']),
  insurancePaid: z.boolean(),
  counted: z.boolean(),
  /** People this month counts as (0 when not counted, 2 for grade 1–2). */
  weight: z.number().int().nonnegative(),
  reasons: z.array(quotaExclusionSchema),
});
export type QuotaPersonMonth = z.infer<typeof quotaPersonMonthSchema>;

export const quotaPersonYearSchema = z.object({
  record: disabilityRecordSchema,
  /** The contract is at least the configured length (open-ended counts). */
  contractLongEnough: z.boolean(),
  months: z.array(quotaPersonMonthSchema),
  countedMonths: z.number().int().nonnegative(),
  /** Σ weight over the months. */
  personMonths: z.number().int().nonnegative(),
});
export type QuotaPersonYear = z.infer<typeof quotaPersonYearSchema>;

export const quotaMonthSchema = z.object({
  month: z.string(),
  staff: z.number().int().nonnegative(),
  counted: z.array(z.object({ userId: rowIdSchema, weight: z.number().int().positive() })),
  excluded: z.array(z.object({ userId: rowIdSchema, reasons: z.array(quotaExclusionSchema).min(1) })),
  /** People counted this month, weighted. */
  countedUnits: z.number().int().nonnegative(),
});
export type QuotaMonth = z.infer<typeof quotaMonthSchema>;

export const quotaLevySchema = z.object({
  /** The estimate for the year: what the organisation would pay. */
  owedFen: z.number().int().nonnegative(),
  /** What it would owe employing no disabled worker, less owedFen. */
  savedFen: z.number().int().nonnegative(),
  /** What it would owe employing none (the same rules). */
  noneFen: z.number().int().nonnegative(),
  /** The full levy on the shortfall before any reduced rate. */
  fullFen: z.number().int().nonnegative(),
  /** The employer's average annual wage, capped at the local multiple. */
  wageBaseFen: z.number().int().nonnegative(),
  averageWageFen: z.number().int().nonnegative(),
  averageWageSource: z.enum(['parameter', 'ledger']),
  capped: z.boolean(),
  /** The share of the full levy payable (10000 = all; 5000 = the 50 % band). */
  rateBp: z.number().int().min(0).max(10_000),
  /** The small-employer exemption applies. */
  exempt: z.boolean(),
  /** The year falls inside the relief period. */
  reliefApplies: z.boolean(),
});
export type QuotaLevy = z.infer<typeof quotaLevySchema>;

export const quotaReportSchema = z.object({
  year: z.number().int(),
  /** The months in scope: all twelve of a past year; up to this month of the current one. */
  months: z.array(quotaMonthSchema),
  people: z.array(quotaPersonYearSchema),
  staff: z.number().int().nonnegative(),
  staffSource: z.enum(['parameter', 'users']),
  /** Σ counted units over the months: the exact year figure is this ÷ months.length. */
  arrangedPersonMonths: z.number().int().nonnegative(),
  /** For display, persons × 100, rounded (四舍五入): arranged, required, shortfall. */
  arrangedHundredths: z.number().int().nonnegative(),
  requiredHundredths: z.number().int().nonnegative(),
  shortfallHundredths: z.number().int().nonnegative(),
  ratioBp: z.number().int().nonnegative(),
  quotaBp: z.number().int().nonnegative(),
  meetsQuota: z.boolean(),
  levy: quotaLevySchema,
  warnings: z.array(quotaWarningSchema),
  parameters: quotaParametersSchema,
  generatedAt: epochMsSchema,
});
export type QuotaReport = z.infer<typeof quotaReportSchema>;

export const quotaExportOutput = z.object({
  fileName: z.string(),
  mime: z.string(),
  base64: z.string(),
});

export const quotaCommands = {
  'quota.people': query({ input: z.object({}).strict(), output: quotaPeopleOutput, roles: employer }),
  'quota.savePerson': mutation({
    input: quotaSavePersonInput,
    output: quotaSavePersonOutput,
    roles: employer,
    // Never the certificate: what is typed is shown in "not sent" lists.
    outbox: { lane: quotaLane, typed: nothingTyped },
  }),
  'quota.removePerson': mutation({
    input: quotaRemovePersonInput,
    output: quotaRemovePersonOutput,
    roles: employer,
    outbox: { lane: quotaLane, typed: nothingTyped },
  }),
  'quota.saveMonth': mutation({
    input: quotaSaveMonthInput,
    output: quotaSaveMonthOutput,
    roles: employer,
    outbox: { lane: quotaLane, typed: nothingTyped },
  }),
  'quota.settings': query({ input: z.object({}).strict(), output: quotaSettingsOutput, roles: employer }),
  'quota.saveSettings': mutation({
    input: quotaSaveSettingsInput,
    output: quotaSettingsOutput,
    roles: employer,
    outbox: { lane: quotaLane, typed: nothingTyped },
  }),
  'quota.report': query({ input: quotaReportInput, output: quotaReportSchema, roles: employer }),
  'quota.export': query({ input: quotaReportInput, output: quotaExportOutput, roles: employer }),
} satisfies CommandTable;
