import type { shiftsCommands } from '../../shared/protocol/shifts';
import type { Handlers } from '../protocol/handler';
import type { WorkerPrincipal } from '../protocol/principal';
import type { WorkerDeps } from '../protocol/audiences';

export function shiftsHandlers(deps: WorkerDeps): Handlers<typeof shiftsCommands, WorkerPrincipal> {
  void deps;
  return {};
}
