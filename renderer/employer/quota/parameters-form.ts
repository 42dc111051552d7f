import { fenToYuanDigits, parseYuanToFen } from '../../../shared/domain/live/money';
import { isDayKey } from '../../../shared/domain/calendar';
import { quotaParametersSchema, type QuotaParameters } from '../../../shared/protocol/quota';
import {
  bpToMultipleText,
  bpToPercentText,
  parseMultipleToBp,
  parsePercentToBp,
  parseWhole,
} from './decimal-text';

export const gradeKeys = ['1', '2', '3', '4'] as const;
export type GradeKey = (typeof gradeKeys)[number];

/** One reduced-rate band as typed: "at or above x % of staff, pay y % of the levy". */
export interface BandForm {
  key: number;
  minRatio: string;
  pay: string;
}

/** The parameters form: every field its text; yuan in yuan, shares in per cent, the cap as a multiple. */
export interface ParametersForm {
  quota: string;
  minimumMonthlyWage: string;
  contractMinMonths: string;
  gradeWeights: Record<GradeKey, string>;
  contractWarningDays: string;
  /** Empty: the organisation's Wings users. */
  staffCount: string;
  /** Empty: the earnings ledger's yearly average. */
  averageAnnualWage: string;
  localAverageAnnualWage: string;
  wageCap: string;
  smallEmployerMaxStaff: string;
  bands: BandForm[];
  /** Empty: no end. */
  reliefUntil: string;
}

export type ParameterField =
  | Exclude<keyof ParametersForm, 'gradeWeights' | 'bands'>
  | `gradeWeights.${GradeKey}`
  | `bands.${number}.minRatio`
  | `bands.${number}.pay`;
export type ParameterError = 'yuan' | 'percent' | 'multiple' | 'whole' | 'day' | 'range';
export type ParameterErrors = Partial<Record<ParameterField, ParameterError>>;

const yuan = (fen: number) => fenToYuanDigits(fen).replace(/\.00$/, '');

export function parametersToForm(p: QuotaParameters): ParametersForm {
  return {
    quota: bpToPercentText(p.quotaBp),
    minimumMonthlyWage: yuan(p.minimumMonthlyWageFen),
    contractMinMonths: String(p.contractMinMonths),
    gradeWeights: {
      '1': String(p.gradeWeights['1']),
      '2': String(p.gradeWeights['2']),
      '3': String(p.gradeWeights['3']),
      '4': String(p.gradeWeights['4']),
    },
    contractWarningDays: String(p.contractWarningDays),
    staffCount: p.staffCount === null ? '' : String(p.staffCount),
    averageAnnualWage: p.averageAnnualWageFen === null ? '' : yuan(p.averageAnnualWageFen),
    localAverageAnnualWage: yuan(p.localAverageAnnualWageFen),
    wageCap: bpToMultipleText(p.wageCapBp),
    smallEmployerMaxStaff: String(p.smallEmployerMaxStaff),
    bands: p.reducedBands.map((band, key) => ({
      key,
      minRatio: bpToPercentText(band.minRatioBp),
      pay: bpToPercentText(band.payBp),
    })),
    reliefUntil: p.reliefUntil ?? '',
  };
}

/**
 * The parameters the form says, each field parsed with integer arithmetic
 * (money by parseYuanToFen), then checked by the protocol's own schema so
 * the bounds are the hub's; a bound refused names its field.
 */
export function parametersFromForm(
  form: ParametersForm,
): { ok: true; parameters: QuotaParameters } | { ok: false; errors: ParameterErrors } {
  const errors: ParameterErrors = {};
  const read = <T>(field: ParameterField, value: T | null, error: ParameterError): T => {
    if (value === null) errors[field] = error;
    return value ?? (0 as T);
  };
  const optional = <T>(text: string, parse: (t: string) => T | null): T | null | undefined =>
    text.trim() === '' ? null : (parse(text) ?? undefined);

  const staffCount = optional(form.staffCount, parseWhole);
  if (staffCount === undefined) errors.staffCount = 'whole';
  const averageWage = optional(form.averageAnnualWage, parseYuanToFen);
  if (averageWage === undefined) errors.averageAnnualWage = 'yuan';
  const reliefUntil = form.reliefUntil.trim();
  if (reliefUntil !== '' && !isDayKey(reliefUntil)) errors.reliefUntil = 'day';

  const candidate = {
    quotaBp: read('quota', parsePercentToBp(form.quota), 'percent'),
    minimumMonthlyWageFen: read('minimumMonthlyWage', parseYuanToFen(form.minimumMonthlyWage), 'yuan'),
    contractMinMonths: read('contractMinMonths', parseWhole(form.contractMinMonths), 'whole'),
    gradeWeights: {
      '1': read('gradeWeights.1', parseWhole(form.gradeWeights['1']), 'whole'),
      '2': read('gradeWeights.2', parseWhole(form.gradeWeights['2']), 'whole'),
      '3': read('gradeWeights.3', parseWhole(form.gradeWeights['3']), 'whole'),
      '4': read('gradeWeights.4', parseWhole(form.gradeWeights['4']), 'whole'),
    },
    contractWarningDays: read('contractWarningDays', parseWhole(form.contractWarningDays), 'whole'),
    staffCount: staffCount ?? null,
    averageAnnualWageFen: averageWage ?? null,
    localAverageAnnualWageFen: read(
      'localAverageAnnualWage',
      parseYuanToFen(form.localAverageAnnualWage),
      'yuan',
    ),
    wageCapBp: read('wageCap', parseMultipleToBp(form.wageCap), 'multiple'),
    smallEmployerMaxStaff: read('smallEmployerMaxStaff', parseWhole(form.smallEmployerMaxStaff), 'whole'),
    reducedBands: form.bands.map((band, i) => ({
      minRatioBp: read(`bands.${i}.minRatio`, parsePercentToBp(band.minRatio), 'percent'),
      payBp: read(`bands.${i}.pay`, parsePercentToBp(band.pay), 'percent'),
    })),
    reliefUntil: reliefUntil === '' ? null : reliefUntil,
  };
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const parsed = quotaParametersSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, parameters: parsed.data };
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    if (field) errors[field] ??= 'range';
  }
  // Never "no" without saying where.
  if (Object.keys(errors).length === 0) errors.quota = 'range';
  return { ok: false, errors };
}

const schemaToForm: Partial<Record<string, ParameterField>> = {
  quotaBp: 'quota',
  minimumMonthlyWageFen: 'minimumMonthlyWage',
  contractMinMonths: 'contractMinMonths',
  contractWarningDays: 'contractWarningDays',
  staffCount: 'staffCount',
  averageAnnualWageFen: 'averageAnnualWage',
  localAverageAnnualWageFen: 'localAverageAnnualWage',
  wageCapBp: 'wageCap',
  smallEmployerMaxStaff: 'smallEmployerMaxStaff',
  reliefUntil: 'reliefUntil',
};

function fieldOf(path: readonly PropertyKey[]): ParameterField | null {
  const [head, index, leaf] = path;
  if (head === 'gradeWeights' && typeof index === 'string' && /^[1-4]$/.test(index))
    return `gradeWeights.${index as GradeKey}`;
  if (head === 'reducedBands' && typeof index === 'number')
    return leaf === 'payBp' ? `bands.${index}.pay` : `bands.${index}.minRatio`;
  return typeof head === 'string' ? (schemaToForm[head] ?? null) : null;
}
