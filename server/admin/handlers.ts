import { fail, ok } from '../../shared/protocol/ack';
import { hashPassword } from '../auth/password';
import type { LoginLimiter } from '../auth/rate-limit';
import { createUser, listUsers, setPassword } from '../auth/users';
import type { MutationHandler, QueryHandler } from '../protocol/handler';
import type { HubServer } from '../protocol/socket-types';
import { userRoom } from '../protocol/socket-types';

export interface AdminDeps {
  io: HubServer;
  limiter: LoginLimiter;
}

/** Admins and supervisors see the people of their own organisation only. */
export const listUsersHandler: QueryHandler<'admin.users.list'> = {
  kind: 'query',
  async run(ctx) {
    return ok({ users: await listUsers(ctx.db, ctx.session.organisation.id) });
  },
};

export const createUserHandler: MutationHandler<'admin.users.create'> = {
  kind: 'mutation',
  async prepare(ctx, input) {
    const passwordHash = await hashPassword(input.password);
    return async (trx) => {
      const user = await createUser(trx, {
        orgId: ctx.session.organisation.id,
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        roles: input.roles,
        now: ctx.now,
      });
      if (!user) return { ack: fail('conflict', 'That username is taken.') };
      ctx.log.info({ createdUserId: user.id }, 'user created');
      return { ack: ok({ user }) };
    };
  },
};

export function resetPasswordHandler(deps: AdminDeps): MutationHandler<'admin.users.resetPassword'> {
  return {
    kind: 'mutation',
    async prepare(ctx, input) {
      const passwordHash = await hashPassword(input.password);
      return async (trx) => {
        const user = await setPassword(trx, ctx.session.organisation.id, input.userId, passwordHash);
        // Another organisation's user is "not found": ids must not reveal who exists elsewhere.
        if (!user) return { ack: fail('not_found', 'No such user.') };
        ctx.log.info({ targetUserId: input.userId }, 'password reset');
        return {
          ack: ok({ userId: input.userId }),
          after: () => {
            // Sessions opened with the old password end now, not when their token expires.
            deps.io.in(userRoom(input.userId)).disconnectSockets(true);
            deps.limiter.clearUsername(user.username).catch((err: unknown) => {
              ctx.log.warn({ err }, 'could not clear login failures');
            });
          },
        };
      };
    },
  };
}
