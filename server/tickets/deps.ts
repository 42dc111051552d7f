import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Ack } from '../../shared/protocol/ack';
import { fail } from '../../shared/protocol/ack';
import type { MutationHandler } from '../protocol/handler';
import type { Principal } from '../protocol/principal';
import type { Database } from '../store/schema';
import type { TicketPushes } from './pushes';
import { Effects } from './pushes';
import type { SuggestionCache } from './suggest';

/** What the Tickets job's handlers need from the hub besides the store. */
export interface TicketsDeps {
  pushes: TicketPushes;
  suggestions: SuggestionCache;
}

export interface WriteContext<P extends Principal> {
  trx: Kysely<Database>;
  fx: Effects;
  principal: P;
  now: number;
  log: Logger;
}

export const ticketNotFound = fail('not_found', 'There is no such ticket.');

/**
 * A mutation whose whole effect is written in the command's transaction and
 * whose pushes are collected in an `Effects`: on success they are read in the
 * same transaction and sent after the commit; a refusal must come before
 * anything is written (it is recorded, and the write with it).
 */
export function ticketMutation<P extends Principal, In, Out>(
  deps: TicketsDeps,
  orgOf: (principal: P) => number,
  body: (ctx: WriteContext<P>, input: In) => Promise<Ack<Out>>,
): MutationHandler<P, In, Out> {
  return {
    kind: 'mutation',
    prepare(ctx, input) {
      return Promise.resolve(async (trx) => {
        const fx = new Effects(orgOf(ctx.principal));
        const ack = await body({ trx, fx, principal: ctx.principal, now: ctx.now, log: ctx.log }, input);
        if (!ack.ok) return { ack };
        return { ack, after: await fx.settle(trx, deps.pushes) };
      });
    },
  };
}
