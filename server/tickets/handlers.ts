import { ok } from '../../shared/protocol/ack';
import type { ticketsCommands, ticketsEphemerals } from '../../shared/protocol/tickets';
import type { EphemeralHandlers, Handlers, QueryHandler } from '../protocol/handler';
import type { WorkerPrincipal } from '../protocol/principal';
import { rooms } from '../protocol/rooms';
import { claim, markRead, setStatus, transfer, update } from './actions';
import { setPresence, setProfile, storeSettings } from './agent-commands';
import { listAgents } from './agents';
import { deleteCanned, listCannedFor, saveCanned } from './canned';
import { ticketNotFound, ticketMutation, type TicketsDeps } from './deps';
import { ticketContext, ticketDetail } from './details';
import { listTickets, queueCounts } from './queries';
import { reply } from './reply';
import { loadSettings } from './settings';
import { ticketPage } from './store';
import { loadTicketRow } from './ticket-rows';

type Tickets = Handlers<typeof ticketsCommands, WorkerPrincipal>;

const orgOf = (p: WorkerPrincipal): number => p.user.organisation.id;
const defaultPageSize = 50;

function read<In, Out>(
  run: QueryHandler<WorkerPrincipal, In, Out>['run'],
): QueryHandler<WorkerPrincipal, In, Out> {
  return { kind: 'query', run };
}

/**
 * The Tickets job for workers. Every ticket is looked up through the
 * caller's organisation: one of another organisation is `not_found`, never
 * `forbidden`, so an id tells nobody what exists elsewhere.
 */
export function ticketsHandlers(deps: TicketsDeps): Tickets {
  const write = <In, Out>(body: Parameters<typeof ticketMutation<WorkerPrincipal, In, Out>>[2]) =>
    ticketMutation<WorkerPrincipal, In, Out>(deps, orgOf, body);
  return {
    'tickets.list': read(async (ctx, input) => {
      const orgId = orgOf(ctx.principal);
      const settings = await loadSettings(ctx.db, orgId);
      return ok(
        await listTickets(
          ctx.db,
          { orgId, userId: ctx.principal.user.id, now: ctx.now, sla: settings.sla },
          input,
        ),
      );
    }),
    'tickets.counts': read(async (ctx) =>
      ok(await queueCounts(ctx.db, orgOf(ctx.principal), ctx.principal.user.id)),
    ),
    'tickets.get': read(async (ctx, input) => {
      const detail = await ticketDetail(ctx.db, orgOf(ctx.principal), ctx.principal.user.id, input.ticketId);
      return detail ? ok(detail) : ticketNotFound;
    }),
    'tickets.messages': read(async (ctx, input) => {
      const ticket = await loadTicketRow(ctx.db, orgOf(ctx.principal), input.ticketId);
      if (!ticket) return ticketNotFound;
      return ok(
        await ticketPage(ctx.db, ticket.id, {
          beforeSeq: input.beforeSeq,
          afterSeq: input.afterSeq,
          limit: input.limit ?? defaultPageSize,
        }),
      );
    }),
    'tickets.context': read(async (ctx, input) => {
      const context = await ticketContext(ctx.db, orgOf(ctx.principal), input.ticketId);
      return context ? ok(context) : ticketNotFound;
    }),
    'tickets.suggest': read(async (ctx, input) => {
      const orgId = orgOf(ctx.principal);
      const ticket = await loadTicketRow(ctx.db, orgId, input.ticketId);
      if (!ticket) return ticketNotFound;
      return ok(await deps.suggestions.suggest(ctx.db, orgId, ctx.principal.user.id, ticket.id));
    }),
    'tickets.reply': write((ctx, input) => reply(deps, ctx, input)),
    'tickets.claim': write(claim),
    'tickets.transfer': write(transfer),
    'tickets.setStatus': write(setStatus),
    'tickets.update': write(update),
    'tickets.read': write(markRead),
    'agents.list': read(async (ctx) => ok(await listAgents(ctx.db, orgOf(ctx.principal)))),
    'agents.setPresence': write(setPresence),
    'agents.setProfile': write(setProfile),
    'tickets.settings': read(async (ctx) => ok(await loadSettings(ctx.db, orgOf(ctx.principal)))),
    'tickets.saveSettings': write(storeSettings),
    'canned.list': read((ctx, input) => listCannedFor(ctx.db, ctx.principal, input)),
    'canned.save': write((ctx, input) => saveCanned(deps, ctx, input)),
    'canned.delete': write((ctx, input) => deleteCanned(deps, ctx, input)),
  };
}

/**
 * "Viewing" and "typing" go to the organisation's agents; a reply being
 * typed (never a note) also tells the customer that someone is writing.
 * The ticket is named by the sender, and the relay rooms carry the
 * organisation, so a made-up id reaches nobody outside it; a customer room
 * of the sender's organisation that has no such ticket has no one in it.
 */
export const ticketsEphemeralHandlers: EphemeralHandlers<typeof ticketsEphemerals, WorkerPrincipal> = {
  'tickets.activity': (ctx, input) => {
    const { user } = ctx.principal;
    const orgId = user.organisation.id;
    ctx.relay(rooms.tickets(orgId), 'tickets.activity', {
      ticketId: input.ticketId,
      user: { id: user.id, displayName: user.displayName },
      activity: input.activity,
    });
    if (input.activity === 'typing' && !input.internal) {
      ctx.relay(rooms.chat(orgId, input.ticketId), 'chat.typing', { name: user.displayName });
    }
  },
};
