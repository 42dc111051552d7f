import type { quotaCommands } from '../../shared/protocol/quota';
import type { Handlers } from '../protocol/handler';
import type { WorkerPrincipal } from '../protocol/principal';
import type { WorkerDeps } from '../protocol/audiences';

export function quotaHandlers(deps: WorkerDeps): Handlers<typeof quotaCommands, WorkerPrincipal> {
  void deps;
  return {};
}
