import ExcelJS from 'exceljs';
import { fenToYuanDigits } from '../../shared/domain/live/money';
import { quotaParameterSources, type QuotaParameterKey } from '../../shared/domain/quota/parameters';
import type { DisabilityKind } from '../../shared/domain/quota/certificate';
import { roundDivToNumber } from '../../shared/domain/quota/rounding';
import type { QuotaExclusion, QuotaReport, QuotaWarning } from '../../shared/protocol/quota';

/**
 * The annual verification pack (年审材料) as XLSX: sheet 1 one row per
 * recorded worker per month, with the whole certificate number the 残联
 * checks; sheet 2 the year's figures, the parameters they were computed
 * with and their sources, the levy estimate and every warning. Headings in
 * Chinese and English; amounts in yuan from exact fen.
 */

const kindWords: Record<DisabilityKind, string> = {
  visual: '视力 Visual',
  hearing: '听力 Hearing',
  speech: '言语 Speech',
  physical: '肢体 Physical',
  intellectual: '智力 Intellectual',
  mental: '精神 Mental',
  multiple: '多重 Multiple',
};

const reasonWords: Record<QuotaExclusion, string> = {
  not_employed: '未在合同期内 Not employed',
  contract_short: '合同不足一年 Contract under a year',
  wage_below_minimum: '工资低于最低工资 Wage below minimum',
  insurance_missing: '未缴社保 Social insurance missing',
};

const warningWords: Record<QuotaWarning['kind'], string> = {
  contract_ending: '合同即将到期 Contract ending',
  contract_short: '合同不足一年 Contract under a year',
  wage_below_minimum: '工资低于最低工资 Wage below minimum',
  insurance_missing: '未缴社保 Social insurance missing',
  below_quota: '未达到规定比例 Below the quota',
};

/** An exact decimal in the file: the yuan digits of integer fen, read back as the number they spell. */
const yuan = (fen: number): number => Number(fenToYuanDigits(fen));
const yesNo = (value: boolean) => (value ? '是 Yes' : '否 No');

/** Integer hundredths as digits: 150 → "1.50". */
function hundredths(n: number): string {
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const moneyFormat = '#,##0.00';

export async function quotaWorkbook(
  report: QuotaReport,
  certificates: ReadonlyMap<number, string>,
  organisation: string,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Wings';
  book.created = new Date(report.generatedAt);

  const months = book.addWorksheet('按月明细 Months');
  months.columns = [
    { header: '姓名 Name', key: 'name', width: 16 },
    { header: '残疾人证号 Certificate number', key: 'certificate', width: 26 },
    { header: '残疾等级 Grade', key: 'grade', width: 10 },
    { header: '残疾类别 Kind', key: 'kind', width: 16 },
    { header: '合同开始 Contract start', key: 'contractStart', width: 14 },
    { header: '合同结束 Contract end', key: 'contractEnd', width: 16 },
    { header: '月份 Month', key: 'month', width: 10 },
    { header: '工资（元）Wage (yuan)', key: 'wage', width: 14, style: { numFmt: moneyFormat } },
    { header: '工资来源 Wage source', key: 'wageSource', width: 20 },
    { header: '社保已缴 Social insurance paid', key: 'insurance', width: 14 },
    { header: '计入 Counted', key: 'counted', width: 10 },
    { header: '折算人数 Counts as', key: 'weight', width: 10 },
    { header: '原因 Reasons', key: 'reasons', width: 40 },
  ];
  months.getRow(1).font = { bold: true };
  months.views = [{ state: 'frozen', ySplit: 1 }];
  for (const person of report.people) {
    const { record } = person;
    for (const m of person.months) {
      months.addRow({
        name: record.user.displayName,
        // Text, so Excel keeps all 20 characters instead of turning them into 1.1E+19.
        certificate: certificates.get(record.user.id) ?? `${record.certificateMasked}（无法解密 unreadable）`,
        grade: record.grade,
        kind: kindWords[record.kind],
        contractStart: record.contractStart,
        contractEnd: record.contractEnd ?? '无固定期限 Open-ended',
        month: m.month,
        wage: yuan(m.wageFen),
        wageSource: m.wageSource === 'recorded' ? '录入 Recorded' : '收入台账 Earnings ledger',
        insurance: yesNo(m.insurancePaid),
        counted: yesNo(m.counted),
        weight: m.weight,
        reasons: m.reasons.map((r) => reasonWords[r]).join('；'),
      });
    }
  }
  months.getColumn('certificate').numFmt = '@';

  const summary = book.addWorksheet('汇总 Summary');
  summary.columns = [
    { header: '项目 Item', key: 'item', width: 44 },
    { header: '数值 Value', key: 'value', width: 24 },
    { header: '说明 Note', key: 'note', width: 80 },
  ];
  summary.getRow(1).font = { bold: true };
  const line = (item: string, value: string | number, note = '') => summary.addRow({ item, value, note });
  const money = (item: string, fen: number, note = '') => {
    const row = line(item, yuan(fen), note);
    row.getCell('value').numFmt = moneyFormat;
  };
  const { levy, parameters } = report;
  line('单位 Organisation', organisation);
  line('年度 Year', report.year);
  line(
    '统计月数 Months counted',
    report.months.length,
    '未满一年的，按实际月数计算 / a year to date counts its months so far',
  );
  line(
    '在职职工人数 Staff',
    report.staff,
    report.staffSource === 'parameter'
      ? '设置 Set in the parameters'
      : '本组织用户数 The organisation’s users',
  );
  line(
    '安排残疾人就业（年平均）Arranged (year average)',
    hundredths(report.arrangedHundredths),
    `${report.arrangedPersonMonths} 人·月 person-months`,
  );
  line('应安排人数 Required', hundredths(report.requiredHundredths));
  line('差额 Shortfall', hundredths(report.shortfallHundredths));
  line('安排比例 Ratio (%)', hundredths(report.ratioBp));
  line('规定比例 Quota (%)', hundredths(report.quotaBp));
  line('是否达标 Meets the quota', yesNo(report.meetsQuota));
  money(
    '职工年平均工资 Average annual wage (yuan)',
    levy.averageWageFen,
    levy.averageWageSource === 'parameter'
      ? '设置 Set in the parameters'
      : '收入台账 From the earnings ledger',
  );
  money(
    '计征工资基数 Wage base (yuan)',
    levy.wageBaseFen,
    levy.capped ? '已按当地社会平均工资2倍封顶 Capped' : '',
  );
  money('应缴额（减缴前）Full levy (yuan)', levy.fullFen);
  line(
    '缴纳比例 Share payable (%)',
    hundredths(levy.rateBp),
    levy.reliefApplies ? '分档减缴 Reduced rates apply' : '',
  );
  line('小微企业免征 Small-employer exemption', yesNo(levy.exempt));
  money('预计保障金 Estimated levy (yuan)', levy.owedFen);
  money('不安排残疾人时 Levy employing none (yuan)', levy.noneFen);
  money('节省 Saved (yuan)', levy.savedFen);

  summary.addRow({});
  summary.addRow({ item: '参数 Parameters', value: '', note: '来源 Source' }).font = { bold: true };
  const parameterValues: Record<QuotaParameterKey, string> = {
    quotaBp: `${hundredths(parameters.quotaBp)} %`,
    minimumMonthlyWageFen: fenToYuanDigits(parameters.minimumMonthlyWageFen),
    contractMinMonths: String(parameters.contractMinMonths),
    gradeWeights: Object.entries(parameters.gradeWeights)
      .map(([grade, weight]) => `${grade}级×${weight}`)
      .join(' '),
    contractWarningDays: String(parameters.contractWarningDays),
    staffCount: parameters.staffCount === null ? '—' : String(parameters.staffCount),
    averageAnnualWageFen:
      parameters.averageAnnualWageFen === null ? '—' : fenToYuanDigits(parameters.averageAnnualWageFen),
    localAverageAnnualWageFen: fenToYuanDigits(parameters.localAverageAnnualWageFen),
    wageCapBp: `${hundredths(roundDivToNumber(BigInt(parameters.wageCapBp), 100n))}×`,
    smallEmployerMaxStaff: String(parameters.smallEmployerMaxStaff),
    reducedBands: parameters.reducedBands
      .map((b) => `≥${hundredths(b.minRatioBp)}%: ${hundredths(b.payBp)}%`)
      .join('；'),
    reliefUntil: parameters.reliefUntil ?? '—',
  };
  for (const [key, value] of Object.entries(parameterValues) as [QuotaParameterKey, string][]) {
    line(key, value, quotaParameterSources[key]);
  }

  summary.addRow({});
  summary.addRow({ item: '提醒 Warnings', value: report.warnings.length }).font = { bold: true };
  const names = new Map(report.people.map((p) => [p.record.user.id, p.record.user.displayName]));
  for (const warning of report.warnings) {
    const who = warning.userId === undefined ? '' : (names.get(warning.userId) ?? String(warning.userId));
    line(warningWords[warning.kind], who, [warning.month, warning.day].filter(Boolean).join(' '));
  }

  return Buffer.from(await book.xlsx.writeBuffer());
}
