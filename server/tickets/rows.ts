import { sql, type Kysely } from 'kysely';
import type { TicketPriority, TicketStatus } from '../../shared/domain/tickets/ticket-status';
import type { TicketSummary } from '../../shared/protocol/tickets';
import type { Database } from '../store/schema';

/** How long the queue's "last message" excerpt is, in UTF-16 units (SQLite `substr` counts characters). */
const excerptLength = 140;

/**
 * Every ticket of one organisation as a queue row sees it: the ticket, its
 * customer, its assignee, its order number, and its newest message or note
 * (events are lines of their own, not "what was said last"). Narrowed by the
 * caller's `where`; `t` is the tickets table's alias in it.
 */
export function summaryRows(db: Kysely<Database>, orgId: number) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .leftJoin('orders as o', 'o.id', 't.order_id')
    .select([
      't.id',
      't.number',
      't.subject',
      't.status',
      't.priority',
      't.tags',
      't.customer_id',
      'c.name as customer_name',
      'c.locale as customer_locale',
      'o.number as order_number',
      't.order_ref',
      't.assignee_id',
      'a.display_name as assignee_name',
      't.assigned_at',
      't.answered',
      't.snoozed_until',
      't.first_response_at',
      't.resolved_at',
      't.sla_paused_ms',
      't.sla_paused_since',
      't.last_seq',
      't.customer_messages',
      't.last_customer_at',
      't.csat_score',
      't.csat_comment',
      't.csat_at',
      't.created_at',
      't.updated_at',
      sql<string | null>`(select json_object('k', m.author_kind, 'b', substr(m.body, 1, ${excerptLength}),
        'at', m.created_at) from ticket_messages m
        where m.ticket_id = t.id and m.kind != 'event' order by m.seq desc limit 1)`.as('last_message'),
    ])
    .where('t.org_id', '=', orgId);
}

export interface SummaryRow {
  id: number;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  tags: string;
  customer_id: number;
  customer_name: string;
  customer_locale: string;
  order_number: string | null;
  order_ref: string | null;
  assignee_id: number | null;
  assignee_name: string | null;
  assigned_at: number | null;
  answered: number;
  snoozed_until: number | null;
  first_response_at: number | null;
  resolved_at: number | null;
  sla_paused_ms: number;
  sla_paused_since: number | null;
  last_seq: number;
  customer_messages: number;
  last_customer_at: number | null;
  csat_score: number | null;
  csat_comment: string | null;
  csat_at: number | null;
  created_at: number;
  updated_at: number;
  last_message: string | null;
}

export function localeOf(value: string): 'zh-CN' | 'en' {
  return value === 'en' ? 'en' : 'zh-CN';
}

function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

function parseLast(json: string | null): TicketSummary['lastMessage'] {
  if (json === null) return null;
  const value = JSON.parse(json) as { k: 'customer' | 'agent' | 'system'; b: string; at: number };
  return { authorKind: value.k, excerpt: value.b.replace(/\s+/gu, ' ').trim(), at: Number(value.at) };
}

export function toSummary(r: SummaryRow): TicketSummary {
  return {
    id: r.id,
    number: r.number,
    subject: r.subject,
    status: r.status,
    priority: r.priority,
    tags: parseTags(r.tags),
    customer: { id: r.customer_id, name: r.customer_name, locale: localeOf(r.customer_locale) },
    orderNumber: r.order_number ?? r.order_ref,
    assignee:
      r.assignee_id === null
        ? null
        : { id: r.assignee_id, displayName: r.assignee_name ?? String(r.assignee_id) },
    assignedAt: r.assigned_at,
    answered: r.answered === 1,
    snoozedUntil: r.snoozed_until,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    slaPausedMs: Number(r.sla_paused_ms),
    slaPausedSince: r.sla_paused_since,
    lastSeq: r.last_seq,
    lastMessage: parseLast(r.last_message),
    customerMessages: r.customer_messages,
    lastCustomerAt: r.last_customer_at,
    csat:
      r.csat_score === null || r.csat_at === null
        ? null
        : { score: r.csat_score, comment: r.csat_comment, at: r.csat_at },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function loadSummary(
  db: Kysely<Database>,
  orgId: number,
  ticketId: number,
): Promise<TicketSummary | null> {
  const row = await summaryRows(db, orgId).where('t.id', '=', ticketId).executeTakeFirst();
  return row ? toSummary(row) : null;
}

export async function loadSummaries(
  db: Kysely<Database>,
  orgId: number,
  ticketIds: readonly number[],
): Promise<TicketSummary[]> {
  if (ticketIds.length === 0) return [];
  const rows = await summaryRows(db, orgId)
    .where('t.id', 'in', [...ticketIds])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ticketIds.flatMap((id) => byId.get(id) ?? []);
}
