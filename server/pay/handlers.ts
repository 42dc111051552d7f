import type { payCommands } from '../../shared/protocol/pay';
import type { Handlers } from '../protocol/handler';
import type { WorkerPrincipal } from '../protocol/principal';
import type { WorkerDeps } from '../protocol/audiences';

export function payHandlers(deps: WorkerDeps): Handlers<typeof payCommands, WorkerPrincipal> {
  void deps;
  return {};
}
