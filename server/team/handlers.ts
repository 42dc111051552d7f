import { ok } from '../../shared/protocol/ack';
import type { MutationHandler, QueryHandler } from '../protocol/handler';
import type { HubServer } from '../protocol/socket-types';
import { orgRoom } from '../protocol/socket-types';
import { appendTeamMessage, teamHistory } from './store';

const defaultHistoryLimit = 50;

export function teamPostHandler(io: HubServer): MutationHandler<'team.post'> {
  return {
    kind: 'mutation',
    prepare(ctx, input) {
      return Promise.resolve(async (trx) => {
        const orgId = ctx.session.organisation.id;
        const message = await appendTeamMessage(trx, {
          orgId,
          commandId: input.id,
          author: { id: ctx.session.id, displayName: ctx.session.displayName },
          body: input.body,
          now: ctx.now,
        });
        return {
          ack: ok({ message }),
          after: () => io.to(orgRoom(orgId)).emit('team.message', { stream: 'team', message }),
        };
      });
    },
  };
}

/** What a client asks for when it sees a gap in the team stream's seq, or on first load. */
export const teamHistoryHandler: QueryHandler<'team.history'> = {
  kind: 'query',
  async run(ctx, input) {
    return ok(
      await teamHistory(
        ctx.db,
        ctx.session.organisation.id,
        input.afterSeq ?? 0,
        input.limit ?? defaultHistoryLimit,
      ),
    );
  },
};
