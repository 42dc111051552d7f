import { createHash } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import {
  addDays,
  addMonths,
  dayKeyOf,
  defaultTimeZone,
  isoWeekday,
  monthKeyOf,
  startOfDay,
  weekStartOf,
} from '../../shared/domain/calendar';
import { idCheckCharacter, kindDigit } from '../../shared/domain/quota/certificate';
import { ticketEventSchema, type TicketEvent } from '../../shared/protocol/tickets';
import { createUser } from '../auth/users';
import { syncLedger } from '../pay/ledger-sync';
import { sealCertificate } from '../quota/certificate-store';
import type { QuotaDeps } from '../quota/deps';
import { rebuildShifts } from '../shifts/rebuild';
import type { Database } from '../store/schema';
import { indexMessages, indexTicketHeaders } from '../tickets/search-index';
import { demoCustomers } from './data';
import {
  demoBroadcastPlan,
  demoCities,
  demoCsatComments,
  demoDisability,
  demoEnglishCustomers,
  demoGivenNames,
  demoHistoryDays,
  demoNicknames,
  demoPayRules,
  demoShiftsSeed,
  demoSurnames,
  demoTeams,
  demoTimesheetReturn,
  demoTopicsEn,
  demoTopicsZh,
  demoWorkers,
  type DemoSession,
  type DemoTopic,
  type DemoWorker,
} from './shifts-data';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;
const timeZone = defaultTimeZone;

/** What `seedDemo` has written that this part refers to. */
export interface DemoShiftsContext {
  orgId: number;
  now: number;
  /** The demo sign-ins by username (agent, anchor, employer). */
  users: ReadonlyMap<string, { id: number; displayName: string }>;
  passwordHash: string;
  products: ReadonlyMap<string, { id: number; priceFen: number }>;
  /** The hub's records key (server/quota): the certificate numbers are sealed with it. */
  recordsKey: QuotaDeps['recordsKey'];
}

/** Mulberry32: small, fast and the same on every machine, so a seed value gives the same demo. */
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

class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('picked from nothing');
    return item;
  }
  bytes(): Uint8Array {
    return Uint8Array.from({ length: 16 }, () => Math.floor(this.next() * 256));
  }
  /** A UUIDv7 at `at`, as the workstation would have made for a command sent then. */
  commandId(at: number): string {
    return uuidv7({ msecs: at, random: this.bytes() });
  }
  uuid(): string {
    return uuidv4({ random: this.bytes() });
  }
}

/** Multi-row inserts of at most this many rows: SQLite's bound-parameter limit, with room for wide rows. */
const batchRows = 400;

async function insertBatched<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchRows) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + batchRows) as Insertable<Database[T]>[])
      .execute();
  }
}

/** A worked session as it happened: the clock-in, its breaks, the clock-out. */
interface Session {
  start: number;
  end: number;
  breaks: { start: number; end: number; reason: DemoSession['breaks'][number]['reason'] }[];
}

interface WorkerRow {
  spec: DemoWorker;
  id: number;
  displayName: string;
  sessions: Session[];
}

/** The worker's working spans between its breaks: where tickets and broadcasts fit. */
function workingSpans(s: Session): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let at = s.start;
  for (const b of s.breaks) {
    spans.push({ start: at, end: b.start });
    at = b.end;
  }
  spans.push({ start: at, end: s.end });
  return spans;
}

/** Six months of sessions, counted back from the seeding day; today's only when already over. */
function planSessions(spec: DemoWorker, dice: Dice, now: number, forgotten: string | null): Session[] {
  const today = dayKeyOf(now, timeZone);
  const first = addDays(today, -Math.min(demoHistoryDays, spec.joinedDaysAgo));
  const sessions: Session[] = [];
  for (let day = first; day <= today; day = addDays(day, 1)) {
    if (!spec.weekdays.includes(isoWeekday(day))) continue;
    if (day !== forgotten && dice.chance(spec.absence)) continue;
    const midnight = startOfDay(day, timeZone);
    for (const [i, plan] of spec.sessions.entries()) {
      const start = midnight + (plan.start + dice.int(-8, 8)) * minuteMs + dice.int(0, 59) * 1000;
      const breaks = plan.breaks.map((b) => {
        // Never earlier than planned: an anchor's break comes after her broadcast.
        const at = start + (b.after + dice.int(0, 6)) * minuteMs + dice.int(0, 59) * 1000;
        return { start: at, end: at + (b.minutes + dice.int(-3, 5)) * minuteMs, reason: b.reason };
      });
      const lastBreakEnd = breaks.at(-1)?.end ?? start;
      let end = start + (plan.minutes + dice.int(-6, 10)) * minuteMs + dice.int(0, 59) * 1000;
      // The day the worker forgot to clock out of the last session until late at night.
      if (day === forgotten && i === spec.sessions.length - 1) end = midnight + (23 * 60 + 12) * minuteMs;
      end = Math.max(end, lastBreakEnd + 20 * minuteMs);
      if (end > now - 5 * minuteMs) continue;
      sessions.push({ start, end, breaks });
    }
  }
  return sessions;
}

/**
 * The workstation's records of the sessions: one device per worker (韦秀兰's
 * replaced halfway, so her counters start again on the new one), the
 * workstation's measured skew, and the days a weak signal held events until
 * the next morning.
 */
function clockEvents(
  ctx: DemoShiftsContext,
  w: WorkerRow,
  dice: Dice,
): { rows: Insertable<Database['clock_events']>[]; lastOut: number | null } {
  const rows: Insertable<Database['clock_events']>[] = [];
  let device = dice.uuid();
  let counter = 0;
  const half = Math.floor(w.sessions.length / 2);
  for (const [i, s] of w.sessions.entries()) {
    if (w.spec.username === 'agent' && i === half) {
      device = dice.uuid();
      counter = 0;
    }
    const held = w.spec.offlineDays !== undefined && dice.chance(w.spec.offlineDays);
    const skew = dice.int(-900, 900);
    const morning = startOfDay(addDays(dayKeyOf(s.start, timeZone), 1), timeZone) + 8 * hourMs;
    const received = (at: number) =>
      Math.min(ctx.now - minuteMs, held ? Math.max(morning, at + minuteMs) : at + dice.int(80, 900));
    const event = (kind: 'in' | 'break_start' | 'break_end' | 'out', at: number, reason: string | null) => {
      counter += 1;
      rows.push({
        org_id: ctx.orgId,
        user_id: w.id,
        command_id: dice.commandId(at),
        device_id: device,
        counter,
        kind,
        device_at: at,
        received_at: received(at),
        device_skew_ms: skew,
        break_reason: reason,
        flags: '[]',
        ignored_reason: null,
      });
    };
    event('in', s.start, null);
    for (const b of s.breaks) {
      event('break_start', b.start, b.reason);
      event('break_end', b.end, null);
    }
    event('out', s.end, null);
  }
  return { rows, lastOut: w.sessions.at(-1)?.end ?? null };
}

interface Customer {
  id: number;
  name: string;
  locale: 'zh-CN' | 'en';
}

async function seedCustomers(db: Kysely<Database>, ctx: DemoShiftsContext, dice: Dice): Promise<Customer[]> {
  const since = ctx.now - (demoHistoryDays + 30) * dayMs;
  const rows: Insertable<Database['customers']>[] = [];
  const names = new Set<string>();
  // Never a name of the queue's own customers (server/demo/data.ts): each name is one person.
  const taken = new Set(demoCustomers.map((c) => c.name));
  while (names.size < 220) {
    const name = dice.pick(demoSurnames) + dice.pick(demoGivenNames);
    if (!taken.has(name)) names.add(name);
  }
  for (const name of names) {
    rows.push({
      org_id: ctx.orgId,
      name,
      locale: 'zh-CN',
      phone: `1${dice.pick(['3', '5', '8'])}${String(dice.int(0, 999_999_999)).padStart(9, '0')}`,
      email: null,
      city: dice.pick(demoCities),
      created_at: since + dice.int(0, 30) * dayMs,
    });
  }
  for (const name of demoEnglishCustomers) {
    rows.push({
      org_id: ctx.orgId,
      name,
      locale: 'en',
      phone: null,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
      city: dice.pick(['Shanghai', 'Beijing', 'Shenzhen', 'Hong Kong', 'Guangzhou']),
      created_at: since + dice.int(0, 30) * dayMs,
    });
  }
  const out: Customer[] = [];
  for (let i = 0; i < rows.length; i += batchRows) {
    const chunk = rows.slice(i, i + batchRows);
    const ids = await db.insertInto('customers').values(chunk).returning(['id', 'name', 'locale']).execute();
    for (const r of ids) out.push({ id: r.id, name: r.name, locale: r.locale === 'en' ? 'en' : 'zh-CN' });
  }
  return out;
}

function csatScore(dice: Dice): 1 | 2 | 3 | 4 | 5 {
  const x = dice.float();
  if (x < 0.62) return 5;
  if (x < 0.87) return 4;
  if (x < 0.95) return 3;
  if (x < 0.98) return 2;
  return 1;
}

interface HistoricTicket {
  agent: WorkerRow;
  customer: Customer;
  topic: DemoTopic;
  createdAt: number;
  assignedAt: number;
  repliedAt: number;
  resolvedAt: number;
  csat: { score: number; comment: string | null; at: number } | null;
}

function planTickets(ctx: DemoShiftsContext, agents: WorkerRow[], customers: Customer[], dice: Dice) {
  const zh = customers.filter((c) => c.locale === 'zh-CN');
  const en = customers.filter((c) => c.locale === 'en');
  const tickets: HistoricTicket[] = [];
  for (const agent of agents) {
    const rate = agent.spec.ticketsPerHour ?? 0;
    const replyMax = agent.spec.firstReplyMaxMinutes ?? 10;
    for (const s of agent.sessions) {
      for (const span of workingSpans(s)) {
        const hours = (span.end - span.start) / hourMs;
        const count = Math.max(0, Math.round(hours * rate * dice.between(0.7, 1.3)));
        for (let i = 0; i < count; i++) {
          const english = dice.chance(0.15);
          const customer = dice.pick(english ? en : zh);
          const topic = dice.pick(english ? demoTopicsEn : demoTopicsZh);
          const assignedAt = Math.floor(dice.between(span.start, span.end - 10 * minuteMs));
          if (assignedAt <= span.start) continue;
          const createdAt = assignedAt - dice.int(5, 240) * 1000;
          const repliedAt = assignedAt + Math.floor(dice.between(0.5, replyMax) * minuteMs);
          const resolvedAt = Math.min(s.end - 30_000, repliedAt + Math.floor(dice.between(3, 30) * minuteMs));
          if (resolvedAt <= repliedAt) continue;
          let csat: HistoricTicket['csat'] = null;
          if (dice.chance(0.55)) {
            const at = resolvedAt + Math.floor(dice.between(1, 180) * minuteMs);
            if (at < ctx.now) {
              const score = csatScore(dice);
              const said = demoCsatComments[score] ?? [];
              const comment = dice.chance(0.25) && said.length > 0 ? dice.pick(said) : null;
              csat = { score, comment, at };
            }
          }
          tickets.push({ agent, customer, topic, createdAt, assignedAt, repliedAt, resolvedAt, csat });
        }
      }
    }
  }
  return tickets.sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Six months of resolved tickets, written as the hub would have: created,
 * assigned, answered, resolved and often rated, by customers of their own
 * (the queue's tickets keep the customers of server/demo/data.ts). Then
 * every ticket of the organisation is numbered by when it was opened, so
 * numbers rise with time as the hub would have given them.
 */
async function seedTickets(db: Kysely<Database>, ctx: DemoShiftsContext, planned: HistoricTicket[]) {
  // Written above every number in use, then the whole organisation is numbered again by time.
  const above = 10_000_000;
  const rows: Insertable<Database['tickets']>[] = planned.map((t, i) => ({
    org_id: ctx.orgId,
    number: above + i + 1,
    customer_id: t.customer.id,
    order_id: null,
    order_ref: null,
    subject: t.topic.subject,
    status: 'resolved',
    priority: 'normal',
    tags: JSON.stringify(t.topic.tags),
    assignee_id: t.agent.id,
    assigned_at: t.assignedAt,
    answered: 1,
    snoozed_until: null,
    first_response_at: t.repliedAt,
    resolved_at: t.resolvedAt,
    sla_paused_ms: 0,
    // Resolved stops the resolution clock, as the hub keeps it.
    sla_paused_since: t.resolvedAt,
    last_seq: t.csat ? 6 : 5,
    last_public_seq: 5,
    customer_messages: 1,
    last_customer_at: t.createdAt,
    csat_score: t.csat?.score ?? null,
    csat_comment: t.csat?.comment ?? null,
    csat_at: t.csat?.at ?? null,
    created_at: t.createdAt,
    updated_at: t.csat?.at ?? t.resolvedAt,
  }));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += batchRows) {
    const written = await db
      .insertInto('tickets')
      .values(rows.slice(i, i + batchRows))
      .returning(['id', 'number'])
      .execute();
    for (const r of written) ids[r.number - above - 1] = r.id;
  }

  // Checked once per distinct event (a handful of shapes over tens of thousands of messages).
  const events = new Map<string, string>();
  const event = (e: TicketEvent): string => {
    const key = JSON.stringify(e);
    let checked = events.get(key);
    if (checked === undefined) {
      checked = JSON.stringify(ticketEventSchema.parse(e));
      events.set(key, checked);
    }
    return checked;
  };
  const messages: Insertable<Database['ticket_messages']>[] = [];
  const reads: Insertable<Database['ticket_reads']>[] = [];
  const dice = new Dice(demoShiftsSeed + 7);
  for (const [i, t] of planned.entries()) {
    const ticketId = ids[i];
    if (ticketId === undefined) throw new Error('a demo ticket was not written');
    const agent = { id: t.agent.id, displayName: t.agent.displayName };
    const base = { ticket_id: ticketId, attachment_id: null, canned_id: null };
    messages.push(
      {
        ...base,
        seq: 1,
        public_seq: 1,
        command_id: null,
        kind: 'event',
        author_kind: 'system',
        author_id: null,
        body: '',
        event: event({ type: 'created' }),
        created_at: t.createdAt,
      },
      {
        ...base,
        seq: 2,
        public_seq: 2,
        command_id: dice.commandId(t.createdAt),
        kind: 'message',
        author_kind: 'customer',
        author_id: null,
        body: t.topic.customer,
        event: null,
        created_at: t.createdAt,
      },
      {
        ...base,
        seq: 3,
        public_seq: 3,
        command_id: null,
        kind: 'event',
        author_kind: 'system',
        author_id: null,
        body: '',
        event: event({ type: 'assigned', agent, by: null }),
        created_at: t.assignedAt,
      },
      {
        ...base,
        seq: 4,
        public_seq: 4,
        command_id: dice.commandId(t.repliedAt),
        kind: 'message',
        author_kind: 'agent',
        author_id: agent.id,
        body: t.topic.reply,
        event: null,
        created_at: t.repliedAt,
      },
      {
        ...base,
        seq: 5,
        public_seq: 5,
        command_id: dice.commandId(t.resolvedAt),
        kind: 'event',
        author_kind: 'system',
        author_id: agent.id,
        body: '',
        event: event({ type: 'status', status: 'resolved', until: null }),
        created_at: t.resolvedAt,
      },
    );
    if (t.csat) {
      messages.push({
        ...base,
        seq: 6,
        public_seq: null,
        command_id: null,
        kind: 'event',
        author_kind: 'system',
        author_id: null,
        body: '',
        event: event({ type: 'rated', score: t.csat.score }),
        created_at: t.csat.at,
      });
    }
    reads.push({ ticket_id: ticketId, user_id: agent.id, read_count: 1, read_at: t.resolvedAt });
  }
  for (let i = 0; i < messages.length; i += batchRows) {
    const written = await db
      .insertInto('ticket_messages')
      .values(messages.slice(i, i + batchRows))
      .returning(['id', 'ticket_id', 'body'])
      .execute();
    await indexMessages(
      db,
      written.map((m) => ({ messageId: m.id, ticketId: m.ticket_id, orgId: ctx.orgId, body: m.body })),
    );
  }
  await insertBatched(db, 'ticket_reads', reads);

  // Numbers rise with time across the history and the queue, as the hub would have given them. The queue's
  // move above the history's first, so no two tickets ever share a number on the way.
  await db
    .updateTable('tickets')
    .set((eb) => ({ number: eb('number', '+', 2 * above) }))
    .where('org_id', '=', ctx.orgId)
    .where('number', '<=', above)
    .execute();
  await sql`update tickets set number = r.n
    from (select id, row_number() over (order by created_at, id) as n from tickets where org_id = ${ctx.orgId}) as r
    where r.id = tickets.id`.execute(db);
  const all = await db
    .selectFrom('tickets')
    .leftJoin('customers', 'customers.id', 'tickets.customer_id')
    .leftJoin('orders', 'orders.id', 'tickets.order_id')
    .select([
      'tickets.id',
      'tickets.number',
      'tickets.order_ref',
      'customers.name as customerName',
      'orders.number as orderNumber',
    ])
    .where('tickets.org_id', '=', ctx.orgId)
    .execute();
  await indexTicketHeaders(
    db,
    all.map((t) => ({
      ticketId: t.id,
      orgId: ctx.orgId,
      number: t.number,
      customerName: t.customerName ?? '',
      orderNumber: t.orderNumber ?? t.order_ref,
    })),
  );
  await db
    .updateTable('ticket_settings')
    .set({ next_number: all.length + 1 })
    .where('org_id', '=', ctx.orgId)
    .execute();
}

/** The anchors' ended broadcasts inside their sessions, their viewers and orders, a few refunded. */
async function seedBroadcasts(
  db: Kysely<Database>,
  ctx: DemoShiftsContext,
  anchors: WorkerRow[],
  dice: Dice,
) {
  const since = ctx.now - demoHistoryDays * dayMs;
  for (const anchor of anchors) {
    const plan = demoBroadcastPlan[anchor.spec.username];
    if (!plan) continue;
    let room = await db
      .selectFrom('live_rooms')
      .select('id')
      .where('org_id', '=', ctx.orgId)
      .where('slug', '=', plan.slug)
      .executeTakeFirst();
    if (room) {
      await db
        .updateTable('live_rooms')
        .set({ created_at: since - 30 * dayMs })
        .where('id', '=', room.id)
        .execute();
    } else {
      room = await db
        .insertInto('live_rooms')
        .values({ org_id: ctx.orgId, slug: plan.slug, anchor_id: anchor.id, created_at: since - 30 * dayMs })
        .returning('id')
        .executeTakeFirstOrThrow();
    }
    const viewers = await db
      .insertInto('live_viewers')
      .values(
        Array.from({ length: 160 }, (_, i) => ({
          org_id: ctx.orgId,
          room_id: room.id,
          nickname: `${dice.pick(demoNicknames)}${i % 3 === 0 ? String(dice.int(10, 99)) : ''}`,
          token_hash: createHash('sha256').update(dice.uuid()).digest('hex'),
          created_at: since + dice.int(0, 60) * dayMs,
          last_seen_at: ctx.now - dice.int(1, 20) * dayMs,
        })),
      )
      .returning('id')
      .execute();

    const orders: Insertable<Database['live_orders']>[] = [];
    for (const s of anchor.sessions) {
      const start = s.start + plan.lead * minuteMs;
      const end = start + plan.minutes * minuteMs;
      const orderCount = Math.round((plan.ordersPerHour * plan.minutes * dice.between(0.6, 1.4)) / 60);
      const lines: Insertable<Database['live_orders']>[] = [];
      for (let i = 0; i < orderCount; i++) {
        const product = ctx.products.get(dice.pick(plan.skus));
        const viewer = dice.pick(viewers);
        if (!product) throw new Error('a demo broadcast sells an unknown product');
        const quantity = dice.chance(0.75) ? 1 : dice.int(2, 3);
        const at = Math.floor(dice.between(start + 2 * minuteMs, end));
        const refundAt = at + dice.int(2, 72) * hourMs;
        lines.push({
          org_id: ctx.orgId,
          broadcast_id: 0,
          product_id: product.id,
          viewer_id: viewer.id,
          flash_sale_id: null,
          quantity,
          unit_price_fen: product.priceFen,
          total_fen: product.priceFen * quantity,
          command_id: dice.commandId(at),
          created_at: at,
          refunded_at: dice.chance(0.03) && refundAt < ctx.now ? refundAt : null,
        });
      }
      lines.sort((a, b) => a.created_at - b.created_at);
      const broadcast = await db
        .insertInto('live_broadcasts')
        .values({
          org_id: ctx.orgId,
          room_id: room.id,
          title: dice.pick(plan.titles),
          status: 'ended',
          started_at: start,
          ended_at: end,
          likes: dice.int(200, 3000),
          order_count: lines.length,
          gmv_fen: lines.reduce((sum, l) => sum + l.total_fen, 0),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const l of lines) orders.push({ ...l, broadcast_id: broadcast.id });
    }
    await insertBatched(db, 'live_orders', orders);
  }
}

/** YYYY-MM-DD of `days` before or after the seeding day. */
function dayFrom(now: number, days: number): string {
  return addDays(dayKeyOf(now, timeZone), days);
}

/**
 * The Demo Shop's team and its six months: shifts, resolved tickets, live
 * sessions, pay rules and the ledger derived from them, timesheet decisions,
 * teams, and two workers recorded for the quota report. Written in
 * `seedDemo`'s transaction, after the tickets and the live room.
 */
export async function seedDemoShifts(db: Kysely<Database>, ctx: DemoShiftsContext): Promise<void> {
  const dice = new Dice(demoShiftsSeed);
  const today = dayKeyOf(ctx.now, timeZone);
  const employer = ctx.users.get('employer');
  if (!employer) throw new Error('the demo has no employer');

  // The shop has run for a few years; its people joined on their own days.
  const founded = ctx.now - 800 * dayMs;
  await db.updateTable('organisations').set({ created_at: founded }).where('id', '=', ctx.orgId).execute();
  await db.updateTable('users').set({ created_at: founded }).where('id', '=', employer.id).execute();

  const workers: WorkerRow[] = [];
  // 杨光明 forgot to clock out on Wednesday last week: the timesheet the employer returned.
  const forgotten = addDays(weekStartOf(today), -5);
  for (const spec of demoWorkers) {
    const joined = ctx.now - spec.joinedDaysAgo * dayMs;
    let user = ctx.users.get(spec.username);
    if (user) {
      await db.updateTable('users').set({ created_at: joined }).where('id', '=', user.id).execute();
    } else {
      const created = await createUser(db, {
        orgId: ctx.orgId,
        username: spec.username,
        displayName: spec.displayName,
        roles: spec.roles,
        passwordHash: ctx.passwordHash,
        now: joined,
      });
      if (!created) throw new Error(`demo user ${spec.username} already exists`);
      user = { id: created.id, displayName: created.displayName };
    }
    const sessions = planSessions(spec, dice, ctx.now, spec.username === 'yangguangming' ? forgotten : null);
    workers.push({ spec, id: user.id, displayName: user.displayName, sessions });
  }

  await db
    .insertInto('pay_settings')
    .values({ org_id: ctx.orgId, time_zone: timeZone, updated_at: founded })
    .execute();

  const teams = new Map<DemoWorker['team'], number>();
  for (const [key, name] of Object.entries(demoTeams) as [DemoWorker['team'], string][]) {
    const row = await db
      .insertInto('teams')
      .values({ org_id: ctx.orgId, name, created_at: founded })
      .returning('id')
      .executeTakeFirstOrThrow();
    teams.set(key, row.id);
  }
  await db
    .insertInto('team_members')
    .values(workers.map((w) => ({ user_id: w.id, team_id: teams.get(w.spec.team) ?? 0 })))
    .execute();

  // Clock events as the workstations sent them; the hub's own rebuild derives the shifts.
  const lastOut = new Map<number, number | null>();
  const events: Insertable<Database['clock_events']>[] = [];
  for (const w of workers) {
    const made = clockEvents(ctx, w, dice);
    events.push(...made.rows);
    lastOut.set(w.id, made.lastOut);
  }
  await insertBatched(db, 'clock_events', events);
  for (const w of workers) await rebuildShifts(db, ctx.orgId, w.id, timeZone);

  // The other agents' routing state: all signed off after their last shift, like the demo agent.
  const agents = workers.filter((w) => w.spec.roles.includes('agent'));
  const newAgents = agents.filter((w) => !ctx.users.has(w.spec.username));
  await db
    .insertInto('agent_states')
    .values(
      newAgents.map((w) => ({
        user_id: w.id,
        org_id: ctx.orgId,
        presence: 'offline' as const,
        presence_since: lastOut.get(w.id) ?? founded,
        last_assigned_at: null,
        max_concurrent: 4,
        reassign_after_ms: null,
        // 黄丽萍 is deaf: chats and messages only.
        text_only: w.spec.username === 'huangliping' ? 1 : 0,
        updated_at: lastOut.get(w.id) ?? founded,
      })),
    )
    .execute();

  const customers = await seedCustomers(db, ctx, dice);
  await seedTickets(db, ctx, planTickets(ctx, agents, customers, dice));
  await seedBroadcasts(
    db,
    ctx,
    workers.filter((w) => w.spec.roles.includes('anchor')),
    dice,
  );

  // The rules the ledger is derived with: the shop's own from the start, raised three months ago, and the anchor's.
  const firstDay = dayFrom(ctx.now, -demoHistoryDays - 1);
  const raisedDay = addDays(today, -91);
  const anchor = workers.find((w) => w.spec.username === 'anchor');
  if (!anchor) throw new Error('the demo has no anchor');
  const rule = (
    userId: number,
    effectiveFrom: string,
    r: (typeof demoPayRules)[keyof typeof demoPayRules],
    at: number,
  ) => ({
    org_id: ctx.orgId,
    user_id: userId,
    effective_from: effectiveFrom,
    hourly_fen: r.hourlyFen,
    per_ticket_fen: r.perTicketFen,
    csat_bonus_fen: r.csatBonusFen,
    csat_min_score: r.csatMinScore,
    live_hour_fen: r.liveHourFen,
    commission_bp: r.commissionBp,
    author_id: employer.id,
    created_at: at,
  });
  await db
    .insertInto('pay_rules')
    .values([
      rule(0, firstDay, demoPayRules.first, ctx.now - (demoHistoryDays + 2) * dayMs),
      rule(0, raisedDay, demoPayRules.raised, startOfDay(raisedDay, timeZone) - 2 * dayMs),
      rule(anchor.id, firstDay, demoPayRules.anchorOverride, ctx.now - (demoHistoryDays + 2) * dayMs),
    ])
    .execute();

  await syncLedger(db, ctx.orgId, ctx.now);

  // Last week's timesheets: two approved this Monday morning, 杨光明's returned for the forgotten clock-out.
  const lastWeek = addDays(weekStartOf(today), -7);
  const decidedAt = Math.min(ctx.now - 10 * minuteMs, startOfDay(weekStartOf(today), timeZone) + 10 * hourMs);
  const decisions: { username: string; status: 'approved' | 'returned'; comment: string | null }[] = [
    { username: 'agent', status: 'approved', comment: null },
    { username: 'huangliping', status: 'approved', comment: '辛苦了！' },
    { username: 'yangguangming', status: 'returned', comment: demoTimesheetReturn },
  ];
  for (const [i, d] of decisions.entries()) {
    const w = workers.find((x) => x.spec.username === d.username);
    if (!w) throw new Error(`demo timesheet for unknown ${d.username}`);
    const at = decidedAt + i * 3 * minuteMs;
    const sheet = await db
      .insertInto('timesheets')
      .values({
        org_id: ctx.orgId,
        user_id: w.id,
        period: 'week',
        start_key: lastWeek,
        status: d.status,
        comment: d.comment,
        decided_by: employer.id,
        decided_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('timesheet_audit')
      .values({
        org_id: ctx.orgId,
        user_id: w.id,
        timesheet_id: sheet.id,
        shift_key: null,
        action: d.status,
        actor_id: employer.id,
        comment: d.comment,
        before: JSON.stringify({ status: 'open' }),
        after: JSON.stringify({ status: d.status }),
        created_at: at,
      })
      .execute();
  }

  // The quota report's records: two workers with their contracts, wages and social insurance by month.
  const thisMonth = monthKeyOf(today);
  const historyStart = addDays(today, -demoHistoryDays);
  for (const r of demoDisability) {
    const w = workers.find((x) => x.spec.username === r.username);
    if (!w) throw new Error(`demo disability record for unknown ${r.username}`);
    const certificate = `${r.idPrefix}${idCheckCharacter(r.idPrefix)}${kindDigit(r.kind)}${r.grade}`;
    const contractStart = dayFrom(ctx.now, -r.contractStartDaysAgo);
    await db
      .insertInto('disability_records')
      .values({
        user_id: w.id,
        org_id: ctx.orgId,
        grade: r.grade,
        kind: r.kind,
        certificate_cipher: sealCertificate(ctx.recordsKey(), certificate),
        certificate_last4: certificate.slice(-4),
        contract_start: contractStart,
        contract_end: r.contractEndDaysAhead === null ? null : dayFrom(ctx.now, r.contractEndDaysAhead),
        updated_by: employer.id,
        updated_at: ctx.now - r.contractStartDaysAgo * dayMs,
      })
      .execute();
    // Every month from the contract's to this one, insured. The months the ledger covers whole are paid
    // what it says (no wage recorded: the report reads the ledger); the wage is recorded for those before,
    // the first part-month, and this month (the agreed wage, until the month is over).
    const months: Insertable<Database['quota_months']>[] = [];
    for (let m = monthKeyOf(contractStart); m <= thisMonth; m = addMonths(m, 1)) {
      const fromLedger = m > monthKeyOf(historyStart) && m < thisMonth;
      months.push({
        org_id: ctx.orgId,
        user_id: w.id,
        month: m,
        wage_fen: fromLedger ? null : r.monthlyWageFen + dice.int(-20, 20) * 1000,
        insurance_paid: 1,
        updated_by: employer.id,
        updated_at: Math.min(ctx.now, startOfDay(`${addMonths(m, 1)}-10`, timeZone)),
      });
    }
    await insertBatched(db, 'quota_months', months);
  }
}
