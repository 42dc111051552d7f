import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  dayKeyOf,
  defaultTimeZone,
  instantRange,
  monthKeyOf,
  monthStart,
  startOfDay,
} from '../../shared/domain/calendar';
import type { OutputReport, OutputRow } from '../../shared/protocol/pay';
import { syncLedger, syncMarginMs } from '../../server/pay/ledger-sync';
import { outputReport, outputRowFor, spansOf } from '../../server/pay/output';
import { medianOf, packResponses, unpackResponses } from '../../server/pay/responses';
import { createDatabase, migrateToLatest } from '../../server/store/database';
import type { Database } from '../../server/store/schema';
import { tempDir } from '../support/hub-client';

const zone = defaultTimeZone;
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The middle one, or the mean of the middle two rounded half up: what SQLite's `median()` gave, made whole. */
function plainMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >>> 1;
  const upper = s[mid] ?? 0;
  return s.length % 2 === 1 ? upper : Math.floor(((s[mid - 1] ?? 0) + upper + 1) / 2);
}

interface Plain {
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

/**
 * The report's figures computed the straightforward way, from the facts, by
 * the definitions the report had before its summary: what it must still give.
 */
async function direct(db: Kysely<Database>, orgId: number, from: string, to: string) {
  const { start, end } = instantRange(from, to, zone);
  const within = (at: number | null) => at !== null && at >= start && at < end;
  const per = new Map<number, Plain>();
  const at = (id: number): Plain => {
    let p = per.get(id);
    if (!p) {
      p = {
        tickets: 0,
        responses: [],
        csatCount: 0,
        csatSum: 0,
        liveMinutes: 0,
        orders: 0,
        gmvFen: 0,
        workedMs: 0,
        earningsFen: 0,
      };
      per.set(id, p);
    }
    return p;
  };
  const dayTotals = new Map<string, { tickets: number; gmvFen: number; earningsFen: number }>(
    daysBetween(from, to).map((d) => [d, { tickets: 0, gmvFen: 0, earningsFen: 0 }]),
  );
  const tickets = await db.selectFrom('tickets').selectAll().where('org_id', '=', orgId).execute();
  for (const t of tickets) {
    if (t.assignee_id === null) continue;
    if (within(t.resolved_at) && t.resolved_at !== null) {
      const p = at(t.assignee_id);
      p.tickets += 1;
      if (t.first_response_at !== null) p.responses.push(t.first_response_at - t.created_at);
      const d = dayTotals.get(dayKeyOf(t.resolved_at, zone));
      if (d) d.tickets += 1;
    }
    if (within(t.csat_at) && t.csat_score !== null) {
      const p = at(t.assignee_id);
      p.csatCount += 1;
      p.csatSum += t.csat_score;
    }
  }
  const broadcasts = await db
    .selectFrom('live_broadcasts as b')
    .innerJoin('live_rooms as r', 'r.id', 'b.room_id')
    .select(['b.id', 'b.status', 'b.started_at', 'b.ended_at', 'r.anchor_id'])
    .where('b.org_id', '=', orgId)
    .execute();
  const anchorOf = new Map(broadcasts.map((b) => [b.id, b.anchor_id]));
  for (const b of broadcasts) {
    if (b.status !== 'ended' || b.ended_at === null || !within(b.started_at)) continue;
    at(b.anchor_id).liveMinutes += Math.floor((b.ended_at - b.started_at + 30_000) / minute);
  }
  const orders = await db.selectFrom('live_orders').selectAll().where('org_id', '=', orgId).execute();
  for (const o of orders) {
    if (!within(o.created_at)) continue;
    const gmv = o.refunded_at === null ? o.total_fen : 0;
    const p = at(anchorOf.get(o.broadcast_id) ?? 0);
    p.orders += 1;
    p.gmvFen += gmv;
    const d = dayTotals.get(dayKeyOf(o.created_at, zone));
    if (d) d.gmvFen += gmv;
  }
  const shifts = await db.selectFrom('shifts').selectAll().where('org_id', '=', orgId).execute();
  for (const s of shifts) {
    if (s.ended_at !== null && s.day_key >= from && s.day_key < to) at(s.user_id).workedMs += s.worked_ms;
  }
  const ledger = await db.selectFrom('earnings_ledger').selectAll().where('org_id', '=', orgId).execute();
  for (const e of ledger) {
    if (e.day_key < from || e.day_key >= to) continue;
    at(e.user_id).earningsFen += e.amount_fen;
    const d = dayTotals.get(e.day_key);
    if (d) d.earningsFen += e.amount_fen;
  }
  return { per, dayTotals };
}

const csatAverage = (count: number, sum: number) =>
  count === 0 ? null : Math.floor((sum * 100) / count + 0.5);

function expectRow(row: OutputRow, p: Plain | undefined) {
  expect({
    ticketsResolved: row.ticketsResolved,
    firstResponseMedianMs: row.firstResponseMedianMs,
    csatCount: row.csatCount,
    csatAverage: row.csatAverage,
    liveMinutes: row.liveMinutes,
    orders: row.orders,
    gmvFen: row.gmvFen,
    workedMs: row.workedMs,
    earningsFen: row.earningsFen,
  }).toEqual({
    ticketsResolved: p?.tickets ?? 0,
    firstResponseMedianMs: plainMedian(p?.responses ?? []),
    csatCount: p?.csatCount ?? 0,
    csatAverage: csatAverage(p?.csatCount ?? 0, p?.csatSum ?? 0),
    liveMinutes: p?.liveMinutes ?? 0,
    orders: p?.orders ?? 0,
    gmvFen: p?.gmvFen ?? 0,
    workedMs: p?.workedMs ?? 0,
    earningsFen: p?.earningsFen ?? 0,
  });
}

async function expectExact(db: Kysely<Database>, orgId: number, report: OutputReport, teamIds?: number[]) {
  const { per, dayTotals } = await direct(db, orgId, report.from, report.to);
  for (const row of report.rows) expectRow(row, per.get(row.user.id));
  const ids = report.rows.map((r) => r.user.id);
  const all = ids.flatMap((id) => per.get(id)?.responses ?? []);
  expect(report.totals.firstResponseMedianMs).toBe(plainMedian(all));
  expect(report.totals.ticketsResolved).toBe(ids.reduce((n, id) => n + (per.get(id)?.tickets ?? 0), 0));
  expect(report.totals.earningsFen).toBe(ids.reduce((n, id) => n + (per.get(id)?.earningsFen ?? 0), 0));
  for (const t of report.teams) {
    const members = report.rows.filter((r) => (r.team?.id ?? null) === (t.team?.id ?? null));
    const values = members.flatMap((m) => per.get(m.user.id)?.responses ?? []);
    expect(t.totals.firstResponseMedianMs).toBe(plainMedian(values));
    expect(t.totals.gmvFen).toBe(members.reduce((n, m) => n + (per.get(m.user.id)?.gmvFen ?? 0), 0));
  }
  if (teamIds === undefined) {
    // Without a team the day series is the whole organisation's (any assignee, every order, every entry).
    expect(report.days).toEqual(
      [...dayTotals].map(([d, v]) => ({
        day: d,
        ticketsResolved: v.tickets,
        gmvFen: v.gmvFen,
        earningsFen: v.earningsFen,
      })),
    );
  } else {
    const series = report.days.map((d) => d.ticketsResolved).reduce((a, b) => a + b, 0);
    expect(series).toBe(report.totals.ticketsResolved);
  }
}

describe('the output summary', () => {
  const dir = tempDir('wings-output-summary-');
  let db: Kysely<Database>;
  const random = prng(7);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  // Noon, a fixed day: the facts span three calendar months before it.
  const today = '2026-03-10';
  let now = startOfDay(today, zone) + 12 * hour;
  const first = '2026-01-05';
  const orgId = 1;
  const agents: number[] = [];
  const anchors: number[] = [];
  let supervisor = 0;
  let teamA = 0;
  let ticketNumber = 0;
  const rooms = new Map<number, number>();
  let product = 0;
  let viewer = 0;

  async function addTicket(
    assignee: number | null,
    created: number,
    opts: { resolved?: number | null; replied?: number | null; csat?: { at: number; score: number } | null },
  ) {
    ticketNumber += 1;
    const row = await db
      .insertInto('tickets')
      .values({
        org_id: orgId,
        number: ticketNumber,
        customer_id: 1,
        order_id: null,
        order_ref: null,
        subject: 'where is my parcel',
        status: opts.resolved == null ? 'open' : 'resolved',
        assignee_id: assignee,
        assigned_at: assignee === null ? null : created,
        snoozed_until: null,
        first_response_at: opts.replied ?? null,
        resolved_at: opts.resolved ?? null,
        sla_paused_since: null,
        last_customer_at: created,
        csat_score: opts.csat?.score ?? null,
        csat_comment: null,
        csat_at: opts.csat?.at ?? null,
        created_at: created,
        updated_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function addBroadcast(
    anchor: number,
    started: number,
    minutes: number,
    orders: { at: number; fen: number; refunded: number | null }[],
  ) {
    const b = await db
      .insertInto('live_broadcasts')
      .values({
        org_id: orgId,
        room_id: rooms.get(anchor) ?? 0,
        title: 'live',
        status: 'ended',
        started_at: started,
        ended_at: started + minutes * minute + int(0, 59) * 1000,
        pinned_product_id: null,
        pinned_comment_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (const o of orders) {
      const row = await db
        .insertInto('live_orders')
        .values({
          org_id: orgId,
          broadcast_id: b.id,
          product_id: product,
          viewer_id: viewer,
          flash_sale_id: null,
          quantity: 1,
          unit_price_fen: o.fen,
          total_fen: o.fen,
          command_id: `order-${b.id}-${ids.length}`,
          created_at: o.at,
          refunded_at: o.refunded,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    return ids;
  }

  async function addShift(user: number, started: number, workedMs: number) {
    await db
      .insertInto('shifts')
      .values({
        org_id: orgId,
        user_id: user,
        shift_key: `shift-${user}-${started}`,
        started_at: started,
        ended_at: started + workedMs + 15 * minute,
        day_key: dayKeyOf(started, zone),
        worked_ms: workedMs,
        break_ms: 15 * minute,
      })
      .execute();
  }

  const report = (from: string, to: string, teamId?: number) =>
    outputReport(db, orgId, { from, to, ...(teamId === undefined ? {} : { teamId }) });

  beforeAll(async () => {
    db = createDatabase({ kind: 'sqlite', file: join(dir, 'hub.sqlite') });
    await migrateToLatest(db);
    const founded = startOfDay('2025-12-01', zone);
    await db
      .insertInto('organisations')
      .values({ id: orgId, name: 'Kumquat Farm', created_at: founded })
      .execute();
    await db
      .insertInto('pay_settings')
      .values({ org_id: orgId, time_zone: zone, updated_at: founded })
      .execute();
    const user = async (name: string, role: 'agent' | 'anchor' | 'supervisor') => {
      const u = await db
        .insertInto('users')
        .values({
          org_id: orgId,
          username: name,
          display_name: name,
          password_hash: 'x',
          created_at: founded,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('user_roles').values({ user_id: u.id, role }).execute();
      return u.id;
    };
    for (let i = 0; i < 4; i++) agents.push(await user(`agent${i}`, 'agent'));
    for (let i = 0; i < 2; i++) anchors.push(await user(`anchor${i}`, 'anchor'));
    supervisor = await user('boss', 'supervisor');
    const team = async (name: string) =>
      (
        await db
          .insertInto('teams')
          .values({ org_id: orgId, name, created_at: founded })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    teamA = await team('A');
    const teamB = await team('B');
    for (const [i, id] of [...agents, ...anchors].entries()) {
      // The last agent is in no team.
      if (i === 3) continue;
      await db
        .insertInto('team_members')
        .values({ user_id: id, team_id: i % 2 === 0 ? teamA : teamB })
        .execute();
    }
    await db
      .insertInto('pay_rules')
      .values({
        org_id: orgId,
        user_id: 0,
        effective_from: '2025-01-01',
        hourly_fen: 2000,
        per_ticket_fen: 150,
        csat_bonus_fen: 100,
        csat_min_score: 4,
        live_hour_fen: 3000,
        commission_bp: 500,
        author_id: null,
        created_at: founded,
      })
      .execute();
    await db
      .insertInto('customers')
      .values({
        org_id: orgId,
        name: 'c',
        locale: 'zh-CN',
        phone: null,
        email: null,
        city: null,
        created_at: founded,
      })
      .execute();
    product = (
      await db
        .insertInto('products')
        .values({
          org_id: orgId,
          sku: 'P',
          name: 'tea',
          description: '',
          price_fen: 6800,
          stock: 99,
          created_at: founded,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    for (const a of anchors) {
      const room = await db
        .insertInto('live_rooms')
        .values({ org_id: orgId, slug: `room-${a}`, anchor_id: a, created_at: founded })
        .returning('id')
        .executeTakeFirstOrThrow();
      rooms.set(a, room.id);
      viewer = (
        await db
          .insertInto('live_viewers')
          .values({
            org_id: orgId,
            room_id: room.id,
            nickname: 'v',
            token_hash: `t${a}`,
            created_at: founded,
            last_seen_at: founded,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }

    // Facts over the days before today: tickets (some never answered, some unresolved, ratings a day
    // or two later, some assigned to the supervisor), shifts, broadcasts and orders (some refunded).
    for (const d of daysBetween(first, today)) {
      const dayStart = startOfDay(d, zone);
      for (const a of agents) {
        if (random() < 0.2) continue;
        await addShift(a, dayStart + int(7, 10) * hour, int(3, 6) * hour + int(0, 59) * minute);
        for (let k = int(0, 5); k > 0; k--) {
          // Late evening tickets resolve after midnight: on the next day.
          const created = dayStart + int(8, 23) * hour + int(0, 3599) * 1000;
          const replied = random() < 0.15 ? null : created + int(5, 1800) * 1000;
          const resolved = random() < 0.1 ? null : (replied ?? created) + int(60, 7200) * 1000;
          const csat =
            resolved !== null && random() < 0.5
              ? { at: resolved + int(0, 60) * hour, score: int(1, 5) }
              : null;
          await addTicket(random() < 0.05 ? supervisor : a, created, {
            resolved,
            replied,
            csat: csat && csat.at < now ? csat : null,
          });
        }
      }
      for (const a of anchors) {
        if (random() < 0.4) continue;
        const started = dayStart + int(13, 23) * hour;
        const orders = Array.from({ length: int(0, 4) }, () => {
          const at = started + int(1, 50) * minute;
          const refunded = random() < 0.2 ? at + int(1, 48) * hour : null;
          return {
            at,
            fen: int(1, 300) * 100,
            refunded: refunded !== null && refunded < now ? refunded : null,
          };
        });
        await addBroadcast(a, started, int(20, 90), orders);
      }
    }
    await syncLedger(db, orgId, now);
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('packs first responses and takes the median SQLite took', () => {
    for (let n = 0; n < 60; n++) {
      // Ties, gaps past a varint byte, one stamped before its ticket, one past 2^31 ms.
      const values = Array.from(
        { length: n },
        () => int(0, 20) * 997 + (random() < 0.1 ? int(-5, 2 ** 32) : 0),
      );
      expect(unpackResponses(packResponses(values))).toEqual(Float64Array.from(values).sort());
      expect(medianOf(Float64Array.from(values))).toBe(plainMedian(values));
    }
  });

  it('splits a range into whole months, days added and days taken away', () => {
    expect(spansOf('2026-01-05', '2026-03-11')).toEqual({
      months: ['2026-01', '2026-02'],
      days: [{ from: '2026-03-01', to: '2026-03-11' }],
      minus: [{ from: '2026-01-01', to: '2026-01-05' }],
    });
    expect(spansOf('2026-02-01', '2026-03-01')).toEqual({ months: ['2026-02'], days: [], minus: [] });
    expect(spansOf('2026-02-03', '2026-02-10')).toEqual({
      months: [],
      days: [{ from: '2026-02-03', to: '2026-02-10' }],
      minus: [],
    });
    expect(spansOf('2026-02-02', '2026-02-27')).toEqual({
      months: ['2026-02'],
      days: [],
      minus: [
        { from: '2026-02-01', to: '2026-02-02' },
        { from: '2026-02-27', to: '2026-03-01' },
      ],
    });
  });

  it('gives exactly what the facts give, over whole months, parts of months, a team and one worker', async () => {
    const ranges: [string, string][] = [
      [first, addDays(today, 1)],
      [monthStart('2026-02'), monthStart('2026-03')],
      ['2026-01-20', '2026-02-14'],
      [today, addDays(today, 1)],
      // Months less a few days, at one end and at both.
      ['2026-01-03', '2026-02-27'],
      ['2026-02-02', '2026-02-27'],
    ];
    for (const [from, to] of ranges) await expectExact(db, orgId, await report(from, to));
    await expectExact(db, orgId, await report(first, addDays(today, 1), teamA), [teamA]);
    await expectExact(db, orgId, await report('2026-02-02', '2026-02-27', teamA), [teamA]);
    for (const [from, to] of [
      ['2026-01-20', '2026-02-14'],
      ['2026-02-02', '2026-02-27'],
    ] as const) {
      const { per } = await direct(db, orgId, from, to);
      const mine = await outputRowFor(db, orgId, agents[0] ?? 0, from, to);
      if (!mine) throw new Error('no row');
      expectRow(mine, per.get(agents[0] ?? 0));
    }
  });

  it('stays exact after late ratings, a refund, a reopened ticket, a rebuilt shift and a ticket across the margin', async () => {
    const agent = agents[1] ?? 0;
    const anchor = anchors[0] ?? 0;
    const resolvedEarlier = startOfDay('2026-02-03', zone) + 15 * hour;
    // Resolved weeks ago, rated only now: counted on the rating's day, the resolution's day unchanged.
    const rated = await addTicket(agent, resolvedEarlier - hour, {
      resolved: resolvedEarlier,
      replied: resolvedEarlier - 50 * minute,
    });
    await syncLedger(db, orgId, now);
    now += 2 * day;
    await db
      .updateTable('tickets')
      .set({ csat_score: 5, csat_at: now - hour })
      .where('id', '=', rated)
      .execute();
    // A refund today of an order placed in January: January's GMV drops.
    const [order] = await addBroadcast(anchor, startOfDay('2026-01-12', zone) + 14 * hour, 60, [
      { at: startOfDay('2026-01-12', zone) + 14 * hour + 10 * minute, fen: 9900, refunded: null },
    ]);
    await db.updateTable('live_broadcasts').set({ status: 'ended' }).where('org_id', '=', orgId).execute();
    await syncLedger(db, orgId, now);
    await db
      .updateTable('live_orders')
      .set({ refunded_at: now - minute })
      .where('id', '=', order ?? 0)
      .execute();
    // A ticket resolved in February, reopened now: February no longer counts it.
    const reopened = await db
      .selectFrom('tickets')
      .select('id')
      .where('org_id', '=', orgId)
      .where('resolved_at', '>=', startOfDay('2026-02-10', zone))
      .where('assignee_id', '=', agent)
      .orderBy('resolved_at')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('tickets')
      .set({ resolved_at: null, status: 'open', updated_at: now })
      .where('id', '=', reopened.id)
      .execute();
    // A late clock event merges a January shift away.
    const shift = await db
      .selectFrom('shifts')
      .select('id')
      .where('user_id', '=', agent)
      .where('day_key', '=', '2026-01-15')
      .executeTakeFirst();
    if (shift) await db.deleteFrom('shifts').where('id', '=', shift.id).execute();
    // Stamped a moment before the last sync, committed after it: the margin finds it.
    const lastSync = now;
    await syncLedger(db, orgId, lastSync);
    now += 5 * minute;
    await addTicket(agent, lastSync - 20 * minute, {
      resolved: lastSync - syncMarginMs / 2,
      replied: lastSync - 15 * minute,
    });
    await syncLedger(db, orgId, now);

    const end = addDays(dayKeyOf(now, zone), 1);
    await expectExact(db, orgId, await report(first, end));
    await expectExact(db, orgId, await report('2026-01-01', '2026-02-01'));
    await expectExact(db, orgId, await report('2026-02-02', monthStart(monthKeyOf(end))));
    await expectExact(db, orgId, await report(first, end, teamA), [teamA]);
    // Nothing is left to count again.
    expect(await db.selectFrom('output_dirty').select('id').execute()).toEqual([]);
  });
});
