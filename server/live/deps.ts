import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Ack } from '../../shared/protocol/ack';
import { fail } from '../../shared/protocol/ack';
import type { MutationHandler, QueryHandler } from '../protocol/handler';
import type { Principal, WorkerPrincipal } from '../protocol/principal';
import type { Database } from '../store/schema';
import type { LiveService } from './service';

/** What the Live job's handlers need: the running service (pushes, counters, the media plane). */
export interface LiveDeps {
  service: LiveService;
}

export interface LiveWrite<P extends Principal> {
  trx: Kysely<Database>;
  principal: P;
  now: number;
  log: Logger;
  /** Effects run once after the commit and the ack: pushes, timers, the media plane. */
  after(effect: () => void): void;
}

export const noRoom = fail('not_found', 'You have no live room yet. Go live once to create it.');
export const noBroadcast = fail('not_found', 'There is no such broadcast.');
export const notLive = fail('conflict', 'This broadcast has ended. Go live again to start a new one.');
export const noProduct = fail('not_found', 'There is no such product.');

export const orgOf = (p: WorkerPrincipal): number => p.user.organisation.id;

/**
 * A mutation written in the command's transaction (with its recorded
 * result); a refusal comes before anything is written, and the effects it
 * collected run after the commit, never on a repeat.
 */
export function liveMutation<P extends Principal, In, Out>(
  body: (ctx: LiveWrite<P>, input: In) => Promise<Ack<Out>>,
): MutationHandler<P, In, Out> {
  return {
    kind: 'mutation',
    prepare(ctx, input) {
      return Promise.resolve(async (trx) => {
        const effects: (() => void)[] = [];
        const ack = await body(
          { trx, principal: ctx.principal, now: ctx.now, log: ctx.log, after: (e) => effects.push(e) },
          input,
        );
        if (!ack.ok) return { ack };
        return { ack, after: () => effects.forEach((e) => e()) };
      });
    },
  };
}

export function read<P extends Principal, In, Out>(
  run: QueryHandler<P, In, Out>['run'],
): QueryHandler<P, In, Out> {
  return { kind: 'query', run };
}
