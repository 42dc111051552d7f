import type { ExpressionBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import {
  addMonths,
  type DayKey,
  daysBetween,
  monthKeyOf,
  type MonthKey,
  monthStart,
} from '../../shared/domain/calendar';
import { mulDivRound, sumFen } from '../../shared/domain/pay/rounding';
import type { OutputReport, OutputRow, OutputTotals } from '../../shared/protocol/pay';
import type { Database } from '../store/schema';
import { concatResponses, medianOf, unpackResponses } from './responses';
import { orgTimeZone } from './settings';

/**
 * The employer's output report: per worker and per team over a range of the
 * organisation's days, read from the summary the ledger sync keeps
 * (server/pay/output-days.ts): whole months from `output_months`, the days
 * of a partial month at either end from `output_days`, so a year of 500
 * workers reads some 20,000 rows, not a million tickets. The summary holds
 * every first response, so medians stay exact. A worker's own "what my
 * employer sees" is the same code with one worker's filter. Read it after
 * `syncLedger`, as the earnings are.
 */

export interface OutputRange {
  from: string;
  /** Exclusive. */
  to: string;
  teamId?: number;
}

interface Scope {
  orgId: number;
  from: string;
  to: string;
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

/** Adds whole numbers, refusing to go past 2^53 rather than lose a fen. */
function add(a: number, b: number): number {
  const n = a + b;
  if (!Number.isSafeInteger(n)) throw new RangeError('the sum is beyond a safe integer');
  return n;
}

interface DayRange {
  from: DayKey;
  to: DayKey;
}

/**
 * The range as the summary holds it: whole months, days added, and days
 * taken away. A month the range covers only partly is read as its days, or,
 * when it covers most of it, as the month less the days it leaves out:
 * whichever reads fewer days (the first of a year's range is one such).
 */
export function spansOf(
  from: DayKey,
  to: DayKey,
): { months: MonthKey[]; days: DayRange[]; minus: DayRange[] } {
  const months: MonthKey[] = [];
  const days: DayRange[] = [];
  const minus: DayRange[] = [];
  let at = from;
  while (at < to) {
    const month = monthKeyOf(at);
    const first = monthStart(month);
    const next = monthStart(addMonths(month, 1));
    const end = next < to ? next : to;
    const left = [
      { from: first, to: at },
      { from: end, to: next },
    ].filter((r) => r.from < r.to);
    const outside = left.reduce((n, r) => n + daysBetween(r.from, r.to).length, 0);
    if (outside < daysBetween(at, end).length) {
      months.push(month);
      minus.push(...left);
    } else days.push({ from: at, to: end });
    at = next;
  }
  return { months, days, minus };
}

interface UserSums extends Sums {
  /** Every first response of the range's resolved tickets, unordered. */
  responses: Float64Array;
}

/** Each figure summed by SQLite: a year's rows never cross into JS as objects, only a row per worker. */
const summed = [
  'user_id',
  sql<number>`sum(tickets)`.as('tickets'),
  sql<number>`sum(csat_count)`.as('csat_count'),
  sql<number>`sum(csat_sum)`.as('csat_sum'),
  sql<number>`sum(live_minutes)`.as('live_minutes'),
  sql<number>`sum(orders)`.as('orders'),
  sql<number>`sum(gmv_fen)`.as('gmv_fen'),
  sql<number>`sum(worked_ms)`.as('worked_ms'),
  sql<number>`sum(earnings_fen)`.as('earnings_fen'),
] as const;

function inRanges(ranges: readonly DayRange[]) {
  return (eb: ExpressionBuilder<Database, 'output_days'>) =>
    eb.or(ranges.map((d) => eb.and([eb('day_key', '>=', d.from), eb('day_key', '<', d.to)])));
}

type Added<T> = Promise<T[]> | T[];

/**
 * The summary over the range (`spansOf`): per worker the months' sums, the
 * added days' and the taken days'; and the first-response lists of each,
 * tagged with their month. For those workers, or (null) for everyone, read
 * as a range of days rather than hundreds of seeks.
 */
function summaryOf(db: Kysely<Database>, s: Scope, userIds: readonly number[] | null) {
  const ids = userIds === null ? null : idList(userIds);
  const { months, days, minus } = spansOf(s.from, s.to);
  const monthsQuery = () =>
    db
      .selectFrom('output_months')
      .where('org_id', '=', s.orgId)
      .$if(ids !== null, (q) => q.where('user_id', 'in', ids ?? []))
      .where('month', 'in', months);
  const daysQuery = (ranges: DayRange[]) =>
    db
      .selectFrom('output_days')
      .where('org_id', '=', s.orgId)
      .$if(ids !== null, (q) => q.where('user_id', 'in', ids ?? []))
      .where(inRanges(ranges));
  const none = <T>(): Added<T> => [];
  const daySums = (ranges: DayRange[]) =>
    ranges.length === 0 ? none<SumRow>() : daysQuery(ranges).select(summed).groupBy('user_id').execute();
  const dayLists = (ranges: DayRange[]) =>
    ranges.length === 0
      ? none<ListRow>()
      : daysQuery(ranges)
          .select(['user_id', 'responses', sql<string>`substr(day_key, 1, 7)`.as('month')])
          .where('tickets', '>', 0)
          .execute();
  return Promise.all([
    months.length === 0 ? none<SumRow>() : monthsQuery().select(summed).groupBy('user_id').execute(),
    daySums(days),
    daySums(minus),
    months.length === 0
      ? none<ListRow>()
      : monthsQuery().select(['user_id', 'responses', 'month']).where('tickets', '>', 0).execute(),
    dayLists(days),
    dayLists(minus),
  ]);
}

interface SumRow {
  user_id: number;
  tickets: number;
  csat_count: number;
  csat_sum: number;
  live_minutes: number;
  orders: number;
  gmv_fen: number;
  worked_ms: number;
  earnings_fen: number;
}

interface ListRow {
  user_id: number;
  responses: Buffer;
  month: string;
}

function addSums(t: Sums, r: SumRow, sign: 1 | -1): void {
  t.tickets = add(t.tickets, sign * num(r.tickets));
  t.csatCount = add(t.csatCount, sign * num(r.csat_count));
  t.csatSum = add(t.csatSum, sign * num(r.csat_sum));
  t.liveMinutes = add(t.liveMinutes, sign * num(r.live_minutes));
  t.orders = add(t.orders, sign * num(r.orders));
  t.gmvFen = add(t.gmvFen, sign * num(r.gmv_fen));
  t.workedMs = add(t.workedMs, sign * num(r.worked_ms));
  t.earningsFen = add(t.earningsFen, sign * num(r.earnings_fen));
}

/** Sorted `all` less sorted `some`, as multisets; `some` must be inside `all` (a month holds its days). */
function withoutResponses(all: Float64Array, some: Float64Array): Float64Array {
  const out = new Float64Array(all.length - some.length);
  let j = 0;
  let k = 0;
  for (const v of all) {
    if (j < some.length && some[j] === v) j++;
    else out[k++] = v;
  }
  if (j !== some.length || k !== out.length) throw new Error('the output summary lost a month’s days');
  return out;
}

/** Per worker, every figure over the range, with their first responses to take medians of. */
async function sumsByUser(
  db: Kysely<Database>,
  s: Scope,
  userIds: readonly number[] | null,
): Promise<Map<number, UserSums>> {
  const [monthSums, addedSums, takenSums, monthLists, addedLists, takenLists] = await summaryOf(
    db,
    s,
    userIds,
  );
  const sums = new Map<number, Sums>();
  const sumsOf = (userId: number): Sums => {
    let t = sums.get(userId);
    if (!t) {
      t = emptySums();
      sums.set(userId, t);
    }
    return t;
  };
  for (const r of monthSums) addSums(sumsOf(r.user_id), r, 1);
  for (const r of addedSums) addSums(sumsOf(r.user_id), r, 1);
  for (const r of takenSums) addSums(sumsOf(r.user_id), r, -1);

  /** Per worker and month, the month's sorted list and the sorted lists of the days taken from it. */
  const lists = new Map<number, { added: Float64Array[]; byMonth: Map<string, Float64Array[]> }>();
  const listsOf = (userId: number) => {
    let l = lists.get(userId);
    if (!l) {
      l = { added: [], byMonth: new Map() };
      lists.set(userId, l);
    }
    return l;
  };
  for (const r of monthLists) listsOf(r.user_id).byMonth.set(r.month, [unpackResponses(r.responses)]);
  for (const r of addedLists) listsOf(r.user_id).added.push(unpackResponses(r.responses));
  for (const r of takenLists) {
    if (r.responses.length === 0) continue;
    const month = lists.get(r.user_id)?.byMonth.get(r.month);
    if (!month) throw new Error('the output summary lost a month’s days');
    month.push(unpackResponses(r.responses));
  }
  const out = new Map<number, UserSums>();
  for (const [userId, t] of sums) {
    const l = lists.get(userId);
    const months = [...(l?.byMonth.values() ?? [])].map(([month = new Float64Array(0), ...taken]) =>
      taken.length === 0 ? month : withoutResponses(month, concatResponses(taken).sort()),
    );
    out.set(userId, { ...t, responses: concatResponses([...months, ...(l?.added ?? [])]) });
  }
  return out;
}

/** Median first response (first reply − creation) over a group of workers' tickets resolved in the range. */
function groupMedian(sums: Map<number, UserSums>, userIds: readonly number[]): number | null {
  const lists: Float64Array[] = [];
  for (const id of userIds) {
    const s = sums.get(id);
    if (s) lists.push(s.responses);
  }
  return medianOf(concatResponses(lists));
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
  const s = sums ?? { ...emptySums(), responses: new Float64Array(0) };
  return {
    user: { id: worker.id, displayName: worker.displayName },
    team: worker.team,
    ticketsResolved: s.tickets,
    firstResponseMedianMs: medianOf(s.responses),
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

/** One worker's row of the report, by the same queries as the report (their "what my employer sees"). */
export async function outputRowFor(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
  from: string,
  to: string,
): Promise<OutputRow | null> {
  const worker = (await workersOf(db, orgId, userId))[0];
  if (!worker) return null;
  const sums = await sumsByUser(db, { orgId, from, to }, [userId]);
  return toRow(worker, sums.get(userId));
}

/**
 * Per day of the range: the organisation's day series, or the team's summed
 * from its workers' days. A day with nothing in it has no row: it is zero.
 */
async function daySeries(db: Kysely<Database>, s: Scope, only: readonly number[] | null) {
  const rows =
    only === null
      ? await db
          .selectFrom('output_org_days')
          .select(['day_key', 'tickets', 'gmv_fen', 'earnings_fen'])
          .where('org_id', '=', s.orgId)
          .where('day_key', '>=', s.from)
          .where('day_key', '<', s.to)
          .execute()
      : await db
          .selectFrom('output_days')
          .select((eb) => [
            'day_key',
            eb.fn.sum<number>('tickets').as('tickets'),
            eb.fn.sum<number>('gmv_fen').as('gmv_fen'),
            eb.fn.sum<number>('earnings_fen').as('earnings_fen'),
          ])
          .where('org_id', '=', s.orgId)
          .where('user_id', 'in', idList(only))
          .where('day_key', '>=', s.from)
          .where('day_key', '<', s.to)
          .groupBy('day_key')
          .execute();
  const byDay = new Map(rows.map((r) => [r.day_key, r]));
  return daysBetween(s.from, s.to).map((day) => {
    const r = byDay.get(day);
    return {
      day,
      ticketsResolved: num(r?.tickets),
      gmvFen: num(r?.gmv_fen),
      earningsFen: num(r?.earnings_fen),
    };
  });
}

/** The organisation's output over [from, to): a row per worker, per team, the totals and a per-day series. */
export async function outputReport(
  db: Kysely<Database>,
  orgId: number,
  range: OutputRange,
): Promise<OutputReport> {
  const timeZone = await orgTimeZone(db, orgId);
  const scope: Scope = { orgId, from: range.from, to: range.to };
  const all = await workersOf(db, orgId, null);
  const workers = range.teamId === undefined ? all : all.filter((w) => w.team?.id === range.teamId);
  const ids = workers.map((w) => w.id);
  // Everyone's rows when the report is everyone's: the few of non-workers (a supervisor's tickets) go unread.
  const sums = await sumsByUser(db, scope, range.teamId === undefined ? null : ids);
  const teams = new Map<number, { team: Worker['team']; ids: number[] }>();
  for (const w of workers) {
    const key = w.team?.id ?? 0;
    const entry = teams.get(key) ?? { team: w.team, ids: [] };
    entry.ids.push(w.id);
    teams.set(key, entry);
  }
  const sumsOf = (list: number[]) => list.map((id) => sums.get(id) ?? emptySums());
  const totalsMedian = groupMedian(sums, ids);
  const teamRows = [...teams.values()].map((t) => ({
    team: t.team,
    // One team is the whole report: its median is the report's, not taken twice.
    totals: totalsOf(sumsOf(t.ids), teams.size === 1 ? totalsMedian : groupMedian(sums, t.ids)),
  }));
  teamRows.sort((a, b) => (a.team?.name ?? '\uffff').localeCompare(b.team?.name ?? '\uffff'));
  const rows = workers.map((w) => toRow(w, sums.get(w.id)));
  return {
    from: range.from,
    to: range.to,
    timeZone,
    rows,
    teams: teamRows,
    totals: totalsOf(sumsOf(ids), totalsMedian),
    days: await daySeries(db, scope, range.teamId === undefined ? null : ids),
  };
}
