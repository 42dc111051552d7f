import { fail } from '../../shared/protocol/ack';
import type { Commands, PrincipalKind } from '../../shared/protocol/events';
import { commands, ephemerals, guestCommands } from '../../shared/protocol/events';
import type { AdminDeps } from '../admin/handlers';
import { adminHandlers } from '../admin/handlers';
import { sessionHandlers } from '../auth/whoami';
import { publicHandlers } from '../public/handlers';
import { teamEphemeralHandlers, teamHandlers } from '../team/handlers';
import type { BudgetLimits } from './budget';
import type { Audience } from './dispatch';
import type { PushBatcher } from './push-batcher';
import type { EphemeralHandlers, Handlers } from './handler';
import type { GuestPrincipal, WorkerPrincipal } from './principal';

/**
 * Generous for a person, tight for a script: a worker clicking as fast as
 * they can, or a workstation flushing a day's outbox after a reconnect, stays
 * far inside it; 5,000 requests in a burst do not.
 */
export const defaultBudgets: Record<PrincipalKind, BudgetLimits> = {
  worker: { eventsPerSecond: 40, burst: 80, maxInFlight: 8, maxBufferedBytes: 4 * 1024 * 1024 },
  guest: { eventsPerSecond: 2, burst: 5, maxInFlight: 1, maxBufferedBytes: 64 * 1024 },
};

export type WorkerAudience = Audience<WorkerPrincipal, Commands, typeof ephemerals>;
export type GuestAudience = Audience<GuestPrincipal, typeof guestCommands, Record<never, never>>;

/** What the worker audience's handlers need from the hub. */
export interface WorkerDeps extends AdminDeps {
  pushes: PushBatcher;
}

/** Every worker command's handler: each job's table spread in, one line per job. */
function workerHandlers(deps: WorkerDeps): Handlers<Commands, WorkerPrincipal> {
  return {
    ...sessionHandlers,
    ...adminHandlers(deps),
    ...teamHandlers(deps.pushes),
  };
}

const workerEphemeralHandlers: EphemeralHandlers<typeof ephemerals, WorkerPrincipal> = {
  ...teamEphemeralHandlers,
};

export function workerAudience(
  deps: WorkerDeps,
  budget: BudgetLimits = defaultBudgets.worker,
): WorkerAudience {
  return {
    commands,
    handlers: workerHandlers(deps),
    ephemerals,
    ephemeralHandlers: workerEphemeralHandlers,
    authorize(principal, roles) {
      if (roles.length === 0 || principal.user.roles.some((r) => roles.includes(r))) return null;
      return fail('forbidden', 'Your role does not allow this.');
    },
    resultKey: (principal, commandId) => ({
      orgId: principal.user.organisation.id,
      userId: principal.user.id,
      commandId,
    }),
    budget,
  };
}

export function guestAudience(budget: BudgetLimits = defaultBudgets.guest): GuestAudience {
  return {
    commands: guestCommands,
    handlers: publicHandlers,
    ephemerals: {},
    ephemeralHandlers: {},
    authorize: () => null,
    resultKey: () => null,
    budget,
  };
}
