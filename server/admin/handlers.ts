import { fail, ok } from '../../shared/protocol/ack';
import type { adminCommands } from '../../shared/protocol/admin';
import { hashPassword } from '../auth/password';
import type { LoginLimiter } from '../auth/rate-limit';
import {
  countOtherAdmins,
  createUser,
  listUsers,
  replaceRoles,
  setPassword,
  userSummary,
} from '../auth/users';
import type { Handlers } from '../protocol/handler';
import type { WorkerPrincipal } from '../protocol/principal';
import { workerResources } from '../protocol/resources';
import { rooms } from '../protocol/rooms';
import type { HubServer } from '../protocol/socket-types';

export interface AdminDeps {
  io: HubServer;
  limiter: LoginLimiter;
}

const noSuchUser = () => fail('not_found', 'No such user.');

export function adminHandlers(deps: AdminDeps): Handlers<typeof adminCommands, WorkerPrincipal> {
  /** Their sockets end now; they come straight back (same token) with what the store says now. */
  const refreshSessions = (userId: number) => deps.io.in(rooms.user(userId)).disconnectSockets(true);

  return {
    /** Admins and supervisors see the people of their own organisation only. */
    'admin.users.list': {
      kind: 'query',
      async run(ctx) {
        return ok({ users: await listUsers(ctx.db, ctx.principal.user.organisation.id) });
      },
    },

    'admin.users.create': {
      kind: 'mutation',
      async prepare(ctx, input) {
        const passwordHash = await hashPassword(input.password);
        return async (trx) => {
          const orgId = ctx.principal.user.organisation.id;
          const created = await createUser(trx, {
            orgId,
            username: input.username,
            displayName: input.displayName,
            passwordHash,
            roles: input.roles,
            now: ctx.now,
          });
          if (!created) return { ack: fail('conflict', 'That username is taken.') };
          ctx.log.info({ createdUserId: created.id }, 'user created');
          const user = await userSummary(trx, orgId, created.id);
          if (!user) throw new Error('a user just created is missing');
          return { ack: ok({ user }) };
        };
      },
    },

    'admin.users.resetPassword': {
      kind: 'mutation',
      async prepare(ctx, input) {
        const passwordHash = await hashPassword(input.password);
        return async (trx) => {
          const target = await workerResources(trx, ctx.principal).user(input.userId);
          if (!target) return { ack: noSuchUser() };
          await setPassword(trx, target.id, passwordHash);
          ctx.log.info({ targetUserId: target.id }, 'password reset');
          return {
            ack: ok({ userId: target.id }),
            after: () => {
              // Sessions opened with the old password end now, not when their token expires.
              refreshSessions(target.id);
              deps.limiter.clearUsername(target.username).catch((err: unknown) => {
                ctx.log.warn({ err }, 'could not clear login failures');
              });
            },
          };
        };
      },
    },

    'admin.users.setRoles': {
      kind: 'mutation',
      prepare(ctx, input) {
        return Promise.resolve(async (trx) => {
          const orgId = ctx.principal.user.organisation.id;
          const target = await workerResources(trx, ctx.principal).user(input.userId);
          if (!target) return { ack: noSuchUser() };
          if (!input.roles.includes('admin') && (await countOtherAdmins(trx, orgId, target.id)) === 0) {
            const current = await userSummary(trx, orgId, target.id);
            if (current?.roles.includes('admin'))
              return { ack: fail('conflict', 'The organisation needs at least one admin.') };
          }
          await replaceRoles(trx, target.id, input.roles);
          const user = await userSummary(trx, orgId, target.id);
          if (!user) throw new Error('a user whose roles were just set is missing');
          ctx.log.info({ targetUserId: target.id, roles: user.roles }, 'roles set');
          return { ack: ok({ user }), after: () => refreshSessions(target.id) };
        });
      },
    },
  };
}
