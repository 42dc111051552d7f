import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { defaultAccommodation } from '../../shared/domain/tickets/assignment';
import { fillCanned } from '../../shared/domain/tickets/canned-variables';
import { defaultSlaTargets, slaTargetsSchema } from '../../shared/domain/tickets/sla';
import {
  transition,
  type TicketEvent as StatusMove,
  type TicketState,
  type TicketStatus,
} from '../../shared/domain/tickets/ticket-status';
import { ticketEventSchema, type TicketEvent } from '../../shared/protocol/tickets';
import type { Database, TicketMessagesTable } from '../store/schema';
import { indexMessage, indexTicketHeader } from '../tickets/search-index';
import { demoCannedReplies } from './canned-replies';
import { demoCustomers } from './data';
import { demoTickets, type DemoStaff, type DemoStep, type DemoTicket } from './tickets-data';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** What `seedDemo` has already written that the tickets refer to. */
export interface DemoTicketContext {
  orgId: number;
  now: number;
  /** By username. */
  users: ReadonlyMap<string, { id: number; displayName: string }>;
  /** Row ids of `demoCustomers`, by index. */
  customerIds: readonly number[];
  /** Rows of `demoOrders`, by index. */
  orders: readonly { id: number; number: string; customerId: number; createdAt: number }[];
}

/**
 * How the demo agent is set up with her supervisor. The demo has one agent,
 * so her limit leaves room for the seeded backlog and a few new chats once
 * she goes available; her slow replies are never handed to someone else
 * (she answers by one switch).
 */
const demoAgentProfile = { maxConcurrent: 16, reassignAfterMs: null, textOnly: 0 } as const;

/** 09:00 China time (UTC+8) on the day after `now`: "I'll look again tomorrow morning". */
export function tomorrowMorning(now: number): number {
  const chinaMidnight = Math.floor((now + 8 * hourMs) / dayMs) * dayMs - 8 * hourMs;
  return chinaMidnight + dayMs + 9 * hourMs;
}

/** As the hub keeps it (server/tickets/ticket-rows.ts): the resolution clock stands still while waiting, and once done. */
const pausedStatuses: readonly TicketStatus[] = ['pending', 'snoozed', 'resolved'];

type MessageRow = Omit<TicketMessagesTable, 'id' | 'ticket_id'>;
type Person = { id: number; displayName: string };

/**
 * One conversation replayed through the ticket state machine, so every
 * counter on the ticket row is what the hub would have written for the same
 * history.
 */
class Replay {
  state: TicketState = { status: 'new', snoozedUntil: null, answered: false };
  assignee: Person | null = null;
  assignedAt: number | null = null;
  firstResponseAt: number | null = null;
  resolvedAt: number | null = null;
  pausedMs = 0;
  pausedSince: number | null = null;
  customerMessages = 0;
  lastCustomerAt: number | null = null;
  csat: { score: number; comment: string | null; at: number } | null = null;
  seq = 0;
  publicSeq = 0;
  updatedAt: number;
  readonly rows: MessageRow[] = [];
  /** Per staff member: customer messages they had seen at their last action, and when. */
  readonly reads = new Map<number, { count: number; at: number }>();

  constructor(
    private readonly ticket: DemoTicket,
    readonly createdAt: number,
  ) {
    this.updatedAt = createdAt;
  }

  fail(what: string): never {
    throw new Error(`demo ticket "${this.ticket.subject}": ${what}`);
  }

  append(row: {
    kind: MessageRow['kind'];
    authorKind: MessageRow['author_kind'];
    authorId: number | null;
    body: string;
    event?: TicketEvent;
    isPublic: boolean;
    at: number;
    /** Typed or chosen by someone, so sent under a command id; the hub's own events have none. */
    commanded?: boolean;
  }): void {
    this.seq += 1;
    if (row.isPublic) this.publicSeq += 1;
    this.rows.push({
      seq: this.seq,
      public_seq: row.isPublic ? this.publicSeq : null,
      command_id: row.kind !== 'event' || row.commanded ? uuidv7({ msecs: row.at }) : null,
      kind: row.kind,
      author_kind: row.authorKind,
      author_id: row.authorId,
      body: row.body,
      event: row.event ? JSON.stringify(ticketEventSchema.parse(row.event)) : null,
      attachment_id: null,
      canned_id: null,
      created_at: row.at,
    });
    this.updatedAt = row.at;
  }

  /** A move of the state machine, with the resolution clock's pauses. */
  move(move: StatusMove, at: number): void {
    const result = transition(this.state, move, at);
    if (!result.ok) this.fail(`${move.type} refused from ${this.state.status} (${result.reason})`);
    const wasPaused = pausedStatuses.includes(this.state.status);
    const isPaused = pausedStatuses.includes(result.state.status);
    if (!wasPaused && isPaused) this.pausedSince = at;
    if (wasPaused && !isPaused && this.pausedSince !== null) {
      this.pausedMs += at - this.pausedSince;
      this.pausedSince = null;
    }
    if (result.state.status === 'resolved') this.resolvedAt ??= at;
    else this.resolvedAt = null;
    this.state = result.state;
  }

  seenBy(user: Person, at: number): void {
    this.reads.set(user.id, { count: this.customerMessages, at });
  }
}

function staff(ctx: DemoTicketContext, username: DemoStaff): Person {
  const user = ctx.users.get(username);
  if (!user) throw new Error(`demo tickets need the user ${username}`);
  return user;
}

function replay(ctx: DemoTicketContext, ticket: DemoTicket, fill: (body: string) => string): Replay {
  const createdAt = ctx.now - ticket.openedMinutesAgo * minuteMs;
  const r = new Replay(ticket, createdAt);
  const [opening] = ticket.steps;
  if (opening?.kind !== 'customer' || opening.after !== 0) r.fail('must open with the customer at minute 0');
  r.append({
    kind: 'event',
    authorKind: 'system',
    authorId: null,
    body: '',
    event: { type: 'created' },
    isPublic: true,
    at: createdAt,
  });
  let last = 0;
  for (const step of ticket.steps) {
    if (step.after < last || step.after > ticket.openedMinutesAgo) r.fail(`step at minute ${step.after}`);
    last = step.after;
    apply(ctx, r, step, createdAt + step.after * minuteMs, fill);
  }
  return r;
}

function apply(
  ctx: DemoTicketContext,
  r: Replay,
  step: DemoStep,
  at: number,
  fill: (body: string) => string,
): void {
  switch (step.kind) {
    case 'customer':
      r.move({ type: 'customer_message' }, at);
      r.customerMessages += 1;
      r.lastCustomerAt = at;
      r.append({
        kind: 'message',
        authorKind: 'customer',
        authorId: null,
        body: fill(step.body),
        isPublic: true,
        at,
      });
      return;
    case 'reply': {
      const by = staff(ctx, step.by);
      if (r.assignee?.id !== by.id) r.fail('a reply by someone it is not assigned to');
      r.move({ type: 'agent_reply' }, at);
      r.firstResponseAt ??= at;
      r.append({
        kind: 'message',
        authorKind: 'agent',
        authorId: by.id,
        body: fill(step.body),
        isPublic: true,
        at,
      });
      r.seenBy(by, at);
      return;
    }
    case 'note': {
      const by = staff(ctx, step.by);
      // Notes never reach the customer and never change the status or the SLA clocks.
      r.append({
        kind: 'note',
        authorKind: 'agent',
        authorId: by.id,
        body: fill(step.body),
        isPublic: false,
        at,
      });
      r.seenBy(by, at);
      return;
    }
    case 'assign': {
      const agent = staff(ctx, 'agent');
      const by = step.by === null ? null : staff(ctx, step.by);
      r.move({ type: 'assigned' }, at);
      r.assignee = agent;
      r.assignedAt = at;
      r.append({
        kind: 'event',
        authorKind: 'system',
        authorId: by?.id ?? null,
        body: '',
        event: { type: 'assigned', agent, by },
        isPublic: true,
        at,
      });
      if (by) r.seenBy(by, at);
      return;
    }
    case 'pending':
    case 'snooze':
    case 'resolve': {
      const by = staff(ctx, step.by);
      const move: StatusMove =
        step.kind === 'snooze' ? { type: 'snooze', until: tomorrowMorning(ctx.now) } : { type: step.kind };
      const until = move.type === 'snooze' ? move.until : null;
      r.move(move, at);
      r.append({
        kind: 'event',
        authorKind: 'system',
        authorId: by.id,
        body: '',
        event: { type: 'status', status: r.state.status, until },
        // The customer's page words created, assigned, resolved and reopened; waiting states are the agents' own.
        isPublic: r.state.status === 'resolved',
        at,
        commanded: true,
      });
      r.seenBy(by, at);
      return;
    }
    case 'rate':
      if (r.state.status !== 'resolved' || r.csat) r.fail('rated while not resolved, or twice');
      r.csat = { score: step.score, comment: step.comment, at };
      r.append({
        kind: 'event',
        authorKind: 'system',
        authorId: null,
        body: '',
        event: { type: 'rated', score: step.score },
        isPublic: false,
        at,
      });
      return;
  }
}

/**
 * The Demo Shop's tickets, canned replies, ticket settings and agent states,
 * written in `seedDemo`'s transaction. Does nothing when the organisation
 * already has ticket settings, so it never adds a second copy.
 */
export async function seedDemoTickets(db: Kysely<Database>, ctx: DemoTicketContext): Promise<boolean> {
  const existing = await db
    .selectFrom('ticket_settings')
    .select('org_id')
    .where('org_id', '=', ctx.orgId)
    .executeTakeFirst();
  if (existing) return false;
  const since = ctx.now - 30 * dayMs;
  await db
    .insertInto('ticket_settings')
    .values({
      org_id: ctx.orgId,
      assignment_mode: 'auto',
      sla_targets: JSON.stringify(slaTargetsSchema.parse(defaultSlaTargets)),
      next_number: 1,
      updated_at: since,
    })
    .execute();

  for (const c of demoCannedReplies) {
    await db
      .insertInto('canned_replies')
      .values({
        org_id: ctx.orgId,
        owner_id: null,
        shortcut: c.shortcut,
        title: c.title,
        body: c.body,
        locale: c.locale,
        created_at: since,
        updated_at: since,
      })
      .execute();
  }

  const agent = staff(ctx, 'agent');
  const employer = staff(ctx, 'employer');
  let lastAssignedAt: number | null = null;
  const lastAction = new Map<number, number>();

  // Oldest first, so ticket numbers and row ids rise with time as they would have.
  const ordered = [...demoTickets].sort((a, b) => b.openedMinutesAgo - a.openedMinutesAgo);
  for (const ticket of ordered) {
    const customerIndex = demoCustomers.findIndex((c) => c.name === ticket.customer);
    const customerId = ctx.customerIds[customerIndex];
    if (customerId === undefined) throw new Error(`demo ticket for unknown customer ${ticket.customer}`);
    const order = ticket.order === undefined ? null : ctx.orders[ticket.order];
    if (order === undefined || (order && order.customerId !== customerId)) {
      throw new Error(`demo ticket "${ticket.subject}" refers to order ${ticket.order} of another customer`);
    }
    const fill = (body: string): string => {
      const { text, missing } = fillCanned(body, {
        'customer.name': ticket.customer,
        'order.id': order?.number ?? null,
        'agent.name': agent.displayName,
      });
      if (missing.length > 0) throw new Error(`demo ticket "${ticket.subject}" has no ${missing.join(', ')}`);
      return text;
    };
    const r = replay(ctx, ticket, fill);

    const { next_number: next } = await db
      .updateTable('ticket_settings')
      .set((eb) => ({ next_number: eb('next_number', '+', 1) }))
      .where('org_id', '=', ctx.orgId)
      .returning('next_number')
      .executeTakeFirstOrThrow();
    const number = next - 1;
    const row = await db
      .insertInto('tickets')
      .values({
        org_id: ctx.orgId,
        number,
        customer_id: customerId,
        order_id: order?.id ?? null,
        order_ref: ticket.orderRef ?? null,
        subject: ticket.subject,
        status: r.state.status,
        priority: ticket.priority,
        tags: JSON.stringify(ticket.tags),
        assignee_id: r.assignee?.id ?? null,
        assigned_at: r.assignedAt,
        answered: r.state.answered ? 1 : 0,
        snoozed_until: r.state.snoozedUntil,
        first_response_at: r.firstResponseAt,
        resolved_at: r.resolvedAt,
        sla_paused_ms: r.pausedMs,
        sla_paused_since: r.pausedSince,
        last_seq: r.seq,
        last_public_seq: r.publicSeq,
        customer_messages: r.customerMessages,
        last_customer_at: r.lastCustomerAt,
        csat_score: r.csat?.score ?? null,
        csat_comment: r.csat?.comment ?? null,
        csat_at: r.csat?.at ?? null,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const messages = await db
      .insertInto('ticket_messages')
      .values(r.rows.map((m) => ({ ...m, ticket_id: row.id })))
      .returning(['id', 'body'])
      .execute();
    await indexTicketHeader(db, {
      ticketId: row.id,
      orgId: ctx.orgId,
      number,
      customerName: ticket.customer,
      orderNumber: order?.number ?? ticket.orderRef ?? null,
    });
    for (const m of messages) {
      await indexMessage(db, { messageId: m.id, ticketId: row.id, orgId: ctx.orgId, body: m.body });
    }
    for (const [userId, read] of r.reads) {
      await db
        .insertInto('ticket_reads')
        .values({ ticket_id: row.id, user_id: userId, read_count: read.count, read_at: read.at })
        .execute();
      lastAction.set(userId, Math.max(lastAction.get(userId) ?? 0, read.at));
    }
    if (r.assignedAt !== null) lastAssignedAt = Math.max(lastAssignedAt ?? 0, r.assignedAt);
  }

  // Both signed off a few minutes after their last action: the queue's newest tickets came after.
  const signedOff = (user: Person): number =>
    Math.min(ctx.now, (lastAction.get(user.id) ?? ctx.now - dayMs) + 4 * minuteMs);
  await db
    .insertInto('agent_states')
    .values([
      {
        user_id: agent.id,
        org_id: ctx.orgId,
        presence: 'offline',
        presence_since: signedOff(agent),
        last_assigned_at: lastAssignedAt,
        max_concurrent: demoAgentProfile.maxConcurrent,
        reassign_after_ms: demoAgentProfile.reassignAfterMs,
        text_only: demoAgentProfile.textOnly,
        updated_at: ctx.now,
      },
      {
        user_id: employer.id,
        org_id: ctx.orgId,
        presence: 'offline',
        presence_since: signedOff(employer),
        last_assigned_at: null,
        // A multi-row insert writes every column, so the defaults are spelled out.
        max_concurrent: defaultAccommodation.maxConcurrent,
        reassign_after_ms: defaultAccommodation.reassignAfterMs,
        text_only: defaultAccommodation.textOnly ? 1 : 0,
        updated_at: ctx.now,
      },
    ])
    .execute();
  return true;
}
