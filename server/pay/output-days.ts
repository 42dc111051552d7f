import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import {
  addDays,
  addMonths,
  daysBetween,
  type DayKey,
  monthKeyOf,
  type MonthKey,
  monthStart,
  startOfDay,
} from '../../shared/domain/calendar';
import type { Database, OutputDaysTable } from '../store/schema';
import { concatResponses, packResponses, unpackResponses } from './responses';

/**
 * The output report's summary: per worker and day, per worker and month,
 * and the organisation's day series (tables in migration 005). A day is
 * always summed whole from its facts, by the same definitions the report
 * used to compute on the fly (tickets by the day they were resolved,
 * ratings by the day given, broadcasts by the day they started, orders by
 * the day placed and net of refunds, shifts by their day, ledger entries by
 * theirs), so the summary is exact as long as every day whose facts changed
 * is summed again. Those are: the days of the sync's window (new facts are
 * stamped now), the days of the instants the triggers noted (a change that
 * moved or removed an older fact), and the days of ledger entries posted
 * since the last run (entries are append-only, so their ids say which are
 * new). A month is summed again from its days for the workers whose day
 * changed.
 */

export interface SummaryContext {
  db: Kysely<Database>;
  orgId: number;
  now: number;
  timeZone: string;
  dayOf(ms: number): string;
}

interface Figures {
  tickets: number;
  responses: number[];
  csatCount: number;
  csatSum: number;
  liveMinutes: number;
  orders: number;
  gmvFen: number;
  workedMs: number;
  earningsFen: number;
}

const noFigures = (): Figures => ({
  tickets: 0,
  responses: [],
  csatCount: 0,
  csatSum: 0,
  liveMinutes: 0,
  orders: 0,
  gmvFen: 0,
  workedMs: 0,
  earningsFen: 0,
});

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

type SummaryRow = Omit<Insertable<OutputDaysTable>, 'org_id' | 'day_key'>;

function toRow(userId: number, f: Figures): SummaryRow {
  return {
    user_id: userId,
    tickets: f.tickets,
    responses: packResponses(f.responses),
    csat_count: f.csatCount,
    csat_sum: f.csatSum,
    live_minutes: f.liveMinutes,
    orders: f.orders,
    gmv_fen: f.gmvFen,
    worked_ms: f.workedMs,
    earnings_fen: f.earningsFen,
  };
}

const figureColumns = [
  'tickets',
  'csat_count',
  'csat_sum',
  'live_minutes',
  'orders',
  'gmv_fen',
  'worked_ms',
  'earnings_fen',
] as const;

function sameRow(a: SummaryRow, b: SummaryRow): boolean {
  return figureColumns.every((c) => num(a[c]) === num(b[c])) && a.responses.equals(b.responses);
}

function isEmpty(f: Figures): boolean {
  return (
    f.tickets === 0 &&
    f.csatCount === 0 &&
    f.liveMinutes === 0 &&
    f.orders === 0 &&
    f.gmvFen === 0 &&
    f.workedMs === 0 &&
    f.earningsFen === 0
  );
}

/** Every figure of one organisation day, per worker, read from the facts; and the day's whole-organisation series. */
async function figuresOfDay(ctx: SummaryContext, day: DayKey) {
  const { db, orgId } = ctx;
  const start = startOfDay(day, ctx.timeZone);
  const end = startOfDay(addDays(day, 1), ctx.timeZone);
  const [tickets, ratings, live, orders, orgOrders, worked, earnings] = await Promise.all([
    db
      .selectFrom('tickets')
      .select(['assignee_id', 'first_response_at', 'created_at'])
      .where('org_id', '=', orgId)
      .where('resolved_at', '>=', start)
      .where('resolved_at', '<', end)
      .where('assignee_id', 'is not', null)
      .$narrowType<{ assignee_id: number }>()
      .execute(),
    db
      .selectFrom('tickets')
      .select((eb) => [
        'assignee_id',
        eb.fn.count<number>('csat_score').as('n'),
        eb.fn.sum<number>('csat_score').as('total'),
      ])
      .where('org_id', '=', orgId)
      .where('csat_at', '>=', start)
      .where('csat_at', '<', end)
      .where('assignee_id', 'is not', null)
      .groupBy('assignee_id')
      .$narrowType<{ assignee_id: number }>()
      .execute(),
    db
      .selectFrom('live_broadcasts as b')
      .innerJoin('live_rooms as r', 'r.id', 'b.room_id')
      // Each broadcast's minutes rounded as its ledger entry is (half a minute up), then summed.
      .select([
        'r.anchor_id as user_id',
        sql<number>`sum((b.ended_at - b.started_at + 30000) / 60000)`.as('minutes'),
      ])
      .where('b.org_id', '=', orgId)
      .where('b.status', '=', 'ended')
      .where('b.started_at', '>=', start)
      .where('b.started_at', '<', end)
      .groupBy('r.anchor_id')
      .execute(),
    db
      .selectFrom('live_orders as o')
      .innerJoin('live_broadcasts as b', 'b.id', 'o.broadcast_id')
      .innerJoin('live_rooms as r', 'r.id', 'b.room_id')
      .select((eb) => [
        'r.anchor_id as user_id',
        eb.fn.countAll<number>().as('n'),
        sql<number>`sum(case when o.refunded_at is null then o.total_fen else 0 end)`.as('gmv'),
      ])
      .where('o.org_id', '=', orgId)
      .where('o.created_at', '>=', start)
      .where('o.created_at', '<', end)
      .groupBy('r.anchor_id')
      .execute(),
    db
      .selectFrom('live_orders')
      .select(sql<number | null>`sum(case when refunded_at is null then total_fen else 0 end)`.as('gmv'))
      .where('org_id', '=', orgId)
      .where('created_at', '>=', start)
      .where('created_at', '<', end)
      .executeTakeFirst(),
    db
      .selectFrom('shifts')
      .select((eb) => ['user_id', eb.fn.sum<number>('worked_ms').as('ms')])
      .where('org_id', '=', orgId)
      .where('day_key', '=', day)
      .where('ended_at', 'is not', null)
      .groupBy('user_id')
      .execute(),
    db
      .selectFrom('earnings_ledger')
      .select((eb) => ['user_id', eb.fn.sum<number>('amount_fen').as('fen')])
      .where('org_id', '=', orgId)
      .where('day_key', '=', day)
      .groupBy('user_id')
      .execute(),
  ]);

  const users = new Map<number, Figures>();
  const at = (userId: number): Figures => {
    let f = users.get(userId);
    if (!f) {
      f = noFigures();
      users.set(userId, f);
    }
    return f;
  };
  for (const t of tickets) {
    const f = at(t.assignee_id);
    f.tickets += 1;
    // Like `median(first_response_at - created_at)`: a ticket never answered has no first response.
    if (t.first_response_at !== null) f.responses.push(t.first_response_at - t.created_at);
  }
  for (const r of ratings) {
    const f = at(r.assignee_id);
    f.csatCount = num(r.n);
    f.csatSum = num(r.total);
  }
  for (const r of live) at(r.user_id).liveMinutes = num(r.minutes);
  for (const r of orders) {
    const f = at(r.user_id);
    f.orders = num(r.n);
    f.gmvFen = num(r.gmv);
  }
  for (const r of worked) at(r.user_id).workedMs = num(r.ms);
  let orgEarnings = 0;
  for (const r of earnings) {
    at(r.user_id).earningsFen = num(r.fen);
    orgEarnings += num(r.fen);
  }
  for (const [userId, f] of users) if (isEmpty(f)) users.delete(userId);
  return {
    users,
    org: { tickets: tickets.length, gmvFen: num(orgOrders?.gmv), earningsFen: orgEarnings },
  };
}

const insertBatch = 500;

/** Sums one day again; answers the workers whose row of that day changed (their month is summed again). */
async function sumDay(ctx: SummaryContext, day: DayKey): Promise<number[]> {
  const { db, orgId } = ctx;
  const [{ users, org }, before] = await Promise.all([
    figuresOfDay(ctx, day),
    db
      .selectFrom('output_days')
      .select(['user_id', 'responses', ...figureColumns])
      .where('org_id', '=', orgId)
      .where('day_key', '=', day)
      .execute(),
  ]);
  const rows = [...users].map(([userId, f]) => toRow(userId, f));
  const old = new Map(before.map((r) => [r.user_id, r]));
  const changed = new Set<number>();
  for (const row of rows) {
    const was = old.get(row.user_id);
    if (!was || !sameRow(was, row)) changed.add(row.user_id);
  }
  for (const userId of old.keys()) if (!users.has(userId)) changed.add(userId);

  if (changed.size > 0) {
    await db.deleteFrom('output_days').where('org_id', '=', orgId).where('day_key', '=', day).execute();
    for (let i = 0; i < rows.length; i += insertBatch) {
      await db
        .insertInto('output_days')
        .values(rows.slice(i, i + insertBatch).map((r) => ({ ...r, org_id: orgId, day_key: day })))
        .execute();
    }
  }
  await db
    .insertInto('output_org_days')
    .values({ org_id: orgId, day_key: day, ...orgRow(org) })
    .onConflict((oc) => oc.columns(['org_id', 'day_key']).doUpdateSet(orgRow(org)))
    .execute();
  return [...changed];
}

const orgRow = (o: { tickets: number; gmvFen: number; earningsFen: number }) => ({
  tickets: o.tickets,
  gmv_fen: o.gmvFen,
  earnings_fen: o.earningsFen,
});

/** Sums a month again from its days, for those workers only. */
async function sumMonth(ctx: SummaryContext, month: MonthKey, userIds: readonly number[]): Promise<void> {
  const { db, orgId } = ctx;
  for (let i = 0; i < userIds.length; i += insertBatch) {
    const ids = userIds.slice(i, i + insertBatch);
    const days = await db
      .selectFrom('output_days')
      .select(['user_id', 'responses', ...figureColumns])
      .where('org_id', '=', orgId)
      .where('user_id', 'in', ids)
      .where('day_key', '>=', monthStart(month))
      .where('day_key', '<', monthStart(addMonths(month, 1)))
      .execute();
    const sums = new Map<number, { row: SummaryRow; lists: Float64Array[] }>();
    for (const d of days) {
      let s = sums.get(d.user_id);
      if (!s) {
        s = { row: toRow(d.user_id, noFigures()), lists: [] };
        sums.set(d.user_id, s);
      }
      for (const c of figureColumns) s.row[c] = num(s.row[c]) + num(d[c]);
      s.lists.push(unpackResponses(d.responses));
    }
    await db
      .deleteFrom('output_months')
      .where('org_id', '=', orgId)
      .where('month', '=', month)
      .where('user_id', 'in', ids)
      .execute();
    const rows = [...sums.values()].map(({ row, lists }) => ({
      ...row,
      responses: packResponses(concatResponses(lists)),
      org_id: orgId,
      month,
    }));
    if (rows.length > 0) await db.insertInto('output_months').values(rows).execute();
  }
}

/** The first day anything countable happened: a first sync sums every day from there. */
async function firstFactDay(ctx: SummaryContext): Promise<DayKey | null> {
  const { db, orgId } = ctx;
  const [resolved, rated, placed, started, shift, entry] = await Promise.all([
    db
      .selectFrom('tickets')
      .select((eb) => eb.fn.min('resolved_at').as('at'))
      .where('org_id', '=', orgId)
      .where('resolved_at', 'is not', null)
      .executeTakeFirst(),
    db
      .selectFrom('tickets')
      .select((eb) => eb.fn.min('csat_at').as('at'))
      .where('org_id', '=', orgId)
      .where('csat_at', 'is not', null)
      .executeTakeFirst(),
    db
      .selectFrom('live_orders')
      .select((eb) => eb.fn.min('created_at').as('at'))
      .where('org_id', '=', orgId)
      .executeTakeFirst(),
    db
      .selectFrom('live_broadcasts')
      .select((eb) => eb.fn.min('started_at').as('at'))
      .where('org_id', '=', orgId)
      .executeTakeFirst(),
    db
      .selectFrom('shifts')
      .select((eb) => eb.fn.min('day_key').as('day'))
      .where('org_id', '=', orgId)
      .executeTakeFirst(),
    db
      .selectFrom('earnings_ledger')
      .select((eb) => eb.fn.min('day_key').as('day'))
      .where('org_id', '=', orgId)
      .executeTakeFirst(),
  ]);
  const days: DayKey[] = [];
  for (const r of [resolved, rated, placed, started]) if (r?.at != null) days.push(ctx.dayOf(Number(r.at)));
  for (const r of [shift, entry]) if (r?.day != null) days.push(String(r.day));
  days.sort();
  return days[0] ?? null;
}

/** The days whose facts may have changed since the last run (`since` 0: every day there is). */
async function daysToSum(ctx: SummaryContext, since: number, summedLedgerId: number) {
  const { db, orgId } = ctx;
  const days = new Set<DayKey>();
  const today = ctx.dayOf(ctx.now);
  const from = since === 0 ? await firstFactDay(ctx) : ctx.dayOf(since);
  if (from !== null) for (const day of daysBetween(from, addDays(today, 1))) days.add(day);
  const [dirty, last] = await Promise.all([
    db.selectFrom('output_dirty').select(['id', 'at']).where('org_id', '=', orgId).orderBy('id').execute(),
    db
      .selectFrom('earnings_ledger')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst(),
  ]);
  for (const d of dirty) days.add(ctx.dayOf(d.at));
  const lastLedgerId = num(last?.id);
  if (since !== 0 && lastLedgerId > summedLedgerId) {
    const entries = await db
      .selectFrom('earnings_ledger')
      .select('day_key')
      .distinct()
      .where('id', '>', summedLedgerId)
      .where('id', '<=', lastLedgerId)
      .where('org_id', '=', orgId)
      .execute();
    for (const e of entries) days.add(e.day_key);
  }
  return { days: [...days].sort(), lastDirtyId: dirty[dirty.length - 1]?.id ?? 0, lastLedgerId };
}

/**
 * Brings the summary up to date; runs at the end of `syncLedger`, in the
 * same transaction, after the ledger's entries are posted. Answers the last
 * ledger entry counted, for the next run's watermark.
 */
export async function syncOutputSummary(
  ctx: SummaryContext,
  since: number,
  summedLedgerId: number,
): Promise<number> {
  const { days, lastDirtyId, lastLedgerId } = await daysToSum(ctx, since, summedLedgerId);
  const changed = new Map<MonthKey, Set<number>>();
  for (const day of days) {
    const users = await sumDay(ctx, day);
    if (users.length === 0) continue;
    const month = monthKeyOf(day);
    const set = changed.get(month) ?? new Set<number>();
    for (const u of users) set.add(u);
    changed.set(month, set);
  }
  for (const [month, users] of changed) await sumMonth(ctx, month, [...users]);
  if (lastDirtyId > 0) {
    await ctx.db
      .deleteFrom('output_dirty')
      .where('org_id', '=', ctx.orgId)
      .where('id', '<=', lastDirtyId)
      .execute();
  }
  return lastLedgerId;
}
