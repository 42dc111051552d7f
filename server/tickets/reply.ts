import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { fail, ok, type Ack } from '../../shared/protocol/ack';
import type { ticketReplyInput, TicketMessage, TicketSummary } from '../../shared/protocol/tickets';
import type { WorkerPrincipal } from '../protocol/principal';
import type { Database } from '../store/schema';
import { visibleCanned } from './canned';
import { ticketNotFound, type TicketsDeps, type WriteContext } from './deps';
import { appendMessage, latestCustomerMessage, writtenSince } from './store';
import { applyTransition, loadTicketRow } from './ticket-rows';

type ReplyInput = z.output<typeof ticketReplyInput>;

/** Picks kept per canned reply: enough to learn from, bounded so the table does not grow without end. */
export const maxPicksPerCanned = 200;

async function recordPick(
  db: Kysely<Database>,
  orgId: number,
  cannedId: number,
  message: string,
  now: number,
): Promise<void> {
  await db
    .insertInto('canned_picks')
    .values({ org_id: orgId, canned_id: cannedId, message, created_at: now })
    .execute();
  await db
    .deleteFrom('canned_picks')
    .where('canned_id', '=', cannedId)
    .where('id', 'not in', (eb) =>
      eb
        .selectFrom('canned_picks')
        .select('id')
        .where('canned_id', '=', cannedId)
        .orderBy('id', 'desc')
        .limit(maxPicksPerCanned),
    )
    .execute();
}

/**
 * A reply the customer sees, or an internal note they never do. A reply is
 * refused with `changed` when the customer or a colleague wrote after what
 * the agent had seen (their own messages never block them), unless `force`;
 * it sets the first response once, marks the ticket answered and moves the
 * status machine. A note changes nothing but the conversation.
 */
export async function reply(
  deps: TicketsDeps,
  ctx: WriteContext<WorkerPrincipal>,
  input: ReplyInput,
): Promise<Ack<{ message: TicketMessage; ticket: TicketSummary }>> {
  const { trx, fx, principal, now } = ctx;
  const { user } = principal;
  const ticket = await loadTicketRow(trx, fx.orgId, input.ticketId);
  if (!ticket) return ticketNotFound;
  if (!input.internal && !input.force && (await writtenSince(trx, ticket.id, input.seenSeq, user.id))) {
    return fail(
      'changed',
      'New messages arrived in this conversation since you last looked. Read them, then send again or send anyway.',
    );
  }
  const canned =
    input.cannedId === undefined ? null : await visibleCanned(trx, fx.orgId, user.id, input.cannedId);
  if (canned) {
    const latest = await latestCustomerMessage(trx, ticket.id);
    if (latest) {
      await recordPick(trx, fx.orgId, canned.id, latest.body, now);
      fx.afterCommit(() => deps.suggestions.invalidate(fx.orgId));
    }
  }
  const stored = await appendMessage(trx, {
    orgId: fx.orgId,
    ticketId: ticket.id,
    kind: input.internal ? 'note' : 'message',
    authorKind: 'agent',
    authorId: user.id,
    commandId: input.id,
    body: input.body,
    event: null,
    visibleToCustomer: !input.internal,
    cannedId: canned?.id ?? null,
    now,
  });
  fx.message(ticket.id, stored);
  if (!input.internal) {
    const fresh = await loadTicketRow(trx, fx.orgId, ticket.id);
    if (fresh) {
      await applyTransition(trx, fresh, { type: 'agent_reply' }, now, {
        first_response_at: fresh.first_response_at ?? now,
      });
    }
  }
  const summary = await fx.summary(trx, ticket.id);
  if (!summary) return ticketNotFound;
  return ok({ message: stored.message, ticket: summary });
}
