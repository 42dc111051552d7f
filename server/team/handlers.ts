import { ok } from '../../shared/protocol/ack';
import type { teamCommands, teamEphemerals } from '../../shared/protocol/team';
import type { EphemeralHandlers, Handlers } from '../protocol/handler';
import type { WorkerPrincipal } from '../protocol/principal';
import { rooms } from '../protocol/rooms';
import type { PushBatcher } from '../protocol/push-batcher';
import { appendTeamMessage, teamPage } from './store';

const defaultPageSize = 50;

export function teamHandlers(pushes: PushBatcher): Handlers<typeof teamCommands, WorkerPrincipal> {
  return {
    'team.post': {
      kind: 'mutation',
      prepare(ctx, input) {
        return Promise.resolve(async (trx) => {
          const { user } = ctx.principal;
          const message = await appendTeamMessage(trx, {
            orgId: user.organisation.id,
            commandId: input.id,
            authorId: user.id,
            body: input.body,
            now: ctx.now,
          });
          return {
            ack: ok({ message }),
            after: () => pushes.add(rooms.team(user.organisation.id), 'team.messages', message),
          };
        });
      },
    },

    /** The newest page on first load, older pages on demand, and exactly a gap's seqs after one. */
    'team.history': {
      kind: 'query',
      async run(ctx, input) {
        return ok(
          await teamPage(ctx.db, ctx.principal.user.organisation.id, {
            ...input,
            limit: input.limit ?? defaultPageSize,
          }),
        );
      },
    },
  };
}

export const teamEphemeralHandlers: EphemeralHandlers<typeof teamEphemerals, WorkerPrincipal> = {
  'team.typing': (ctx) => {
    const { user } = ctx.principal;
    ctx.relay(rooms.team(user.organisation.id), 'team.typing', {
      author: { id: user.id, displayName: user.displayName },
    });
  },
};
