import { sql, type Kysely } from 'kysely';
import type { ChatMessage } from '../../shared/protocol/chat';
import type { Attachment, TicketEvent, TicketMessage } from '../../shared/protocol/tickets';
import { ticketEventSchema } from '../../shared/protocol/tickets';
import type { Database } from '../store/schema';
import type { PageRequest } from '../store/stream-page';
import { pageStream } from '../store/stream-page';
import { indexMessage } from './search-index';

/**
 * A conversation's messages, notes and events. Each has the ticket's next
 * `seq`; what the customer may see (messages and public events, never notes)
 * also has the next `public_seq`, the customer's own gap-free stream.
 */

export interface NewTicketMessage {
  orgId: number;
  ticketId: number;
  kind: 'message' | 'note' | 'event';
  authorKind: 'customer' | 'agent' | 'system';
  authorId: number | null;
  commandId: string | null;
  body: string;
  event: TicketEvent | null;
  /** In the customer's stream: messages always, notes never, events when the customer should see them. */
  visibleToCustomer: boolean;
  attachmentId?: string | null;
  cannedId?: number | null;
  now: number;
}

export interface StoredMessage {
  message: TicketMessage;
  /** The customer's seq, or null when it is not in their stream. */
  publicSeq: number | null;
  /** Its id in `ticket_messages` (the search index's key). */
  rowId: number;
}

function messageRows(db: Kysely<Database>, ticketId: number) {
  return db
    .selectFrom('ticket_messages as m')
    .innerJoin('tickets as t', 't.id', 'm.ticket_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .leftJoin('ticket_attachments as f', 'f.id', 'm.attachment_id')
    .select([
      'm.id',
      'm.seq',
      'm.public_seq',
      'm.command_id',
      'm.kind',
      'm.author_kind',
      'm.author_id',
      'm.body',
      'm.event',
      'm.created_at',
      'c.name as customer_name',
      'u.display_name as author_name',
      'f.id as attachment_id',
      'f.mime as attachment_mime',
      'f.width as attachment_width',
      'f.height as attachment_height',
      'f.byte_size as attachment_bytes',
    ])
    .where('m.ticket_id', '=', ticketId);
}

interface MessageRow {
  id: number;
  seq: number;
  public_seq: number | null;
  command_id: string | null;
  kind: 'message' | 'note' | 'event';
  author_kind: 'customer' | 'agent' | 'system';
  author_id: number | null;
  body: string;
  event: string | null;
  created_at: number;
  customer_name: string;
  author_name: string | null;
  attachment_id: string | null;
  attachment_mime: Attachment['mime'] | null;
  attachment_width: number | null;
  attachment_height: number | null;
  attachment_bytes: number | null;
}

function attachmentOf(r: MessageRow): Attachment | null {
  if (
    r.attachment_id === null ||
    r.attachment_mime === null ||
    r.attachment_width === null ||
    r.attachment_height === null ||
    r.attachment_bytes === null
  )
    return null;
  return {
    id: r.attachment_id,
    mime: r.attachment_mime,
    width: r.attachment_width,
    height: r.attachment_height,
    bytes: r.attachment_bytes,
  };
}

function eventOf(json: string | null): TicketEvent | null {
  if (json === null) return null;
  const parsed = ticketEventSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function authorName(r: MessageRow): string {
  if (r.author_kind === 'customer') return r.customer_name;
  if (r.author_kind === 'agent') return r.author_name ?? '';
  return '';
}

function toMessage(r: MessageRow): TicketMessage {
  return {
    seq: r.seq,
    commandId: r.command_id,
    kind: r.kind,
    author: { kind: r.author_kind, id: r.author_id, name: authorName(r) },
    body: r.body,
    event: eventOf(r.event),
    attachment: attachmentOf(r),
    createdAt: r.created_at,
  };
}

/** How an event reads in the customer's stream; null for events the customer does not see. */
function chatEventOf(event: TicketEvent | null): { event: ChatMessage['event']; name: string | null } | null {
  if (event === null) return null;
  switch (event.type) {
    case 'created':
      return { event: 'created', name: null };
    case 'assigned':
      return { event: 'assigned', name: event.agent.displayName };
    case 'transferred':
      return { event: 'assigned', name: event.to.displayName };
    case 'status':
      if (event.status === 'resolved') return { event: 'resolved', name: null };
      if (event.status === 'open') return { event: 'reopened', name: null };
      return null;
    default:
      return null;
  }
}

/** The customer's view of one of their stream's messages (`publicSeq` set). */
export function toChatMessage(message: TicketMessage, publicSeq: number): ChatMessage {
  const chatEvent = message.kind === 'event' ? chatEventOf(message.event) : null;
  return {
    seq: publicSeq,
    // Only the customer's own ids: an agent's command id is of no use to the page, and is theirs.
    commandId: message.author.kind === 'customer' ? message.commandId : null,
    author: message.author.kind,
    name: chatEvent ? (chatEvent.name ?? '') : message.author.name,
    body: message.kind === 'event' ? '' : message.body,
    event: chatEvent?.event ?? null,
    attachment: message.attachment,
    createdAt: message.createdAt,
  };
}

/**
 * Appends with the ticket's next seq (and next public seq when the customer
 * sees it), read and written in one statement, and moves the ticket's
 * counters with it; call inside the write's transaction. Message and note
 * bodies go into the search index in the same transaction.
 */
export async function appendMessage(db: Kysely<Database>, input: NewTicketMessage): Promise<StoredMessage> {
  const visible = input.visibleToCustomer && input.kind !== 'note';
  const fromCustomer = input.authorKind === 'customer' && input.kind === 'message';
  const inserted = await db
    .insertInto('ticket_messages')
    .columns([
      'ticket_id',
      'seq',
      'public_seq',
      'command_id',
      'kind',
      'author_kind',
      'author_id',
      'body',
      'event',
      'attachment_id',
      'canned_id',
      'created_at',
    ])
    .expression((eb) =>
      eb
        .selectFrom('tickets')
        .select([
          eb.val(input.ticketId).as('ticket_id'),
          sql<number>`last_seq + 1`.as('seq'),
          (visible ? sql<number | null>`last_public_seq + 1` : sql<number | null>`null`).as('public_seq'),
          eb.val(input.commandId).as('command_id'),
          eb.val(input.kind).as('kind'),
          eb.val(input.authorKind).as('author_kind'),
          eb.val(input.authorId).as('author_id'),
          eb.val(input.body).as('body'),
          eb.val(input.event === null ? null : JSON.stringify(input.event)).as('event'),
          eb.val(input.attachmentId ?? null).as('attachment_id'),
          eb.val(input.cannedId ?? null).as('canned_id'),
          eb.val(input.now).as('created_at'),
        ])
        .where('id', '=', input.ticketId)
        .where('org_id', '=', input.orgId),
    )
    .returning(['id', 'seq', 'public_seq'])
    .executeTakeFirstOrThrow();
  await db
    .updateTable('tickets')
    .set((eb) => ({
      last_seq: inserted.seq,
      ...(visible ? { last_public_seq: eb('last_public_seq', '+', 1) } : {}),
      ...(fromCustomer
        ? { customer_messages: eb('customer_messages', '+', 1), last_customer_at: input.now }
        : {}),
      updated_at: input.now,
    }))
    .where('id', '=', input.ticketId)
    .execute();
  if (input.kind !== 'event') {
    await indexMessage(db, {
      messageId: inserted.id,
      ticketId: input.ticketId,
      orgId: input.orgId,
      body: input.body,
    });
  }
  const row = await messageRows(db, input.ticketId).where('m.id', '=', inserted.id).executeTakeFirstOrThrow();
  return { message: toMessage(row), publicSeq: inserted.public_seq, rowId: inserted.id };
}

/** The agents' view: every message, note and event. */
export function ticketPage(db: Kysely<Database>, ticketId: number, request: PageRequest) {
  return pageStream(messageRows(db, ticketId), 'm.seq', request, toMessage);
}

/** The customer's view: their own stream only (public seq set); notes never appear in it. */
export function chatPage(db: Kysely<Database>, ticketId: number, request: PageRequest) {
  const rows = messageRows(db, ticketId).where('m.public_seq', 'is not', null);
  return pageStream(rows, 'm.public_seq', request, (r) => toChatMessage(toMessage(r), r.public_seq ?? 0));
}

/** The customer's newest message: what suggestions answer, and what a canned pick learns from. */
export async function latestCustomerMessage(
  db: Kysely<Database>,
  ticketId: number,
): Promise<{ seq: number; body: string } | null> {
  const row = await db
    .selectFrom('ticket_messages')
    .select(['seq', 'body'])
    .where('ticket_id', '=', ticketId)
    .where('author_kind', '=', 'customer')
    .where('kind', '=', 'message')
    .where('body', '!=', '')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** True when someone other than `userId` wrote (a message or a note) after `seenSeq`. */
export async function writtenSince(
  db: Kysely<Database>,
  ticketId: number,
  seenSeq: number,
  userId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('ticket_messages')
    .select('seq')
    .where('ticket_id', '=', ticketId)
    .where('seq', '>', seenSeq)
    .where('kind', '!=', 'event')
    .where((eb) =>
      eb.or([eb('author_kind', '!=', 'agent'), eb('author_id', 'is', null), eb('author_id', '!=', userId)]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
