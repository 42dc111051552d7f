import { fail, ok } from '../../shared/protocol/ack';
import type { QueryHandler } from '../protocol/handler';
import { loadSession } from './users';

/** Read fresh from the store, so a renamed user or a new role shows without signing in again. */
export const whoami: QueryHandler<'session.whoami'> = {
  kind: 'query',
  async run(ctx) {
    const record = await loadSession(ctx.db, ctx.session.id);
    if (!record) return fail('unauthorized', 'This account no longer exists.');
    return ok({ user: record.user, serverTime: ctx.now });
  },
};
