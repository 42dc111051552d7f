/**
 * The numbers the quota report and the levy estimate are computed with. Every
 * one is the organisation's parameter (provinces set their own quota, minimum
 * wage and average wage; the national reliefs end on a date), so the rule code
 * takes them as arguments and holds none of them. The defaults are national
 * rules where there is one, and a clearly marked example where the figure is
 * local: an employer sets its own province's published figure.
 */
import { z } from 'zod';
import { isDayKey } from '../calendar';

/** Money is integer fen; ¥100,000,000 a year is far above any wage figure here. */
const fenSchema = z.number().int().nonnegative().max(10_000_000_000);
const bpSchema = z.number().int().min(0).max(10_000);

/** A reduced-rate band: below the quota, at or above `minRatioBp`, the employer pays `payBp` of the full levy. */
export const levyBandSchema = z.object({ minRatioBp: bpSchema, payBp: bpSchema }).strict();
export type LevyBand = z.infer<typeof levyBandSchema>;

export const quotaParametersSchema = z
  .object({
    /** The share of staff to employ, in basis points (150 = 1.5 %). */
    quotaBp: bpSchema,
    /** The local minimum monthly wage a counted worker's month must reach. */
    minimumMonthlyWageFen: fenSchema,
    /** The shortest labour contract that counts, in months (12: one year, 含1年). */
    contractMinMonths: z.number().int().min(0).max(120),
    /** How many people one worker of each grade counts as (grade 1–2: two). */
    gradeWeights: z
      .object({
        '1': z.number().int().min(1).max(4),
        '2': z.number().int().min(1).max(4),
        '3': z.number().int().min(1).max(4),
        '4': z.number().int().min(1).max(4),
      })
      .strict(),
    /** A contract ending within this many days of today is a warning. */
    contractWarningDays: z.number().int().min(0).max(366),
    /** The employer's average headcount (在职职工人数); null: the organisation's Wings users. */
    staffCount: z.number().int().min(0).max(10_000_000).nullable(),
    /** The employer's average annual wage per staff member (在职职工年平均工资); null: from the earnings ledger. */
    averageAnnualWageFen: fenSchema.nullable(),
    /** The local average annual social wage (当地社会平均工资) the levy's wage base is capped by. */
    localAverageAnnualWageFen: fenSchema,
    /** The cap on the wage base as a multiple of the local average, in basis points (20000 = 2×). */
    wageCapBp: z.number().int().min(0).max(100_000),
    /** Employers of at most this many staff owe nothing while the relief lasts (30). */
    smallEmployerMaxStaff: z.number().int().min(0).max(10_000_000),
    /** Reduced rates below the quota while the relief lasts; the first band the ratio reaches applies. */
    reducedBands: z.array(levyBandSchema).max(10),
    /** The last day the exemption and the reduced rates apply (YYYY-MM-DD); null: no end. */
    reliefUntil: z.string().refine(isDayKey, 'must be a day (YYYY-MM-DD)').nullable(),
  })
  .strict();
export type QuotaParameters = z.infer<typeof quotaParametersSchema>;

export const defaultQuotaParameters: QuotaParameters = {
  quotaBp: 150,
  minimumMonthlyWageFen: 269_000,
  contractMinMonths: 12,
  gradeWeights: { '1': 2, '2': 2, '3': 1, '4': 1 },
  contractWarningDays: 60,
  staffCount: null,
  averageAnnualWageFen: null,
  localAverageAnnualWageFen: 12_000_000,
  wageCapBp: 20_000,
  smallEmployerMaxStaff: 30,
  reducedBands: [
    { minRatioBp: 100, payBp: 5_000 },
    { minRatioBp: 0, payBp: 9_000 },
  ],
  reliefUntil: '2027-12-31',
};

export type QuotaParameterKey = keyof QuotaParameters;

/** Where each default comes from, shown next to the setting and in the README. */
export const quotaParameterSources: Record<QuotaParameterKey, string> = {
  quotaBp:
    '《残疾人就业条例》第八条：不得低于本单位在职职工总数的1.5%，具体比例由省、自治区、直辖市人民政府规定',
  minimumMonthlyWageFen:
    '示例：上海市月最低工资标准2,690元（2023年7月1日起）；请改为本地现行标准 / example: Shanghai from 2023-07-01; set your area’s current figure',
  contractMinMonths: '财税〔2015〕72号 第八条：签订1年以上（含1年）劳动合同',
  gradeWeights: '财税〔2015〕72号 第八条：安排1名持有残疾人证1至2级的人员就业的，按照安排2名残疾人就业计算',
  contractWarningDays: 'Wings：提前60天提醒续签 / a reminder window, not a legal figure',
  staffCount: '财税〔2015〕72号：用人单位在职职工人数（年平均）；未填时用本组织的 Wings 用户数',
  averageAnnualWageFen: '财税〔2015〕72号：用人单位在职职工年平均工资；未填时用收入台账的全年人均',
  localAverageAnnualWageFen:
    '示例数值，非官方数据：请改为本省公布的当地社会平均工资 / a placeholder, not an official figure',
  wageCapBp: '财政部公告2019年第98号：超过当地社会平均工资2倍的，按当地社会平均工资2倍计征',
  smallEmployerMaxStaff:
    '财政部公告2019年第98号、财政部 税务总局公告2023年第8号：在职职工人数在30人（含）以下的企业，暂免征收',
  reducedBands:
    '财政部公告2019年第98号、财政部 税务总局公告2023年第8号：达到1%（含）以上按应缴费额的50%缴纳，1%以下按90%缴纳',
  reliefUntil: '财政部 税务总局公告2023年第8号：分档减缴和小微企业免征执行至2027年12月31日',
};
