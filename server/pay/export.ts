import ExcelJS from 'exceljs';
import { addDays } from '../../shared/domain/calendar';
import { fenToYuanDigits } from '../../shared/domain/live/money';
import { minutesOf } from '../../shared/domain/pay/earnings';
import type { ExportFile, OutputReport, OutputRow, OutputTotals } from '../../shared/protocol/pay';

/**
 * The output report as files an employer's spreadsheet opens: CSV (UTF-8
 * with a BOM so Excel reads the Chinese, RFC 4180 quoting, CRLF) and real
 * XLSX (exceljs: a sheet per table, numbers as numbers, yuan formatted).
 * Money stays integer fen until this boundary; a spreadsheet cell holds yuan
 * as the decimal's nearest double, which is how every spreadsheet stores it,
 * so fen × 100 rounds back exactly.
 */

export type ExportLanguage = 'en' | 'zh-CN';

const words = {
  en: {
    worker: 'Worker',
    team: 'Team',
    noTeam: 'No team',
    workers: 'Workers',
    day: 'Day',
    total: 'Total',
    ticketsResolved: 'Tickets resolved',
    firstResponseMedianS: 'Median first response (s)',
    csatAverage: 'CSAT average',
    csatCount: 'Ratings',
    liveMinutes: 'Live minutes',
    orders: 'Orders',
    gmv: 'GMV net of refunds (¥)',
    workedMinutes: 'Worked minutes',
    earnings: 'Earnings (¥)',
    sheetWorkers: 'Workers',
    sheetTeams: 'Teams',
    sheetDays: 'Days',
    fileName: 'output',
  },
  'zh-CN': {
    worker: '员工',
    team: '团队',
    noTeam: '未分组',
    workers: '人数',
    day: '日期',
    total: '合计',
    ticketsResolved: '已解决工单',
    firstResponseMedianS: '首次响应中位数（秒）',
    csatAverage: '满意度平均分',
    csatCount: '评价数',
    liveMinutes: '直播分钟',
    orders: '订单数',
    gmv: '扣除退款后成交额（元）',
    workedMinutes: '工作分钟',
    earnings: '收入（元）',
    sheetWorkers: '员工',
    sheetTeams: '团队',
    sheetDays: '每日',
    fileName: '产出报表',
  },
} as const;

type Cell = string | number | null;

/** "4.25" from 425: the average ×100 as a decimal, by integer arithmetic. */
function csatText(x100: number | null): string {
  if (x100 === null) return '';
  return `${Math.trunc(x100 / 100)}.${String(x100 % 100).padStart(2, '0')}`;
}

function figures(row: OutputRow | OutputTotals) {
  return {
    ticketsResolved: row.ticketsResolved,
    firstResponseMedianS:
      row.firstResponseMedianMs === null ? null : Math.round(row.firstResponseMedianMs / 1000),
    csatAverage: row.csatAverage,
    csatCount: row.csatCount,
    liveMinutes: row.liveMinutes,
    orders: row.orders,
    gmvFen: row.gmvFen,
    workedMinutes: minutesOf(row.workedMs),
    earningsFen: row.earningsFen,
  };
}

function figureHeaders(w: (typeof words)[ExportLanguage]): string[] {
  return [
    w.ticketsResolved,
    w.firstResponseMedianS,
    w.csatAverage,
    w.csatCount,
    w.liveMinutes,
    w.orders,
    w.gmv,
    w.workedMinutes,
    w.earnings,
  ];
}

/** A spreadsheet runs a cell that starts with = + - @ as a formula: a name is never one. */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function fileStem(report: OutputReport, language: ExportLanguage): string {
  return `${words[language].fileName}-${report.from}_${addDays(report.to, -1)}`;
}

export function outputCsv(report: OutputReport, language: ExportLanguage): ExportFile {
  const w = words[language];
  const lines: Cell[][] = [[w.worker, w.team, ...figureHeaders(w)]];
  const values = (f: ReturnType<typeof figures>): Cell[] => [
    f.ticketsResolved,
    f.firstResponseMedianS,
    csatText(f.csatAverage),
    f.csatCount,
    f.liveMinutes,
    f.orders,
    fenToYuanDigits(f.gmvFen),
    f.workedMinutes,
    fenToYuanDigits(f.earningsFen),
  ];
  for (const row of report.rows) {
    lines.push([safeText(row.user.displayName), safeText(row.team?.name ?? ''), ...values(figures(row))]);
  }
  lines.push([w.total, '', ...values(figures(report.totals))]);
  const body = lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
  return {
    fileName: `${fileStem(report, language)}.csv`,
    mime: 'text/csv;charset=utf-8',
    base64: Buffer.from(`\uFEFF${body}`, 'utf8').toString('base64'),
  };
}

const yuanFormat = '"¥"#,##0.00;-"¥"#,##0.00';
const yuan = (fen: number): number => Number(fenToYuanDigits(fen));
/** 4.25 from 425, as the decimal's double (a cell, never a money path). */
const csatNumber = (x100: number | null): number | null => (x100 === null ? null : Number(csatText(x100)));

function figureCells(f: ReturnType<typeof figures>): Cell[] {
  return [
    f.ticketsResolved,
    f.firstResponseMedianS,
    csatNumber(f.csatAverage),
    f.csatCount,
    f.liveMinutes,
    f.orders,
    yuan(f.gmvFen),
    f.workedMinutes,
    yuan(f.earningsFen),
  ];
}

/** Columns of a figures sheet: 1 name, 2 team or head count, 3 tickets … 5 CSAT … 9 GMV, 10 worked, 11 earnings. */
const csatColumn = 5;
const moneyColumns = [9, 11];

function styleSheet(sheet: ExcelJS.Worksheet, widths: number[]): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const c of moneyColumns) sheet.getColumn(c).numFmt = yuanFormat;
  sheet.getColumn(csatColumn).numFmt = '0.00';
}

export async function outputXlsx(report: OutputReport, language: ExportLanguage): Promise<ExportFile> {
  const w = words[language];
  const book = new ExcelJS.Workbook();
  book.creator = 'Wings';
  book.created = new Date(0);

  const people = book.addWorksheet(w.sheetWorkers);
  people.addRow([w.worker, w.team, ...figureHeaders(w)]);
  for (const row of report.rows) {
    people.addRow([
      safeText(row.user.displayName),
      safeText(row.team?.name ?? ''),
      ...figureCells(figures(row)),
    ]);
  }
  const total = people.addRow([w.total, '', ...figureCells(figures(report.totals))]);
  total.font = { bold: true };
  styleSheet(people, [22, 16, 12, 14, 10, 10, 10, 10, 16, 12, 16]);

  const teams = book.addWorksheet(w.sheetTeams);
  teams.addRow([w.team, w.workers, ...figureHeaders(w)]);
  for (const t of report.teams) {
    teams.addRow([safeText(t.team?.name ?? w.noTeam), t.totals.workers, ...figureCells(figures(t.totals))]);
  }
  styleSheet(teams, [22, 10, 12, 14, 10, 10, 10, 10, 16, 12, 16]);

  const days = book.addWorksheet(w.sheetDays);
  days.addRow([w.day, w.ticketsResolved, w.gmv, w.earnings]);
  for (const d of report.days) days.addRow([d.day, d.ticketsResolved, yuan(d.gmvFen), yuan(d.earningsFen)]);
  days.getRow(1).font = { bold: true };
  days.views = [{ state: 'frozen', ySplit: 1 }];
  [12, 14, 18, 16].forEach((width, i) => (days.getColumn(i + 1).width = width));
  days.getColumn(3).numFmt = yuanFormat;
  days.getColumn(4).numFmt = yuanFormat;

  const buffer = await book.xlsx.writeBuffer();
  return {
    fileName: `${fileStem(report, language)}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buffer).toString('base64'),
  };
}
