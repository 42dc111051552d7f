import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import { dayKeyOf } from '../../shared/domain/calendar';
import {
  commissionAmount,
  csatAmount,
  type EntryAmount,
  hoursAmount,
  liveAmount,
  refundAmount,
  ticketAmount,
} from '../../shared/domain/pay/earnings';
import { type PayRates, ruleInForce } from '../../shared/domain/pay/rules';
import type { Database, EarningsLedgerTable } from '../store/schema';
import { syncOutputSummary } from './output-days';
import { loadRules, type RuleRow } from './rules-store';
import { orgTimeZone } from './settings';

/**
 * The earnings ledger is derived from facts: ended shifts, resolved tickets,
 * ratings, ended broadcasts, live orders and their refunds. `syncLedger`
 * posts what is missing and nothing twice: every entry is keyed by
 * (organisation, source, revision), and an insert that meets its key does
 * nothing. It reads only what changed since its last run (the watermark in
 * `ledger_sync`) minus a safety margin, so a dashboard read over a year of
 * data does not rescan the year; the margin covers a fact stamped a moment
 * before it was committed. Each fact is priced by the rule in force on its
 * own day (a new version only takes effect today or later, so a price once
 * posted stays right).
 *
 * Run it inside the write queue (`WriteQueue.run`), before reading earnings.
 */
export const syncMarginMs = 10 * 60_000;

const chunk = 5_000;
const insertBatch = 400;

type NewEntry = Insertable<EarningsLedgerTable>;

export interface SyncContext {
  db: Kysely<Database>;
  orgId: number;
  now: number;
  timeZone: string;
  rules: RuleRow[];
  /** The zone's day of an instant, remembered per quarter hour: Intl is slow, a first sync asks a million times. */
  dayOf(ms: number): string;
}

/** Every zone's offset is a multiple of 15 minutes, so a quarter hour never straddles two of its days. */
const quarterHour = 15 * 60_000;

function dayCache(timeZone: string): (ms: number) => string {
  const days = new Map<number, string>();
  return (ms) => {
    const bucket = Math.floor(ms / quarterHour);
    let day = days.get(bucket);
    if (day === undefined) {
      day = dayKeyOf(bucket * quarterHour, timeZone);
      days.set(bucket, day);
    }
    return day;
  };
}

/** Rates of the rule in force for that worker on that day, or null (nothing earned without a rule). */
function ratesFor(ctx: SyncContext, userId: number, day: string): { rates: PayRates; ruleId: number } | null {
  const rule = ruleInForce(ctx.rules, userId, day);
  return rule ? { rates: rule.rates, ruleId: rule.id } : null;
}

class Poster {
  private rows: NewEntry[] = [];
  posted = 0;

  constructor(private readonly ctx: SyncContext) {}

  add(
    userId: number,
    sourceKey: string,
    revision: number,
    amount: EntryAmount,
    ruleId: number | null,
    occurredAt: number,
    day: string,
  ): void {
    this.rows.push({
      org_id: this.ctx.orgId,
      user_id: userId,
      kind: amount.kind,
      source_key: sourceKey,
      revision,
      quantity: amount.quantity,
      rate: amount.rate,
      amount_fen: amount.amountFen,
      rule_id: ruleId,
      occurred_at: occurredAt,
      day_key: day,
      reason: null,
      author_id: null,
      created_at: this.ctx.now,
    });
  }

  async flushIfFull(): Promise<void> {
    if (this.rows.length >= insertBatch) await this.flush();
  }

  async flush(): Promise<void> {
    while (this.rows.length > 0) {
      const batch = this.rows.splice(0, insertBatch);
      const result = await this.ctx.db
        .insertInto('earnings_ledger')
        .values(batch)
        .onConflict((oc) => oc.columns(['org_id', 'source_key', 'revision']).doNothing())
        .executeTakeFirst();
      this.posted += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
  }
}

/** Pages through rows by (time, id) after `since`, `chunk` at a time, so a first sync over a year holds one page. */
async function eachPage<T extends { at: number; id: number }>(
  fetch: (after: { at: number; id: number }) => Promise<T[]>,
  since: number,
  visit: (rows: T[]) => Promise<void>,
): Promise<void> {
  let after = { at: since, id: 0 };
  for (;;) {
    const rows = await fetch(after);
    if (rows.length === 0) return;
    await visit(rows);
    const last = rows[rows.length - 1];
    if (!last || rows.length < chunk) return;
    after = { at: last.at, id: last.id };
  }
}

interface Paid {
  source_key: string;
  quantity: number;
  amount: number;
  revision: number;
  occurred_at: number;
  day_key: string;
}

/**
 * A worker's hours entries summed per source (shift), in JS: asked of SQLite
 * as a GROUP BY, its planner reads the (org, source) unique index to skip the
 * sort, which is every entry of the organisation, for each worker.
 */
function paidPerSource(rows: readonly (Omit<Paid, 'amount'> & { amount_fen: number })[]): Paid[] {
  const bySource = new Map<string, Paid>();
  for (const r of rows) {
    const p = bySource.get(r.source_key);
    if (!p) {
      bySource.set(r.source_key, {
        source_key: r.source_key,
        quantity: r.quantity,
        amount: r.amount_fen,
        revision: r.revision,
        occurred_at: r.occurred_at,
        day_key: r.day_key,
      });
      continue;
    }
    p.quantity += r.quantity;
    p.amount += r.amount_fen;
    p.revision = Math.max(p.revision, r.revision);
    p.occurred_at = Math.min(p.occurred_at, r.occurred_at);
    if (r.day_key < p.day_key) p.day_key = r.day_key;
  }
  return [...bySource.values()];
}

async function syncShifts(ctx: SyncContext, poster: Poster, since: number): Promise<void> {
  const { db, orgId } = ctx;
  // Worked time changes only when a clock event lands or a supervisor edits a shift: those workers are rechecked whole.
  let users: number[];
  if (since === 0) {
    users = (
      await db.selectFrom('shifts').select('user_id').distinct().where('org_id', '=', orgId).execute()
    ).map((r) => r.user_id);
  } else {
    const [events, overrides] = await Promise.all([
      db
        .selectFrom('clock_events')
        .select('user_id')
        .distinct()
        .where('org_id', '=', orgId)
        .where('received_at', '>=', since)
        .execute(),
      db
        .selectFrom('shift_overrides')
        .select('user_id')
        .distinct()
        .where('org_id', '=', orgId)
        .where('created_at', '>=', since)
        .execute(),
    ]);
    users = [...new Set([...events, ...overrides].map((r) => r.user_id))];
  }
  for (const userId of users) {
    const [shifts, paid] = await Promise.all([
      db
        .selectFrom('shifts')
        .select(['shift_key', 'started_at', 'ended_at', 'day_key', 'worked_ms'])
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('ended_at', 'is not', null)
        .execute(),
      db
        .selectFrom('earnings_ledger')
        .select(['source_key', 'quantity', 'amount_fen', 'revision', 'occurred_at', 'day_key'])
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('kind', 'in', ['hours', 'adjustment'])
        .execute()
        .then(paidPerSource),
    ]);
    const paidBy = new Map(paid.map((p) => [p.source_key, p]));
    const seen = new Set<string>();
    for (const s of shifts) {
      const key = `shift:${s.shift_key}`;
      seen.add(key);
      const priced = ratesFor(ctx, userId, s.day_key);
      const target = priced ? hoursAmount(s.worked_ms, priced.rates) : null;
      const before = paidBy.get(key);
      if (!before) {
        if (target && target.amountFen !== 0) {
          poster.add(userId, key, 0, target, priced?.ruleId ?? null, s.started_at, s.day_key);
        }
        continue;
      }
      const quantity = (target?.quantity ?? 0) - Number(before.quantity);
      const amountFen = (target?.amountFen ?? 0) - Number(before.amount);
      if (quantity === 0 && amountFen === 0) continue;
      poster.add(
        userId,
        key,
        Number(before.revision) + 1,
        { kind: 'adjustment', quantity, rate: target?.rate ?? 0, amountFen },
        priced?.ruleId ?? null,
        s.started_at,
        s.day_key,
      );
    }
    // A shift that is gone (merged by a late event) or open again is paid nothing until it ends.
    for (const p of paid) {
      if (seen.has(p.source_key) || (Number(p.amount) === 0 && Number(p.quantity) === 0)) continue;
      poster.add(
        userId,
        p.source_key,
        Number(p.revision) + 1,
        { kind: 'adjustment', quantity: -Number(p.quantity), rate: 0, amountFen: -Number(p.amount) },
        null,
        Number(p.occurred_at),
        String(p.day_key),
      );
    }
    await poster.flushIfFull();
  }
}

async function syncTickets(ctx: SyncContext, poster: Poster, since: number): Promise<void> {
  const { db, orgId } = ctx;
  await eachPage(
    (after) =>
      db
        .selectFrom('tickets')
        .select(['id', 'assignee_id', 'resolved_at as at'])
        .where('org_id', '=', orgId)
        .where('resolved_at', '>=', since)
        .where('assignee_id', 'is not', null)
        .where(sql<boolean>`(resolved_at, id) > (${after.at}, ${after.id})`)
        .orderBy('resolved_at')
        .orderBy('id')
        .limit(chunk)
        .$narrowType<{ at: number; assignee_id: number }>()
        .execute(),
    since - 1,
    async (rows) => {
      for (const t of rows) {
        const day = ctx.dayOf(t.at);
        const priced = ratesFor(ctx, t.assignee_id, day);
        if (!priced || priced.rates.perTicketFen === 0) continue;
        poster.add(t.assignee_id, `ticket:${t.id}`, 0, ticketAmount(priced.rates), priced.ruleId, t.at, day);
      }
      await poster.flushIfFull();
    },
  );
}

async function syncRatings(ctx: SyncContext, poster: Poster, since: number): Promise<void> {
  const { db, orgId } = ctx;
  await eachPage(
    (after) =>
      db
        .selectFrom('tickets')
        .select(['id', 'assignee_id', 'csat_at as at', 'csat_score'])
        .where('org_id', '=', orgId)
        .where('csat_at', '>=', since)
        .where('assignee_id', 'is not', null)
        .where('csat_score', 'is not', null)
        .where(sql<boolean>`(csat_at, id) > (${after.at}, ${after.id})`)
        .orderBy('csat_at')
        .orderBy('id')
        .limit(chunk)
        .$narrowType<{ at: number; assignee_id: number; csat_score: number }>()
        .execute(),
    since - 1,
    async (rows) => {
      for (const t of rows) {
        const day = ctx.dayOf(t.at);
        const priced = ratesFor(ctx, t.assignee_id, day);
        if (!priced) continue;
        const amount = csatAmount(t.csat_score, priced.rates);
        if (amount.amountFen === 0) continue;
        poster.add(t.assignee_id, `csat:${t.id}`, 0, amount, priced.ruleId, t.at, day);
      }
      await poster.flushIfFull();
    },
  );
}

async function syncBroadcasts(ctx: SyncContext, poster: Poster, since: number): Promise<void> {
  const { db, orgId } = ctx;
  const rows = await db
    .selectFrom('live_broadcasts as b')
    .innerJoin('live_rooms as r', 'r.id', 'b.room_id')
    .select(['b.id', 'b.started_at', 'b.ended_at', 'r.anchor_id'])
    .where('b.org_id', '=', orgId)
    .where('b.status', '=', 'ended')
    .where('b.ended_at', '>=', since)
    .$narrowType<{ ended_at: number }>()
    .execute();
  for (const b of rows) {
    const day = ctx.dayOf(b.started_at);
    const priced = ratesFor(ctx, b.anchor_id, day);
    if (!priced) continue;
    const amount = liveAmount(b.ended_at - b.started_at, priced.rates);
    if (amount.amountFen === 0) continue;
    poster.add(b.anchor_id, `live:${b.id}`, 0, amount, priced.ruleId, b.started_at, day);
  }
  await poster.flushIfFull();
}

async function syncOrders(ctx: SyncContext, poster: Poster, since: number): Promise<void> {
  const { db, orgId } = ctx;
  await eachPage(
    (after) =>
      db
        .selectFrom('live_orders as o')
        .innerJoin('live_broadcasts as b', 'b.id', 'o.broadcast_id')
        .innerJoin('live_rooms as r', 'r.id', 'b.room_id')
        .select(['o.id', 'o.created_at as at', 'o.total_fen', 'r.anchor_id'])
        .where('o.org_id', '=', orgId)
        .where('o.created_at', '>=', since)
        .where(sql<boolean>`(o.created_at, o.id) > (${after.at}, ${after.id})`)
        .orderBy('o.created_at')
        .orderBy('o.id')
        .limit(chunk)
        .execute(),
    since - 1,
    async (rows) => {
      for (const o of rows) {
        const day = ctx.dayOf(o.at);
        const priced = ratesFor(ctx, o.anchor_id, day);
        if (!priced) continue;
        const amount = commissionAmount(o.total_fen, priced.rates);
        if (amount.amountFen === 0) continue;
        poster.add(o.anchor_id, `order:${o.id}`, 0, amount, priced.ruleId, o.at, day);
      }
      await poster.flushIfFull();
    },
  );
}

/**
 * The refund of one order: exactly the negative of the commission its order
 * earned (whatever the rule says now), for the same anchor, on the refund's
 * day. Null when the order earned no commission. Used by the sync and by
 * `orders.refund` in its own transaction.
 */
export async function postRefund(
  db: Kysely<Database>,
  orgId: number,
  orderId: number,
  refundedAt: number,
  now: number,
  timeZone: string,
): Promise<boolean> {
  const commission = await db
    .selectFrom('earnings_ledger')
    .select(['user_id', 'quantity', 'rate', 'amount_fen', 'rule_id'])
    .where('org_id', '=', orgId)
    .where('source_key', '=', `order:${orderId}`)
    .where('revision', '=', 0)
    .executeTakeFirst();
  if (!commission || commission.amount_fen === 0) return false;
  const amount = refundAmount({
    quantity: commission.quantity,
    rate: commission.rate,
    amountFen: commission.amount_fen,
  });
  const result = await db
    .insertInto('earnings_ledger')
    .values({
      org_id: orgId,
      user_id: commission.user_id,
      kind: 'refund',
      source_key: `refund:${orderId}`,
      revision: 0,
      quantity: amount.quantity,
      rate: amount.rate,
      amount_fen: amount.amountFen,
      rule_id: commission.rule_id,
      occurred_at: refundedAt,
      day_key: dayKeyOf(refundedAt, timeZone),
      reason: null,
      author_id: null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['org_id', 'source_key', 'revision']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

async function syncRefunds(ctx: SyncContext, poster: Poster, since: number): Promise<void> {
  await poster.flush();
  const refunds = await ctx.db
    .selectFrom('live_orders')
    .select(['id', 'refunded_at'])
    .where('org_id', '=', ctx.orgId)
    .where('refunded_at', '>=', since)
    .$narrowType<{ refunded_at: number }>()
    .execute();
  for (const r of refunds) {
    if (await postRefund(ctx.db, ctx.orgId, r.id, r.refunded_at, ctx.now, ctx.timeZone)) poster.posted += 1;
  }
}

/** Posts the organisation's missing ledger entries; answers how many it posted. Idempotent. */
export async function syncLedger(db: Kysely<Database>, orgId: number, now: number): Promise<number> {
  const [timeZone, rules, mark] = await Promise.all([
    orgTimeZone(db, orgId),
    loadRules(db, orgId),
    db
      .selectFrom('ledger_sync')
      .select(['synced_until', 'summed_ledger_id'])
      .where('org_id', '=', orgId)
      .executeTakeFirst(),
  ]);
  const since = mark ? Math.max(0, mark.synced_until - syncMarginMs) : 0;
  const ctx: SyncContext = { db, orgId, now, timeZone, rules, dayOf: dayCache(timeZone) };
  const poster = new Poster(ctx);
  await syncShifts(ctx, poster, since);
  await syncTickets(ctx, poster, since);
  await syncRatings(ctx, poster, since);
  await syncBroadcasts(ctx, poster, since);
  await syncOrders(ctx, poster, since);
  await syncRefunds(ctx, poster, since);
  await poster.flush();
  // The output report reads the summary, not the facts: it catches up on the same window.
  const summed = await syncOutputSummary(ctx, since, mark?.summed_ledger_id ?? 0);
  const watermark = { synced_until: now, summed_ledger_id: summed };
  await db
    .insertInto('ledger_sync')
    .values({ org_id: orgId, ...watermark })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(watermark))
    .execute();
  return poster.posted;
}
