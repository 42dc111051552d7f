import type { AdminDeps } from '../admin/handlers';
import { createUserHandler, listUsersHandler, resetPasswordHandler } from '../admin/handlers';
import { whoami } from '../auth/whoami';
import { teamHistoryHandler, teamPostHandler } from '../team/handlers';
import type { Handlers } from './handler';

/** Every command's handler, keyed as in `shared/protocol/events.ts`. */
export function createHandlers(deps: AdminDeps): Handlers {
  return {
    'session.whoami': whoami,
    'admin.users.list': listUsersHandler,
    'admin.users.create': createUserHandler,
    'admin.users.resetPassword': resetPasswordHandler(deps),
    'team.post': teamPostHandler(deps.io),
    'team.history': teamHistoryHandler,
  };
}
