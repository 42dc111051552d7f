import type { z } from 'zod';
import type { Ack } from '../../shared/protocol/ack';
import { fail, ok } from '../../shared/protocol/ack';
import type { ChatMessage, ChatState, chatRateInput, chatSendInput } from '../../shared/protocol/chat';
import type { customerCommands, customerEphemerals } from '../../shared/protocol/events';
import type { EphemeralHandlers, Handlers } from '../protocol/handler';
import type { CustomerPrincipal } from '../protocol/principal';
import { rooms } from '../protocol/rooms';
import { replan } from '../tickets/assignment';
import { ticketMutation, type TicketsDeps, type WriteContext } from '../tickets/deps';
import { appendMessage, chatPage, toChatMessage } from '../tickets/store';
import { applyTransition, loadTicketRow } from '../tickets/ticket-rows';
import type { ChatFloodLimit } from './flood';
import { loadChatState } from './state';

type Ctx = WriteContext<CustomerPrincipal>;

const defaultPageSize = 50;
const gone = fail('not_found', 'This conversation is no longer available.');

export interface ChatDeps extends TicketsDeps {
  flood: ChatFloodLimit;
}

function slowDown(retryAfterMs: number): Ack<never> {
  return {
    ok: false,
    error: {
      code: 'rate_limited',
      message:
        'Slow down: you are sending messages very fast. Wait a moment, then send again; nothing was lost.',
      retryAfterMs: Math.min(86_400_000, Math.max(1, Math.ceil(retryAfterMs))),
    },
  };
}

/**
 * A customer's message: into their ticket only (the principal names it), a
 * photo only if it was uploaded to this ticket. It wakes a pending, snoozed
 * or resolved ticket, and an unassigned one goes back into the backlog.
 */
async function send(
  deps: ChatDeps,
  ctx: Ctx,
  input: z.output<typeof chatSendInput>,
): Promise<Ack<{ message: ChatMessage }>> {
  const { trx, fx, principal, now } = ctx;
  const ticket = await loadTicketRow(trx, principal.orgId, principal.ticketId);
  if (!ticket) return gone;
  if (input.attachmentId !== undefined) {
    const photo = await trx
      .selectFrom('ticket_attachments')
      .select('id')
      .where('id', '=', input.attachmentId)
      .where('ticket_id', '=', ticket.id)
      .where('org_id', '=', principal.orgId)
      .executeTakeFirst();
    if (!photo) return fail('invalid_input', 'That photo is not part of this conversation. Attach it again.');
  }
  // Checked here, after the repeat check the dispatcher made: a resent message costs nothing.
  const wait = deps.flood.take(principal.chatId);
  if (wait !== null) return slowDown(wait);
  const stored = await appendMessage(trx, {
    orgId: principal.orgId,
    ticketId: ticket.id,
    kind: 'message',
    authorKind: 'customer',
    authorId: null,
    commandId: input.id,
    body: input.body,
    event: null,
    visibleToCustomer: true,
    attachmentId: input.attachmentId ?? null,
    now,
  });
  fx.message(ticket.id, stored);
  const verdict = await applyTransition(trx, ticket, { type: 'customer_message' }, now);
  if (verdict.ok && verdict.changed) {
    fx.message(
      ticket.id,
      await appendMessage(trx, {
        orgId: principal.orgId,
        ticketId: ticket.id,
        kind: 'event',
        authorKind: 'system',
        authorId: null,
        commandId: null,
        body: '',
        event: { type: 'status', status: verdict.state.status, until: null },
        // "Reopened" is the customer's to see; a pending or snoozed ticket waking is the agents' business.
        visibleToCustomer: ticket.status === 'resolved',
        now,
      }),
    );
    fx.chatState(ticket.id);
    if (ticket.assignee_id !== null) fx.agent(ticket.assignee_id);
    await replan(trx, fx, now);
  }
  await trx
    .updateTable('chat_sessions')
    .set({ last_seen_at: now })
    .where('id', '=', principal.chatId)
    .execute();
  return ok({ message: toChatMessage(stored.message, stored.publicSeq ?? 0) });
}

/** A rating once the conversation is resolved, once. */
async function rate(ctx: Ctx, input: z.output<typeof chatRateInput>): Promise<Ack<{ state: ChatState }>> {
  const { trx, fx, principal, now } = ctx;
  const ticket = await loadTicketRow(trx, principal.orgId, principal.ticketId);
  if (!ticket) return gone;
  if (ticket.status !== 'resolved')
    return fail('conflict', 'You can rate the conversation once it is resolved.');
  if (ticket.csat_score !== null)
    return fail('conflict', 'You have already rated this conversation. Thank you.');
  const comment = input.comment === undefined || input.comment === '' ? null : input.comment;
  await trx
    .updateTable('tickets')
    .set({ csat_score: input.score, csat_comment: comment, csat_at: now, updated_at: now })
    .where('id', '=', ticket.id)
    .execute();
  fx.message(
    ticket.id,
    await appendMessage(trx, {
      orgId: principal.orgId,
      ticketId: ticket.id,
      kind: 'event',
      authorKind: 'system',
      authorId: null,
      commandId: input.id,
      body: comment ?? '',
      event: { type: 'rated', score: input.score },
      visibleToCustomer: false,
      now,
    }),
  );
  fx.chatState(ticket.id);
  const state = await loadChatState(trx, principal.orgId, ticket.id);
  return state ? ok({ state }) : gone;
}

/** The customer's audience: their one conversation, and nothing else exists for them. */
export function chatHandlers(deps: ChatDeps): Handlers<typeof customerCommands, CustomerPrincipal> {
  const orgOf = (p: CustomerPrincipal): number => p.orgId;
  return {
    'chat.state': {
      kind: 'query',
      async run(ctx) {
        const state = await loadChatState(ctx.db, ctx.principal.orgId, ctx.principal.ticketId);
        return state ? ok(state) : gone;
      },
    },
    'chat.history': {
      kind: 'query',
      async run(ctx, input) {
        return ok(
          await chatPage(ctx.db, ctx.principal.ticketId, {
            beforeSeq: input.beforeSeq,
            afterSeq: input.afterSeq,
            limit: input.limit ?? defaultPageSize,
          }),
        );
      },
    },
    'chat.send': ticketMutation(deps, orgOf, (ctx, input) => send(deps, ctx, input)),
    'chat.rate': ticketMutation(deps, orgOf, rate),
  };
}

export const chatEphemeralHandlers: EphemeralHandlers<typeof customerEphemerals, CustomerPrincipal> = {
  'chat.typing': (ctx) => {
    const { orgId, ticketId } = ctx.principal;
    ctx.relay(rooms.tickets(orgId), 'tickets.customerTyping', { ticketId });
  },
};
