import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCannedReplies } from '../../server/demo/canned-replies';
import { demoCustomers } from '../../server/demo/data';
import { seedDemo } from '../../server/demo/seed';
import { recordsKeyFor } from '../../server/quota/records-key';
import { seedDemoTickets } from '../../server/demo/seed-tickets';
import { demoTickets } from '../../server/demo/tickets-data';
import { createDatabase, migrateToLatest } from '../../server/store/database';
import type { Database } from '../../server/store/schema';
import { defaultSlaTargets, slaClock, slaTargetsSchema } from '../../shared/domain/tickets/sla';
import { ticketStatuses } from '../../shared/domain/tickets/ticket-status';
import { ticketEventSchema, type TicketEvent } from '../../shared/protocol/tickets';
import { startHub, tempDir, type TestHub } from '../support/hub-client';

const hourMs = 60 * 60 * 1000;
const queueCustomers = demoCustomers.map((c) => c.name);
const dayMs = 24 * hourMs;

async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'tickets',
    'ticket_messages',
    'ticket_reads',
    'canned_replies',
    'agent_states',
    'ticket_settings',
    'customers',
    'orders',
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  const fts = await sql<{ n: number }>`select count(*) as n from ticket_search`.execute(db);
  out.ticket_search = Number(fts.rows[0]?.n);
  return out;
}

async function search(db: Kysely<Database>, orgId: number, words: string): Promise<number[]> {
  const { rows } = await sql<{ ticket_id: number }>`select distinct ticket_id from ticket_search
    where ticket_search match ${`"${words}"`} and org_id = ${orgId}`.execute(db);
  return rows.map((r) => r.ticket_id);
}

describe('the Demo Shop tickets', () => {
  let t: TestHub;
  let db: Kysely<Database>;
  let seededAt: number;
  let orgId: number;

  beforeAll(async () => {
    seededAt = Date.now();
    t = await startHub({ demo: true });
    db = createDatabase({ kind: 'sqlite', file: join(t.dataDir, 'hub.sqlite') });
    orgId = (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await db.destroy();
    await t.stop();
  });

  it('gives about 40 tickets in every status, three in four in Chinese', async () => {
    const tickets = await db
      .selectFrom('tickets')
      .innerJoin('customers', 'customers.id', 'tickets.customer_id')
      .select(['tickets.status', 'tickets.assignee_id', 'customers.locale'])
      // The queue's own customers: the six months of resolved history (seed-shifts.ts) have theirs.
      .where('customers.name', 'in', queueCustomers)
      .execute();
    expect(tickets.length).toBe(demoTickets.length);
    expect(tickets.length).toBeGreaterThanOrEqual(35);
    expect(tickets.length).toBeLessThanOrEqual(45);
    expect(new Set(tickets.map((r) => r.status))).toEqual(new Set(ticketStatuses));
    const zh = tickets.filter((r) => r.locale === 'zh-CN').length;
    const en = tickets.filter((r) => r.locale === 'en').length;
    expect(zh + en).toBe(tickets.length);
    expect(zh / tickets.length).toBeGreaterThanOrEqual(0.65);
    expect(en / tickets.length).toBeGreaterThanOrEqual(0.2);
    // The supervisor's view has tickets nobody holds yet.
    expect(tickets.filter((r) => r.assignee_id === null).length).toBeGreaterThanOrEqual(3);
  });

  it('numbers tickets from the settings row, oldest first, and continues after the last', async () => {
    const settings = await db.selectFrom('ticket_settings').selectAll().executeTakeFirstOrThrow();
    expect(settings.assignment_mode).toBe('auto');
    expect(slaTargetsSchema.parse(JSON.parse(settings.sla_targets))).toEqual(defaultSlaTargets);
    const tickets = await db
      .selectFrom('tickets')
      .select(['number', 'created_at'])
      .orderBy('number')
      .execute();
    expect(tickets.map((r) => r.number)).toEqual(tickets.map((_, i) => i + 1));
    const created = tickets.map((r) => r.created_at);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(settings.next_number).toBe(tickets.length + 1);
  });

  it('keeps every counter on the ticket consistent with its messages', async () => {
    const tickets = await db.selectFrom('tickets').selectAll().execute();
    for (const ticket of tickets) {
      const messages = await db
        .selectFrom('ticket_messages')
        .selectAll()
        .where('ticket_id', '=', ticket.id)
        .orderBy('seq')
        .execute();
      const label = `ticket #${ticket.number} ${ticket.subject}`;
      const said = messages.filter((m) => m.kind !== 'event');
      expect(said.length, label).toBeGreaterThanOrEqual(1);
      expect(said.length, label).toBeLessThanOrEqual(8);
      expect(
        messages.map((m) => m.seq),
        label,
      ).toEqual(messages.map((_, i) => i + 1));
      expect(ticket.last_seq, label).toBe(messages.length);
      const publicSeqs = messages.flatMap((m) => (m.public_seq === null ? [] : [m.public_seq]));
      expect(publicSeqs, label).toEqual(publicSeqs.map((_, i) => i + 1));
      expect(ticket.last_public_seq, label).toBe(publicSeqs.length);
      for (const m of messages) {
        if (m.kind === 'note') expect(m.public_seq, label).toBeNull();
        expect(m.body, label).not.toMatch(/\{\s*(customer\.name|order\.id|agent\.name)\s*\}/);
      }

      const events: { event: TicketEvent; at: number }[] = messages.flatMap((m) =>
        m.kind === 'event'
          ? [{ event: ticketEventSchema.parse(JSON.parse(m.event ?? 'null')), at: m.created_at }]
          : [],
      );
      expect(events[0]?.event, label).toEqual({ type: 'created' });
      expect(messages[0]?.created_at, label).toBe(ticket.created_at);
      expect(ticket.updated_at, label).toBe(Math.max(...messages.map((m) => m.created_at)));

      const fromCustomer = messages.filter((m) => m.kind === 'message' && m.author_kind === 'customer');
      expect(ticket.customer_messages, label).toBe(fromCustomer.length);
      expect(ticket.last_customer_at, label).toBe(fromCustomer.at(-1)?.created_at ?? null);
      const replies = messages.filter((m) => m.kind === 'message' && m.author_kind === 'agent');
      expect(ticket.first_response_at, label).toBe(replies[0]?.created_at ?? null);
      const lastReturn = events.findLast((e) => e.event.type === 'unassigned')?.at ?? -1;
      expect(ticket.answered, label).toBe(replies.some((m) => m.created_at > lastReturn) ? 1 : 0);

      const assigned = events.findLast((e) => e.event.type === 'assigned');
      const assignee = assigned?.event.type === 'assigned' ? assigned.event.agent.id : null;
      expect(ticket.assignee_id, label).toBe(assignee);
      expect(ticket.assigned_at, label).toBe(assigned?.at ?? null);

      const status = events.findLast((e) => e.event.type === 'status');
      const lastStatus = status?.event.type === 'status' ? status.event : null;
      if (ticket.status === 'resolved') {
        expect(lastStatus?.status, label).toBe('resolved');
        expect(ticket.resolved_at, label).toBe(status?.at);
      } else {
        expect(ticket.resolved_at, label).toBeNull();
      }
      // The resolution clock stands still while waiting on the customer, and once resolved.
      if (ticket.status === 'pending' || ticket.status === 'snoozed' || ticket.status === 'resolved') {
        expect(lastStatus?.status, label).toBe(ticket.status);
        expect(ticket.sla_paused_since, label).not.toBeNull();
        expect(ticket.sla_paused_since, label).toBeLessThanOrEqual(status?.at ?? 0);
        expect(ticket.sla_paused_since, label).toBeGreaterThanOrEqual(ticket.last_customer_at ?? 0);
      } else {
        expect(ticket.sla_paused_since, label).toBeNull();
      }
      if (ticket.status === 'snoozed') {
        expect(lastStatus?.until, label).toBe(ticket.snoozed_until);
        expect(ticket.snoozed_until, label).toBeGreaterThan(seededAt);
        expect(ticket.snoozed_until, label).toBeLessThanOrEqual(seededAt + 2 * dayMs);
      } else {
        expect(ticket.snoozed_until, label).toBeNull();
      }
      if (ticket.status === 'new') expect(ticket.assignee_id, label).toBeNull();

      const rated = events.findLast((e) => e.event.type === 'rated');
      expect(ticket.csat_score, label).toBe(rated?.event.type === 'rated' ? rated.event.score : null);
      expect(ticket.csat_at, label).toBe(rated?.at ?? null);
      if (ticket.csat_score === null) expect(ticket.csat_comment, label).toBeNull();

      const reads = await db
        .selectFrom('ticket_reads')
        .selectAll()
        .where('ticket_id', '=', ticket.id)
        .execute();
      for (const read of reads) expect(read.read_count, label).toBeLessThanOrEqual(ticket.customer_messages);
    }
  });

  it('rates resolved tickets 1 to 5, some with comments, and leaves a few unrated', async () => {
    const resolved = await db
      .selectFrom('tickets')
      .select(['csat_score', 'csat_comment'])
      .where('status', '=', 'resolved')
      .execute();
    expect(new Set(resolved.flatMap((r) => (r.csat_score === null ? [] : [r.csat_score])))).toEqual(
      new Set([1, 2, 3, 4, 5]),
    );
    expect(resolved.filter((r) => r.csat_comment !== null).length).toBeGreaterThanOrEqual(3);
    expect(resolved.some((r) => r.csat_score === null)).toBe(true);
    const rated = await db
      .selectFrom('tickets')
      .select('id')
      .where('csat_score', 'is not', null)
      .where('status', '!=', 'resolved')
      .execute();
    expect(rated).toEqual([]);
  });

  it('shows SLA timers in every phase: one breached, some warnings, nothing else overdue', async () => {
    const now = Date.now();
    const active = await db
      .selectFrom('tickets')
      .selectAll()
      .where('status', 'in', ['new', 'open', 'pending', 'snoozed'])
      .execute();
    const phases = active.map(
      (r) =>
        slaClock(
          {
            priority: r.priority,
            status: r.status,
            createdAt: r.created_at,
            firstResponseAt: r.first_response_at,
            resolvedAt: r.resolved_at,
            pausedMs: r.sla_paused_ms,
            pausedSince: r.sla_paused_since,
          },
          defaultSlaTargets,
          now,
        ).phase,
    );
    expect(phases.filter((p) => p === 'breached')).toHaveLength(1);
    expect(phases.filter((p) => p === 'warning').length).toBeGreaterThanOrEqual(2);
    expect(phases.filter((p) => p === 'paused').length).toBeGreaterThanOrEqual(3);
    expect(phases.filter((p) => p === 'ok').length).toBeGreaterThanOrEqual(3);
  });

  it('links tickets to their customer and to that customer’s earlier order', async () => {
    const linked = await db
      .selectFrom('tickets')
      .innerJoin('orders', 'orders.id', 'tickets.order_id')
      .select([
        'tickets.customer_id as ticketCustomer',
        'orders.customer_id as orderCustomer',
        'orders.number',
        'orders.created_at as orderedAt',
        'tickets.created_at as openedAt',
      ])
      .execute();
    expect(linked.length).toBeGreaterThanOrEqual(25);
    for (const l of linked) {
      expect(l.orderCustomer).toBe(l.ticketCustomer);
      expect(l.orderedAt).toBeLessThan(l.openedAt);
      expect(l.number).toMatch(/^DS\d{8}-\d{4}$/);
    }
    const typed = await db
      .selectFrom('tickets')
      .select('order_ref')
      .where('order_ref', 'is not', null)
      .execute();
    expect(typed.length).toBeGreaterThanOrEqual(1);
  });

  it('leaves the agent and the supervisor offline, every ticket she holds answered, the newest ones queued', async () => {
    const states = await db
      .selectFrom('agent_states')
      .innerJoin('users', 'users.id', 'agent_states.user_id')
      .select([
        'users.username',
        'agent_states.presence',
        'agent_states.presence_since',
        'agent_states.max_concurrent',
      ])
      .where('users.username', 'in', ['agent', 'employer'])
      .orderBy('users.username')
      .execute();
    expect(states.map((s) => [s.username, s.presence])).toEqual([
      ['agent', 'offline'],
      ['employer', 'offline'],
    ]);
    const agent = states[0];
    const held = await db
      .selectFrom('tickets')
      .innerJoin('users', 'users.id', 'tickets.assignee_id')
      .innerJoin('customers', 'customers.id', 'tickets.customer_id')
      .select(['users.username', 'tickets.answered', 'tickets.status'])
      .where('customers.name', 'in', queueCustomers)
      .execute();
    expect(held.length).toBeGreaterThan(0);
    for (const h of held) expect([h.username, h.answered]).toEqual(['agent', 1]);
    // Room for the backlog and a new chat once she goes available.
    const load = held.filter((h) => ['new', 'open', 'pending'].includes(h.status)).length;
    const queued = await db
      .selectFrom('tickets')
      .select('created_at')
      .where('assignee_id', 'is', null)
      .execute();
    expect(load + queued.length).toBeLessThan(agent?.max_concurrent ?? 0);
    // They came after she signed off, so auto-assignment had no one to give them to.
    for (const q of queued) expect(q.created_at).toBeGreaterThan(agent?.presence_since ?? Infinity);
    const unread = await db
      .selectFrom('tickets')
      .innerJoin('ticket_reads', 'ticket_reads.ticket_id', 'tickets.id')
      .innerJoin('users', 'users.id', 'ticket_reads.user_id')
      .select(['tickets.customer_messages', 'ticket_reads.read_count'])
      .where('users.username', '=', 'agent')
      .where('tickets.status', '=', 'open')
      .execute();
    expect(unread.filter((u) => u.read_count < u.customer_messages).length).toBeGreaterThanOrEqual(2);
  });

  it('seeds the canned replies organisation-wide', async () => {
    const rows = await db.selectFrom('canned_replies').selectAll().execute();
    expect(rows).toHaveLength(demoCannedReplies.length);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const r of rows) {
      expect(r.owner_id).toBeNull();
      expect(r.org_id).toBe(orgId);
    }
    expect(new Set(rows.map((r) => r.locale))).toEqual(new Set(['zh-CN', 'en']));
  });

  it('lets full-text search find Chinese words, order numbers and customers', async () => {
    const noodles = await search(db, orgId, '螺蛳粉');
    expect(noodles.length).toBeGreaterThanOrEqual(5);
    const leaking = await db
      .selectFrom('tickets')
      .select('id')
      .where('subject', '=', '螺蛳粉汤料包漏了')
      .executeTakeFirstOrThrow();
    expect(noodles).toContain(leaking.id);

    const crushed = await db
      .selectFrom('tickets')
      .innerJoin('orders', 'orders.id', 'tickets.order_id')
      .select(['tickets.id', 'orders.number'])
      .where('tickets.subject', '=', '金桔收到压坏了好多')
      .executeTakeFirstOrThrow();
    expect(await search(db, orgId, crushed.number)).toEqual([crushed.id]);
    // A fragment of it, as an agent types from a phone call.
    expect(await search(db, orgId, crushed.number.slice(-6))).toContain(crushed.id);
    expect((await search(db, orgId, 'Emily Carter')).length).toBe(
      demoTickets.filter((d) => d.customer === 'Emily Carter').length,
    );
    expect(await search(db, orgId, '不存在的词语')).toEqual([]);
  });

  it('does not duplicate anything when seeded again', async () => {
    const before = await rowCounts(db);
    expect(before.tickets).toBeGreaterThan(demoTickets.length);
    expect(await seedDemo(db, Date.now(), recordsKeyFor(t.dataDir))).toBe(false);
    expect(
      await seedDemoTickets(db, { orgId, now: Date.now(), users: new Map(), customerIds: [], orders: [] }),
    ).toBe(false);
    expect(await rowCounts(db)).toEqual(before);

    await db.destroy();
    await t.stop({ keep: true });
    t = await startHub({ dataDir: t.dataDir, demo: true });
    db = createDatabase({ kind: 'sqlite', file: join(t.dataDir, 'hub.sqlite') });
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe('the demo seeded at any time of day', () => {
  // Eight seeds of the whole demo (six months of shifts and tickets each).
  it('writes consistent orders and tickets at every hour (China time)', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    // A China midnight: 16:00 UTC.
    const midnight = Math.floor(Date.now() / dayMs) * dayMs - 8 * hourMs;
    for (const hour of [0, 1, 7, 9, 13, 19, 22, 23.9]) {
      const db = createDatabase({ kind: 'sqlite', file: join(dir, `at-${hour}.sqlite`) });
      try {
        await migrateToLatest(db);
        const now = midnight + hour * hourMs;
        expect(await seedDemo(db, now, recordsKeyFor(dir))).toBe(true);
        const tickets = await db
          .selectFrom('tickets')
          .leftJoin('orders', 'orders.id', 'tickets.order_id')
          .innerJoin('customers', 'customers.id', 'tickets.customer_id')
          .select(['tickets.created_at', 'tickets.snoozed_until', 'orders.created_at as orderedAt'])
          .where('customers.name', 'in', queueCustomers)
          .execute();
        expect(tickets).toHaveLength(demoTickets.length);
        for (const r of tickets) {
          expect(r.created_at).toBeLessThanOrEqual(now);
          if (r.orderedAt !== null) expect(r.orderedAt, `at ${hour}:00`).toBeLessThan(r.created_at);
          if (r.snoozed_until !== null) expect(r.snoozed_until).toBeGreaterThan(now);
        }
        const customers = await db.selectFrom('customers').select('name').orderBy('id').execute();
        expect(customers.slice(0, demoCustomers.length).map((c) => c.name)).toEqual(queueCustomers);
      } finally {
        await db.destroy();
      }
    }
  });
});
