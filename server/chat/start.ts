import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { toIssues } from '../../shared/protocol/ack';
import { chatStartRequest, type ChatStartRequest, type ChatStartResponse } from '../../shared/protocol/chat';
import { limitedFor } from '../auth/login';
import type { HttpResult } from '../http/respond';
import { httpError } from '../http/respond';
import type { Database } from '../store/schema';
import type { WriteQueue } from '../store/write-queue';
import { replan } from '../tickets/assignment';
import { Effects, type TicketPushes } from '../tickets/pushes';
import { indexTicketHeader } from '../tickets/search-index';
import { takeTicketNumber } from '../tickets/settings';
import { appendMessage } from '../tickets/store';
import { hashChatToken, newChatToken } from './chat-token';
import type { StartLimiter } from './start-limit';

export interface ChatStartDeps {
  db: Kysely<Database>;
  writes: WriteQueue;
  log: Logger;
  now: () => number;
  pushes: TicketPushes;
  limiter: StartLimiter;
}

/** A subject is the first line of the first message, this long at most (characters). */
const subjectLength = 80;

function subjectOf(message: string): string {
  const line = message.split(/\r?\n/u).find((l) => l.trim() !== '') ?? message;
  const chars = [...line.trim()];
  return chars.length > subjectLength ? `${chars.slice(0, subjectLength - 1).join('')}…` : chars.join('');
}

/** The shop named, or the hub's only one; null when it does not exist or cannot be told apart. */
async function resolveOrg(db: Kysely<Database>, given: number | undefined): Promise<number | null> {
  if (given !== undefined) {
    const row = await db.selectFrom('organisations').select('id').where('id', '=', given).executeTakeFirst();
    return row?.id ?? null;
  }
  const rows = await db.selectFrom('organisations').select('id').limit(2).execute();
  return rows.length === 1 ? (rows[0]?.id ?? null) : null;
}

/**
 * The customer: one per organisation, name and language. Two shoppers who
 * give the same name share the record agents see; neither can see the
 * other's conversation, since a customer's token opens only their own ticket.
 */
async function customerFor(db: Kysely<Database>, orgId: number, request: ChatStartRequest, now: number) {
  const found = await db
    .selectFrom('customers')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', request.name)
    .where('locale', '=', request.locale)
    .orderBy('id')
    .executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('customers')
    .values({
      org_id: orgId,
      name: request.name,
      locale: request.locale,
      phone: null,
      email: null,
      city: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

interface Started {
  response: ChatStartResponse;
  after: (() => void) | null;
}

async function open(
  deps: ChatStartDeps,
  trx: Kysely<Database>,
  orgId: number,
  request: ChatStartRequest,
): Promise<Started> {
  const now = deps.now();
  const token = newChatToken();
  // A resent start (its answer was lost) finds the conversation it opened. Only the token's hash is
  // stored, so the first token cannot be answered again: the session gets a new one instead, and the
  // old one stops opening the conversation (a browser holds one token, the newest it was given).
  const repeat = await trx
    .selectFrom('chat_sessions as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .select(['s.id', 't.number'])
    .where('s.org_id', '=', orgId)
    .where('s.start_command_id', '=', request.id)
    .executeTakeFirst();
  if (repeat) {
    await trx
      .updateTable('chat_sessions')
      .set({ token_hash: hashChatToken(token), last_seen_at: now })
      .where('id', '=', repeat.id)
      .execute();
    return { response: { token, ticketNumber: repeat.number }, after: null };
  }
  const customerId = await customerFor(trx, orgId, request, now);
  const order =
    request.orderNumber === undefined
      ? undefined
      : await trx
          .selectFrom('orders')
          .select(['id', 'number'])
          .where('org_id', '=', orgId)
          .where('number', '=', request.orderNumber)
          .executeTakeFirst();
  const number = await takeTicketNumber(trx, orgId, now);
  const ticket = await trx
    .insertInto('tickets')
    .values({
      org_id: orgId,
      number,
      customer_id: customerId,
      order_id: order?.id ?? null,
      order_ref: order ? null : (request.orderNumber ?? null),
      subject: subjectOf(request.message),
      status: 'new',
      priority: 'normal',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fx = new Effects(orgId);
  const base = { orgId, ticketId: ticket.id, now, visibleToCustomer: true };
  fx.message(
    ticket.id,
    await appendMessage(trx, {
      ...base,
      kind: 'event',
      authorKind: 'system',
      authorId: null,
      commandId: null,
      body: '',
      event: { type: 'created' },
    }),
  );
  fx.message(
    ticket.id,
    await appendMessage(trx, {
      ...base,
      kind: 'message',
      authorKind: 'customer',
      authorId: null,
      commandId: request.id,
      body: request.message,
      event: null,
    }),
  );
  await indexTicketHeader(trx, {
    ticketId: ticket.id,
    orgId,
    number,
    customerName: request.name,
    orderNumber: order?.number ?? request.orderNumber ?? null,
  });
  await trx
    .insertInto('chat_sessions')
    .values({
      org_id: orgId,
      ticket_id: ticket.id,
      customer_id: customerId,
      token_hash: hashChatToken(token),
      start_command_id: request.id,
      created_at: now,
      last_seen_at: now,
    })
    .execute();
  await replan(trx, fx, now);
  return { response: { token, ticketNumber: number }, after: await fx.settle(trx, deps.pushes) };
}

/**
 * `POST /api/chat/start`: a customer's name, an optional order number and
 * their first message open a ticket, in one write with its first messages,
 * its search rows, the chat session and the assignment; the answer is the
 * token the page keeps. Limited per source before anything is written.
 */
export async function startChat(deps: ChatStartDeps, body: unknown, ip: string): Promise<HttpResult> {
  const parsed = chatStartRequest.safeParse(body);
  if (!parsed.success) return httpError('invalid_input', 'The request is not valid.', toIssues(parsed.error));
  const wait = deps.limiter.take(ip, deps.now());
  if (wait !== null) {
    deps.log.warn('chat starts limited for a source');
    return limitedFor(
      wait,
      'Slow down: too many conversations were started from here. Try again in a few minutes.',
    );
  }
  const orgId = await resolveOrg(deps.db, parsed.data.org);
  if (orgId === null) {
    return httpError('invalid_input', 'There is no such shop on this hub.', [
      { path: ['org'], message: 'unknown shop' },
    ]);
  }
  const started = await deps.writes.run((trx) => open(deps, trx, orgId, parsed.data));
  try {
    started.after?.();
  } catch (err) {
    deps.log.error({ err }, 'after-commit effect of a chat start failed');
  }
  return { status: 200, body: started.response };
}
