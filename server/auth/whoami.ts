import { fail, ok } from '../../shared/protocol/ack';
import type { sessionCommands } from '../../shared/protocol/session';
import type { Handlers } from '../protocol/handler';
import type { WorkerPrincipal } from '../protocol/principal';
import { loadSession } from './users';

export const sessionHandlers: Handlers<typeof sessionCommands, WorkerPrincipal> = {
  /** Read fresh from the store, so a renamed user or a new role shows without signing in again. */
  'session.whoami': {
    kind: 'query',
    async run(ctx) {
      const record = await loadSession(ctx.db, ctx.principal.user.id);
      if (!record) return fail('unauthorized', 'This account no longer exists.');
      return ok({ user: record.user, serverTime: ctx.now });
    },
  },
};
