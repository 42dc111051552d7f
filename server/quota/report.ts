import type { Kysely } from 'kysely';
import { addMonths, dayKeyOf, monthStart, type MonthKey } from '../../shared/domain/calendar';
import { monthsInScope, type QuotaMonthFacts } from '../../shared/domain/quota/counting';
import { estimateLevy } from '../../shared/domain/quota/levy';
import { roundDivToNumber } from '../../shared/domain/quota/rounding';
import { judgeYear, type QuotaPersonInput } from '../../shared/domain/quota/year';
import type { QuotaPersonMonth, QuotaReport, QuotaWarning } from '../../shared/protocol/quota';
import { orgTimeZone } from '../pay/settings';
import type { Database } from '../store/schema';
import { loadSettings, monthEntries, recordRows, toRecord, usersCount, type RecordRow } from './store';

interface LedgerMonths {
  /** `${userId}:${month}` → the month's earnings. */
  wages: Map<string, number>;
  totalFen: number;
  workers: number;
}

/**
 * Every worker's earnings per month: one grouped query per month over the
 * covering (org, day, user, amount) index. Grouping a whole year by user and
 * month at once sorts a million entries in a temporary B-tree (600 ms at 500
 * workers); a month at a time groups a twelfth of them (20 ms each). The same
 * sums give the organisation's average wage, so the ledger is read once.
 */
async function ledgerMonths(
  db: Kysely<Database>,
  orgId: number,
  months: readonly MonthKey[],
): Promise<LedgerMonths> {
  const wages = new Map<string, number>();
  const workers = new Set<number>();
  let totalFen = 0;
  for (const month of months) {
    const rows = await db
      .selectFrom('earnings_ledger')
      .select(['user_id', (eb) => eb.fn.sum<number>('amount_fen').as('fen')])
      .where('org_id', '=', orgId)
      .where('day_key', '>=', monthStart(month))
      .where('day_key', '<', monthStart(addMonths(month, 1)))
      .groupBy('user_id')
      .execute();
    for (const row of rows) {
      const fen = Number(row.fen);
      wages.set(`${row.user_id}:${month}`, fen);
      workers.add(row.user_id);
      totalFen += fen;
    }
  }
  return { wages, totalFen, workers: workers.size };
}

/** Average annual earnings per paid worker, scaled to twelve months: the employer's average wage when none is set. */
function averageAnnualWage(ledger: LedgerMonths, months: number): number {
  if (ledger.workers === 0 || months === 0 || ledger.totalFen <= 0) return 0;
  return roundDivToNumber(BigInt(ledger.totalFen) * 12n, BigInt(ledger.workers) * BigInt(months));
}

function gradeOf(row: RecordRow): 1 | 2 | 3 | 4 {
  return Math.min(4, Math.max(1, row.grade)) as 1 | 2 | 3 | 4;
}

export async function quotaReport(
  db: Kysely<Database>,
  orgId: number,
  year: number,
  now: number,
): Promise<QuotaReport> {
  const [{ parameters }, timeZone, records] = await Promise.all([
    loadSettings(db, orgId),
    orgTimeZone(db, orgId),
    recordRows(db, orgId),
  ]);
  const today = dayKeyOf(now, timeZone);
  const months = monthsInScope(year, today);
  const first: MonthKey = months[0] ?? `${year}-01`;
  const last: MonthKey = months[months.length - 1] ?? first;

  const [entries, ledger, staffUsers] = await Promise.all([
    months.length > 0 ? monthEntries(db, orgId, { from: first, to: last }) : Promise.resolve([]),
    ledgerMonths(db, orgId, months),
    usersCount(db, orgId),
  ]);
  const wages = ledger.wages;
  const ledgerAverage = averageAnnualWage(ledger, months.length);

  const recorded = new Map(entries.map((e) => [`${e.userId}:${e.month}`, e]));
  const sources = new Map<string, QuotaPersonMonth['wageSource']>();
  const inputs: QuotaPersonInput[] = records.map((row) => {
    const facts = new Map<MonthKey, QuotaMonthFacts>();
    for (const month of months) {
      const key = `${row.user_id}:${month}`;
      const entry = recorded.get(key);
      const fromLedger = entry?.wageFen === null || entry === undefined;
      sources.set(key, fromLedger ? 'ledger' : 'recorded');
      facts.set(month, {
        wageFen: fromLedger ? (wages.get(key) ?? 0) : (entry.wageFen ?? 0),
        insurancePaid: entry?.insurancePaid ?? false,
      });
    }
    return {
      userId: row.user_id,
      grade: gradeOf(row),
      contractStart: row.contract_start,
      contractEnd: row.contract_end,
      months: facts,
    };
  });

  const judged = judgeYear(inputs, months, parameters, today);
  const staffSource = parameters.staffCount === null ? 'users' : 'parameter';
  const staff = parameters.staffCount ?? staffUsers;
  const averageWageSource = parameters.averageAnnualWageFen === null ? 'ledger' : 'parameter';
  const averageWageFen = parameters.averageAnnualWageFen ?? ledgerAverage;
  const levy = estimateLevy({
    year,
    staff,
    months: months.length,
    arrangedPersonMonths: judged.arrangedPersonMonths,
    averageWageFen,
    parameters,
  });

  const warnings: QuotaWarning[] = [...judged.warnings];
  if (months.length > 0 && !levy.meetsQuota) warnings.push({ kind: 'below_quota' });

  return {
    year,
    months: judged.months.map((m) => ({ ...m, staff })),
    people: judged.people.map((person, index) => {
      const row = records[index];
      if (!row || row.user_id !== person.userId) throw new Error('the quota year lost track of its people');
      return {
        record: toRecord(row),
        contractLongEnough: person.contractLongEnough,
        months: person.months.map((m) => ({
          ...m,
          wageSource: sources.get(`${person.userId}:${m.month}`) ?? 'ledger',
        })),
        countedMonths: person.countedMonths,
        personMonths: person.personMonths,
      };
    }),
    staff,
    staffSource,
    arrangedPersonMonths: judged.arrangedPersonMonths,
    arrangedHundredths: levy.arrangedHundredths,
    requiredHundredths: levy.requiredHundredths,
    shortfallHundredths: levy.shortfallHundredths,
    ratioBp: levy.ratioBp,
    quotaBp: parameters.quotaBp,
    meetsQuota: levy.meetsQuota,
    levy: {
      owedFen: levy.owedFen,
      savedFen: levy.savedFen,
      noneFen: levy.noneFen,
      fullFen: levy.fullFen,
      wageBaseFen: levy.wageBaseFen,
      averageWageFen,
      averageWageSource,
      capped: levy.capped,
      rateBp: levy.rateBp,
      exempt: levy.exempt,
      reliefApplies: levy.reliefApplies,
    },
    warnings,
    parameters,
    generatedAt: now,
  };
}
