import type { Kysely } from 'kysely';
import {
  dayKeyOf,
  daysBetween,
  daysInMonth,
  monthKeyOf,
  periodRange,
  type Period,
} from '../../shared/domain/calendar';
import { forecastMonth } from '../../shared/domain/pay/forecast';
import { emptyByKind } from '../../shared/domain/pay/kinds';
import { ruleInForce } from '../../shared/domain/pay/rules';
import { sumFen } from '../../shared/domain/pay/rounding';
import type { EarningsView } from '../../shared/protocol/pay';
import type { Database } from '../store/schema';
import { ledgerSelect, toEntry } from './ledger-rows';
import { outputRowFor } from './output';
import { loadRules, ruleView, userNames } from './rules-store';
import { orgTimeZone } from './settings';

export interface EntriesPage {
  offset: number;
  limit: number;
}

/**
 * One worker's earnings over the day, week or month holding `day`: totals by
 * kind and by day (every day of the period, for the chart), the month's
 * forecast, a page of entries, and the employer's row for them over the same
 * days (`outputRowFor`, the report's own code). Null: no such worker here.
 * Reads the ledger as it is: sync it first (`syncLedger`).
 */
export async function earningsView(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
  period: Period,
  day: string,
  now: number,
  page: EntriesPage = { offset: 0, limit: 50 },
): Promise<EarningsView | null> {
  const timeZone = await orgTimeZone(db, orgId);
  const { from, to } = periodRange(period, day);
  const employerView = await outputRowFor(db, orgId, userId, from, to);
  if (!employerView) return null;
  const [byDayKind, items, count, rules, names] = await Promise.all([
    db
      .selectFrom('earnings_ledger')
      .select((eb) => ['day_key', 'kind', eb.fn.sum<number>('amount_fen').as('fen')])
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('day_key', '>=', from)
      .where('day_key', '<', to)
      .groupBy(['day_key', 'kind'])
      .execute(),
    ledgerSelect(db, orgId)
      .where('l.user_id', '=', userId)
      .where('l.day_key', '>=', from)
      .where('l.day_key', '<', to)
      .orderBy('l.occurred_at', 'desc')
      .orderBy('l.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    db
      .selectFrom('earnings_ledger')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('day_key', '>=', from)
      .where('day_key', '<', to)
      .executeTakeFirstOrThrow(),
    loadRules(db, orgId),
    userNames(db, orgId),
  ]);

  const byKind = emptyByKind();
  const days = new Map(daysBetween(from, to).map((d) => [d, { day: d, fen: 0, byKind: emptyByKind() }]));
  for (const r of byDayKind) {
    const fen = Number(r.fen);
    byKind[r.kind] += fen;
    const d = days.get(r.day_key);
    if (d) {
      d.fen += fen;
      d.byKind[r.kind] += fen;
    }
  }
  const dayList = [...days.values()];
  const totalFen = sumFen(dayList.map((d) => d.fen));

  const today = dayKeyOf(now, timeZone);
  let forecast: EarningsView['forecast'] = null;
  if (period === 'month') {
    const month = monthKeyOf(from);
    const elapsed = today < from ? 0 : today >= to ? daysInMonth(month) : daysBetween(from, today).length + 1;
    const upToToday = dayList.filter((d) => d.day <= today);
    forecast = forecastMonth({
      earnedFen: sumFen(upToToday.map((d) => d.fen)),
      workedDays: upToToday.filter((d) => d.fen !== 0).length,
      elapsedDays: elapsed,
      daysInMonth: daysInMonth(month),
    });
  }
  const ruleDay = today < to ? (today >= from ? today : from) : (dayList[dayList.length - 1]?.day ?? from);
  const rule = ruleInForce(rules, userId, ruleDay);

  return {
    user: employerView.user,
    period,
    from,
    to,
    timeZone,
    byKind,
    totalFen,
    days: dayList,
    hoursMs: employerView.workedMs,
    tickets: employerView.ticketsResolved,
    csat: { count: employerView.csatCount, average: employerView.csatAverage },
    liveMs: employerView.liveMinutes * 60_000,
    orders: employerView.orders,
    gmvFen: employerView.gmvFen,
    forecastFen: forecast?.forecastFen ?? null,
    forecast,
    entries: { items: items.map(toEntry), total: Number(count.n), offset: page.offset },
    employerView,
    rule: rule ? ruleView(rule, names) : null,
  };
}
