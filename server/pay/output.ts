import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { daysBetween, instantRange, startOfDay } from '../../shared/domain/calendar';
import { mulDivRound, sumFen } from '../../shared/domain/pay/rounding';
import type { OutputReport, OutputRow, OutputTotals } from '../../shared/protocol/pay';
import type { Database } from '../store/schema';
import { orgTimeZone } from './settings';

/**
 * The employer's output report: per worker and per team over a range of the
 * organisation's days, written as a few aggregate queries over covering
 * indexes (migration 005), so a year of 500 workers stays fast. A worker's
 * own "what my employer sees" is the same code with one worker's filter.
 */

export interface OutputRange {
  from: string;
  /** Exclusive. */
  to: string;
  teamId?: number;
}

interface Scope {
  orgId: number;
  start: number;
  end: number;
  from: string;
  to: string;
  /** One worker only (their own view), or every worker. */
  userId: number | null;
}

interface Sums {
  tickets: number;
  csatCount: number;
  csatSum: number;
  liveMinutes: number;
  orders: number;
  gmvFen: number;
  workedMs: number;
  earningsFen: number;
}

const emptySums = (): Sums => ({
  tickets: 0,
  csatCount: 0,
  csatSum: 0,
  liveMinutes: 0,
  orders: 0,
  gmvFen: 0,
  workedMs: 0,
  earningsFen: 0,
});

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Ids for `in (…)`: never empty (no user has id 0), so the SQL stays valid for an empty team. */
const idList = (ids: readonly number[]): number[] => (ids.length > 0 ? [...ids] : [0]);

/** A median of integers is one, or the mean of the middle two: rounded half up to a whole millisecond. */
function wholeMedian(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return mulDivRound(Math.round(Number(value) * 2), 1, 2);
}

interface UserSums extends Sums {
  firstResponseMedianMs: number | null;
}

/**
 * Per worker, each figure by one aggregate over a covering index; the
 * workers' ids go in as an `in (…)` list, so SQLite seeks each worker's range
 * of days instead of scanning the organisation's. `median` is SQLite's
 * built-in aggregate (3.47+, in better-sqlite3's build).
 */
async function sumsByUser(
  db: Kysely<Database>,
  s: Scope,
  userIds: readonly number[],
): Promise<Map<number, UserSums>> {
  const ids = idList(userIds);
  const tickets = await db
    .selectFrom('tickets')
    .select((eb) => [
      'assignee_id as user_id',
      eb.fn.countAll<number>().as('n'),
      sql<number | null>`median(first_response_at - created_at)`.as('median'),
    ])
    .where('org_id', '=', s.orgId)
    .where('assignee_id', 'in', ids)
    .where('resolved_at', '>=', s.start)
    .where('resolved_at', '<', s.end)
    .groupBy('assignee_id')
    .execute();
  const ratings = await db
    .selectFrom('tickets')
    .select((eb) => [
      'assignee_id as user_id',
      eb.fn.count<number>('csat_score').as('n'),
      eb.fn.sum<number>('csat_score').as('total'),
    ])
    .where('org_id', '=', s.orgId)
    .where('assignee_id', 'in', ids)
    .where('csat_at', '>=', s.start)
    .where('csat_at', '<', s.end)
    .groupBy('assignee_id')
    .execute();
  const live = await db
    .selectFrom('live_broadcasts as b')
    .innerJoin('live_rooms as r', 'r.id', 'b.room_id')
    // Each broadcast's minutes rounded as its ledger entry is (half a minute up), then summed.
    .select([
      'r.anchor_id as user_id',
      sql<number>`sum((b.ended_at - b.started_at + 30000) / 60000)`.as('minutes'),
    ])
    .where('b.org_id', '=', s.orgId)
    .where('b.status', '=', 'ended')
    .where('b.started_at', '>=', s.start)
    .where('b.started_at', '<', s.end)
    .where('r.anchor_id', 'in', ids)
    .groupBy('r.anchor_id')
    .execute();
  const orders = await db
    .selectFrom('live_orders as o')
    .innerJoin('live_broadcasts as b', 'b.id', 'o.broadcast_id')
    .innerJoin('live_rooms as r', 'r.id', 'b.room_id')
    .select((eb) => [
      'r.anchor_id as user_id',
      eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when o.refunded_at is null then o.total_fen else 0 end)`.as('gmv'),
    ])
    .where('o.org_id', '=', s.orgId)
    .where('o.created_at', '>=', s.start)
    .where('o.created_at', '<', s.end)
    .where('r.anchor_id', 'in', ids)
    .groupBy('r.anchor_id')
    .execute();
  const worked = await db
    .selectFrom('shifts')
    .select((eb) => ['user_id', eb.fn.sum<number>('worked_ms').as('ms')])
    .where('org_id', '=', s.orgId)
    .where('day_key', '>=', s.from)
    .where('day_key', '<', s.to)
    .where('ended_at', 'is not', null)
    .where('user_id', 'in', ids)
    .groupBy('user_id')
    .execute();
  const earnings = await db
    .selectFrom('earnings_ledger')
    .select((eb) => ['user_id', eb.fn.sum<number>('amount_fen').as('fen')])
    .where('org_id', '=', s.orgId)
    .where('user_id', 'in', ids)
    .where('day_key', '>=', s.from)
    .where('day_key', '<', s.to)
    .groupBy('user_id')
    .execute();

  const sums = new Map<number, UserSums>();
  const at = (userId: number | null): UserSums | null => {
    if (userId === null) return null;
    let row = sums.get(userId);
    if (!row) {
      row = { ...emptySums(), firstResponseMedianMs: null };
      sums.set(userId, row);
    }
    return row;
  };
  for (const r of tickets) {
    const row = at(r.user_id);
    if (row) {
      row.tickets = num(r.n);
      row.firstResponseMedianMs = wholeMedian(r.median);
    }
  }
  for (const r of ratings) {
    const row = at(r.user_id);
    if (row) {
      row.csatCount = num(r.n);
      row.csatSum = num(r.total);
    }
  }
  for (const r of live) {
    const row = at(r.user_id);
    if (row) row.liveMinutes = num(r.minutes);
  }
  for (const r of orders) {
    const row = at(r.user_id);
    if (row) {
      row.orders = num(r.n);
      row.gmvFen = num(r.gmv);
    }
  }
  for (const r of worked) {
    const row = at(r.user_id);
    if (row) row.workedMs = num(r.ms);
  }
  for (const r of earnings) {
    const row = at(r.user_id);
    if (row) row.earningsFen = num(r.fen);
  }
  return sums;
}

/** Median first response (first reply − creation) over a group of workers' tickets resolved in the range. */
async function groupMedian(
  db: Kysely<Database>,
  s: Scope,
  userIds: readonly number[],
): Promise<number | null> {
  const row = await db
    .selectFrom('tickets')
    .select(sql<number | null>`median(first_response_at - created_at)`.as('median'))
    .where('org_id', '=', s.orgId)
    .where('assignee_id', 'in', idList(userIds))
    .where('resolved_at', '>=', s.start)
    .where('resolved_at', '<', s.end)
    .executeTakeFirst();
  return wholeMedian(row?.median);
}

interface Worker {
  id: number;
  displayName: string;
  team: { id: number; name: string } | null;
}

async function workersOf(db: Kysely<Database>, orgId: number, userId: number | null): Promise<Worker[]> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('team_members as m', 'm.user_id', 'u.id')
    .leftJoin('teams as t', 't.id', 'm.team_id')
    .select(['u.id', 'u.display_name', 't.id as team_id', 't.name as team_name'])
    .where('u.org_id', '=', orgId)
    .$if(userId !== null, (q) => q.where('u.id', '=', userId))
    .$if(userId === null, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('user_roles as r')
            .select('r.user_id')
            .whereRef('r.user_id', '=', 'u.id')
            .where('r.role', 'in', ['agent', 'anchor']),
        ),
      ),
    )
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    team: r.team_id === null ? null : { id: r.team_id, name: r.team_name ?? '' },
  }));
}

function csatAverage(sums: Pick<Sums, 'csatCount' | 'csatSum'>): number | null {
  return sums.csatCount === 0 ? null : mulDivRound(sums.csatSum, 100, sums.csatCount);
}

function toRow(worker: Worker, sums: UserSums | undefined): OutputRow {
  const s = sums ?? { ...emptySums(), firstResponseMedianMs: null };
  return {
    user: { id: worker.id, displayName: worker.displayName },
    team: worker.team,
    ticketsResolved: s.tickets,
    firstResponseMedianMs: s.firstResponseMedianMs,
    csatAverage: csatAverage(s),
    csatCount: s.csatCount,
    liveMinutes: s.liveMinutes,
    orders: s.orders,
    gmvFen: s.gmvFen,
    workedMs: s.workedMs,
    earningsFen: s.earningsFen,
  };
}

function totalsOf(list: Sums[], medianMs: number | null): OutputTotals {
  const sum = (pick: (s: Sums) => number) => sumFen(list.map(pick));
  const csat = { csatCount: sum((s) => s.csatCount), csatSum: sum((s) => s.csatSum) };
  return {
    workers: list.length,
    ticketsResolved: sum((s) => s.tickets),
    firstResponseMedianMs: medianMs,
    csatAverage: csatAverage(csat),
    csatCount: csat.csatCount,
    liveMinutes: sum((s) => s.liveMinutes),
    orders: sum((s) => s.orders),
    gmvFen: sum((s) => s.gmvFen),
    workedMs: sum((s) => s.workedMs),
    earningsFen: sum((s) => s.earningsFen),
  };
}

async function scopeOf(db: Kysely<Database>, orgId: number, from: string, to: string, userId: number | null) {
  const timeZone = await orgTimeZone(db, orgId);
  const { start, end } = instantRange(from, to, timeZone);
  return { timeZone, scope: { orgId, start, end, from, to, userId } satisfies Scope };
}

/** One worker's row of the report, by the same queries as the report (their "what my employer sees"). */
export async function outputRowFor(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
  from: string,
  to: string,
): Promise<OutputRow | null> {
  const { scope } = await scopeOf(db, orgId, from, to, userId);
  const worker = (await workersOf(db, orgId, userId))[0];
  if (!worker) return null;
  const sums = await sumsByUser(db, scope, [userId]);
  return toRow(worker, sums.get(userId));
}

/**
 * Per day of the range: each day's tickets and GMV are counted by an index
 * range of that day's instants (a correlated count per day, so no sort of a
 * year of rows), earnings by the ledger's day keys.
 */
async function daySeries(db: Kysely<Database>, s: Scope, timeZone: string, only: readonly number[] | null) {
  const dayList = daysBetween(s.from, s.to);
  const bounds = dayList.map((day, i) => ({
    day,
    start: startOfDay(day, timeZone),
    end: startOfDay(dayList[i + 1] ?? s.to, timeZone),
  }));
  const values = sql.join(bounds.map((b) => sql`(${b.day}, ${b.start}, ${b.end})`));
  const teamTickets = only === null ? sql`` : sql`and t.assignee_id in (${sql.join(idList(only))})`;
  const teamOrders =
    only === null
      ? sql``
      : sql`and o.broadcast_id in (select b.id from live_broadcasts b join live_rooms r on r.id = b.room_id
          where b.org_id = ${s.orgId} and r.anchor_id in (${sql.join(idList(only))}))`;
  const counted = await sql<{ day: string; tickets: number; gmv: number | null }>`
    with d(day, s, e) as (values ${values})
    select d.day,
      (select count(*) from tickets t where t.org_id = ${s.orgId} and t.resolved_at >= d.s and t.resolved_at < d.e
        and t.assignee_id is not null ${teamTickets}) as tickets,
      (select sum(case when o.refunded_at is null then o.total_fen else 0 end) from live_orders o
        where o.org_id = ${s.orgId} and o.created_at >= d.s and o.created_at < d.e ${teamOrders}) as gmv
    from d`.execute(db);
  const earnings = await db
    .selectFrom('earnings_ledger')
    .select((eb) => ['day_key', eb.fn.sum<number>('amount_fen').as('fen')])
    .where('org_id', '=', s.orgId)
    .where('day_key', '>=', s.from)
    .where('day_key', '<', s.to)
    .$if(only !== null, (q) => q.where('user_id', 'in', idList(only ?? [])))
    .groupBy('day_key')
    .execute();
  const fenByDay = new Map(earnings.map((r) => [r.day_key, num(r.fen)]));
  return counted.rows.map((r) => ({
    day: r.day,
    ticketsResolved: num(r.tickets),
    gmvFen: num(r.gmv),
    earningsFen: fenByDay.get(r.day) ?? 0,
  }));
}

/** The organisation's output over [from, to): a row per worker, per team, the totals and a per-day series. */
export async function outputReport(
  db: Kysely<Database>,
  orgId: number,
  range: OutputRange,
): Promise<OutputReport> {
  const { timeZone, scope } = await scopeOf(db, orgId, range.from, range.to, null);
  const all = await workersOf(db, orgId, null);
  const workers = range.teamId === undefined ? all : all.filter((w) => w.team?.id === range.teamId);
  const ids = workers.map((w) => w.id);
  const sums = await sumsByUser(db, scope, ids);
  const rows = workers.map((w) => toRow(w, sums.get(w.id)));
  const teams = new Map<number, { team: Worker['team']; ids: number[] }>();
  for (const w of workers) {
    const key = w.team?.id ?? 0;
    const entry = teams.get(key) ?? { team: w.team, ids: [] };
    entry.ids.push(w.id);
    teams.set(key, entry);
  }
  const sumsOf = (list: number[]) => list.map((id) => sums.get(id) ?? emptySums());
  const teamRows = [];
  for (const t of teams.values()) {
    // One team is the whole report: its median is the report's, not asked twice.
    const median = teams.size === 1 ? null : await groupMedian(db, scope, t.ids);
    teamRows.push({ team: t.team, totals: totalsOf(sumsOf(t.ids), median) });
  }
  const totalsMedian = await groupMedian(db, scope, ids);
  if (teams.size === 1 && teamRows[0]) teamRows[0].totals.firstResponseMedianMs = totalsMedian;
  teamRows.sort((a, b) => (a.team?.name ?? '\uffff').localeCompare(b.team?.name ?? '\uffff'));
  return {
    from: range.from,
    to: range.to,
    timeZone,
    rows,
    teams: teamRows,
    totals: totalsOf(sumsOf(ids), totalsMedian),
    days: await daySeries(db, scope, timeZone, range.teamId === undefined ? null : ids),
  };
}
