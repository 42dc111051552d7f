import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { DayKey } from '../../shared/domain/calendar';
import { daysBetween, instantRange, periodRange } from '../../shared/domain/calendar';
import { deriveShifts } from '../../shared/domain/shifts/shift-machine';
import type {
  Timesheet,
  TimesheetAudit,
  TimesheetDecision,
  TimesheetPeriod,
  TimesheetRow,
  TimesheetShift,
  auditValuesSchema,
} from '../../shared/protocol/shifts';
import type { Database } from '../store/schema';
import { orgWorkers } from './roster';
import { loadEvents, loadOverrides, toDomainEvent, toEventView, toShiftView } from './stored';
import type { ClockEventRow, ShiftRow } from './stored';
import { orgTimeZone } from './zone';

type AuditValues = z.infer<typeof auditValuesSchema>;

/** The period a day falls in: a Monday week or a calendar month, `to` exclusive. */
export function periodOf(period: TimesheetPeriod, day: DayKey): { from: DayKey; to: DayKey } {
  return periodRange(period, day);
}

function parseValues(json: string | null): AuditValues | null {
  if (json === null) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const out: AuditValues = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof v === 'number' || typeof v === 'string' || v === null) out[k] = v;
    }
    return out;
  } catch {
    return null;
  }
}

async function decisions(db: Kysely<Database>, orgId: number, period: TimesheetPeriod, from: DayKey) {
  return db
    .selectFrom('timesheets as t')
    .leftJoin('users as d', 'd.id', 't.decided_by')
    .select(['t.id', 't.user_id', 't.status', 't.comment', 't.decided_by', 't.decided_at', 'd.display_name'])
    .where('t.org_id', '=', orgId)
    .where('t.period', '=', period)
    .where('t.start_key', '=', from);
}

type DecisionRow = Awaited<ReturnType<Awaited<ReturnType<typeof decisions>>['execute']>>[number];

function toDecision(row: DecisionRow | undefined): TimesheetDecision {
  if (!row) return { status: 'open', comment: null, decidedBy: null, decidedAt: null };
  return {
    status: row.status,
    comment: row.comment,
    decidedBy: row.decided_by !== null ? { id: row.decided_by, displayName: row.display_name ?? '' } : null,
    decidedAt: row.decided_at === null ? null : Number(row.decided_at),
  };
}

/**
 * The employer's list for a period: every agent and anchor with their
 * worked and break time, shift count and the timesheet's status. Sums are
 * one grouped query; only open shifts (few) are read one by one, so their
 * time runs to now like everywhere else.
 */
export async function timesheetRows(
  db: Kysely<Database>,
  orgId: number,
  period: TimesheetPeriod,
  day: DayKey,
  now: number,
): Promise<{ period: TimesheetPeriod; start: DayKey; end: DayKey; rows: TimesheetRow[] }> {
  const { from, to } = periodOf(period, day);
  const timeZone = await orgTimeZone(db, orgId);
  const { start, end } = instantRange(from, to, timeZone);
  const workers = await orgWorkers(db, orgId);
  const ids = workers.map((w) => w.id);
  const [sums, open, ignored, decided] = await Promise.all([
    db
      .selectFrom('shifts')
      .select([
        'user_id',
        sql<number>`sum(case when ended_at is null then 0 else worked_ms end)`.as('worked'),
        sql<number>`sum(case when ended_at is null then 0 else break_ms end)`.as('breaks'),
        sql<number>`count(*)`.as('n'),
        sql<number>`max(edited)`.as('edited'),
        sql<number>`max(case when flags != '[]' or ended_at is null then 1 else 0 end)`.as('flagged'),
      ])
      .where('org_id', '=', orgId)
      .where('day_key', '>=', from)
      .where('day_key', '<', to)
      .groupBy('user_id')
      .execute(),
    db
      .selectFrom('shifts')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('day_key', '>=', from)
      .where('day_key', '<', to)
      .where('ended_at', 'is', null)
      .execute(),
    db
      .selectFrom('clock_events')
      .select('user_id')
      .distinct()
      .where('org_id', '=', orgId)
      // Named users, so the (org, user, device time) index seeks each one's range instead of a scan.
      .where('user_id', 'in', ids.length > 0 ? ids : [0])
      .where('device_at', '>=', start)
      .where('device_at', '<', end)
      .where('ignored_reason', 'is not', null)
      .execute(),
    (await decisions(db, orgId, period, from)).execute(),
  ]);
  const sumOf = new Map(sums.map((s) => [s.user_id, s]));
  const openOf = new Map<number, ShiftRow[]>();
  for (const s of open) openOf.set(s.user_id, [...(openOf.get(s.user_id) ?? []), s]);
  const hasIgnored = new Set(ignored.map((i) => i.user_id));
  const decisionOf = new Map(decided.map((d) => [d.user_id, d]));
  const rows = workers.map((w): TimesheetRow => {
    const s = sumOf.get(w.id);
    let workedMs = Number(s?.worked ?? 0);
    let breakMs = Number(s?.breaks ?? 0);
    for (const o of openOf.get(w.id) ?? []) {
      const view = toShiftView(o, false, now);
      workedMs += view.workedMs;
      breakMs += view.breakMs;
    }
    return {
      user: { id: w.id, displayName: w.displayName },
      team: w.team,
      workedMs,
      breakMs,
      shifts: Number(s?.n ?? 0),
      status: toDecision(decisionOf.get(w.id)).status,
      flagged: Number(s?.flagged ?? 0) === 1 || hasIgnored.has(w.id),
      edited: Number(s?.edited ?? 0) === 1,
    };
  });
  return { period, start: from, end: to, rows };
}

/**
 * One worker's timesheet: each day with its shifts and their events, what
 * could not be applied, the decision, and the audit trail of the period
 * (decisions on it, edits of its shifts, pay corrections dated in it).
 * `own`: the worker's own view, the only one with break reasons. Null when
 * the worker is not of this organisation.
 */
export async function loadTimesheet(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
  period: TimesheetPeriod,
  day: DayKey,
  now: number,
  own: boolean,
): Promise<Timesheet | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', userId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!user) return null;
  const { from, to } = periodOf(period, day);
  const timeZone = await orgTimeZone(db, orgId);
  const { start, end } = instantRange(from, to, timeZone);
  const shifts = await db
    .selectFrom('shifts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('day_key', '>=', from)
    .where('day_key', '<', to)
    .orderBy('started_at')
    .execute();
  const keys = shifts.map((s) => s.shift_key);
  // Every event of the worker, folded again: which event belongs to which shift is the machine's to say.
  const events = await loadEvents(db, orgId, userId);
  const derived = deriveShifts(events.map(toDomainEvent), await loadOverrides(db, orgId, userId), now);
  const rowOf = new Map(events.map((e) => [e.command_id, e]));
  const eventsByKey = new Map(
    derived.shifts.map((d) => [d.shiftKey, d.events.flatMap((id) => rowOf.get(id) ?? [])]),
  );
  const sheet = await (
    await decisions(db, orgId, period, from)
  )
    .where('t.user_id', '=', userId)
    .executeTakeFirst();
  const audit = await db
    .selectFrom('timesheet_audit as a')
    .innerJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.action',
      'a.actor_id',
      'u.display_name',
      'a.shift_key',
      'a.comment',
      'a.before',
      'a.after',
      'a.created_at',
    ])
    .where('a.org_id', '=', orgId)
    .where('a.user_id', '=', userId)
    .where((eb) => {
      const any = [
        ...(sheet ? [eb('a.timesheet_id', '=', sheet.id)] : []),
        ...(keys.length > 0 ? [eb('a.shift_key', 'in', keys)] : []),
        eb.and([
          eb('a.action', '=', 'correction'),
          eb(sql<string>`json_extract(a."after", '$.day')`, '>=', from),
          eb(sql<string>`json_extract(a."after", '$.day')`, '<', to),
        ]),
      ];
      return eb.or(any);
    })
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();

  const days = daysBetween(from, to).map((d) => {
    const own_ = shifts.filter((s) => s.day_key === d);
    const views: TimesheetShift[] = own_.map((s) => ({
      ...toShiftView(s, own, now),
      events: (eventsByKey.get(s.shift_key) ?? []).map((e) => toEventView(e, own)),
    }));
    return {
      day: d,
      workedMs: views.reduce((n, v) => n + v.workedMs, 0),
      breakMs: views.reduce((n, v) => n + v.breakMs, 0),
      shifts: views,
    };
  });
  const inPeriod = (e: ClockEventRow) => Number(e.device_at) >= start && Number(e.device_at) < end;
  return {
    user: { id: user.id, displayName: user.display_name },
    period,
    start: from,
    end: to,
    timeZone,
    ...toDecision(sheet),
    workedMs: days.reduce((n, d) => n + d.workedMs, 0),
    breakMs: days.reduce((n, d) => n + d.breakMs, 0),
    days,
    ignored: events.filter((e) => e.ignored_reason !== null && inPeriod(e)).map((e) => toEventView(e, own)),
    audit: audit.map((a): TimesheetAudit => ({
      id: a.id,
      action: a.action,
      actor: { id: a.actor_id, displayName: a.display_name },
      shiftKey: a.shift_key,
      comment: a.comment,
      before: parseValues(a.before),
      after: parseValues(a.after),
      at: Number(a.created_at),
    })),
  };
}
