import { fail } from '../../shared/protocol/ack';
import type { Commands, PrincipalKind } from '../../shared/protocol/events';
import {
  commands,
  customerCommands,
  customerEphemerals,
  ephemerals,
  guestCommands,
  viewerCommandTable,
  viewerEphemeralTable,
} from '../../shared/protocol/events';
import type { AdminDeps } from '../admin/handlers';
import { adminHandlers } from '../admin/handlers';
import { sessionHandlers } from '../auth/whoami';
import { publicHandlers } from '../public/handlers';
import { teamEphemeralHandlers, teamHandlers } from '../team/handlers';
import { chatEphemeralHandlers, chatHandlers, type ChatDeps } from '../chat/handlers';
import type { TicketsDeps } from '../tickets/deps';
import { ticketsEphemeralHandlers, ticketsHandlers } from '../tickets/handlers';
import type { LiveDeps } from '../live/deps';
import { liveHandlers, viewerEphemeralHandlers, viewerHandlers } from '../live/handlers';
import { shiftsHandlers } from '../shifts/handlers';
import { payHandlers } from '../pay/handlers';
import { quotaHandlers } from '../quota/handlers';
import type { QuotaDeps } from '../quota/deps';
import type { BudgetLimits } from './budget';
import type { Audience } from './dispatch';
import type { PushBatcher } from './push-batcher';
import type { WriteQueue } from '../store/write-queue';
import type { EphemeralHandlers, Handlers } from './handler';
import type { CustomerPrincipal, GuestPrincipal, ViewerPrincipal, WorkerPrincipal } from './principal';

/**
 * Generous for a person, tight for a script: a worker clicking as fast as
 * they can, or a workstation flushing a day's outbox after a reconnect, stays
 * far inside it; 5,000 requests in a burst do not.
 */
export const defaultBudgets: Record<PrincipalKind, BudgetLimits> = {
  worker: { eventsPerSecond: 40, burst: 80, maxInFlight: 8, maxBufferedBytes: 4 * 1024 * 1024 },
  guest: { eventsPerSecond: 2, burst: 5, maxInFlight: 1, maxBufferedBytes: 64 * 1024 },
  // A shopper typing and reloading history; its conversation has a flood limit of its own (server/chat/flood.ts).
  customer: { eventsPerSecond: 5, burst: 15, maxInFlight: 2, maxBufferedBytes: 256 * 1024 },
  // A shopper commenting, tapping like and buying, plus the page's media signalling when it opens;
  // pushes of a busy room (20 comments a second) are what its buffer has to hold.
  viewer: { eventsPerSecond: 10, burst: 30, maxInFlight: 4, maxBufferedBytes: 1024 * 1024 },
};

export type WorkerAudience = Audience<WorkerPrincipal, Commands, typeof ephemerals>;
export type GuestAudience = Audience<GuestPrincipal, typeof guestCommands, Record<never, never>>;
export type CustomerAudience = Audience<
  CustomerPrincipal,
  typeof customerCommands,
  typeof customerEphemerals
>;
export type ViewerAudience = Audience<
  ViewerPrincipal,
  typeof viewerCommandTable,
  typeof viewerEphemeralTable
>;

/** What the worker audience's handlers need from the hub. */
export interface WorkerDeps extends AdminDeps {
  pushes: PushBatcher;
  /** The hub's one writer: a query that must bring derived rows up to date (the earnings ledger) writes through it. */
  writes: WriteQueue;
  tickets: TicketsDeps;
  live: LiveDeps;
  quota: QuotaDeps;
}

/** Every worker command's handler: each job's table spread in, one line per job. */
function workerHandlers(deps: WorkerDeps): Handlers<Commands, WorkerPrincipal> {
  return {
    ...sessionHandlers,
    ...adminHandlers(deps),
    ...teamHandlers(deps.pushes),
    ...ticketsHandlers(deps.tickets),
    ...liveHandlers(deps.live),
    ...shiftsHandlers(deps),
    ...payHandlers(deps),
    ...quotaHandlers(deps),
  };
}

const workerEphemeralHandlers: EphemeralHandlers<typeof ephemerals, WorkerPrincipal> = {
  ...teamEphemeralHandlers,
  ...ticketsEphemeralHandlers,
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
      kind: 'worker',
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

/**
 * A customer on `/chat`: only the chat table exists for them (a worker's
 * command is "Unknown command"), each command reaches their one
 * conversation, and their ids are recorded in their chat session's ledger.
 */
export function customerAudience(
  deps: ChatDeps,
  budget: BudgetLimits = defaultBudgets.customer,
): CustomerAudience {
  return {
    commands: customerCommands,
    handlers: chatHandlers(deps),
    ephemerals: customerEphemerals,
    ephemeralHandlers: chatEphemeralHandlers,
    authorize: () => null,
    resultKey: (principal, commandId) => ({ kind: 'customer', chatId: principal.chatId, commandId }),
    budget,
  };
}

/**
 * A viewer on `/live`: only the viewer table exists for them (an anchor's
 * command is "Unknown command"), each command reaches their one room, and
 * their ids are recorded in their own ledger (one press of "Buy", one order).
 */
export function viewerAudience(deps: LiveDeps, budget: BudgetLimits = defaultBudgets.viewer): ViewerAudience {
  return {
    commands: viewerCommandTable,
    handlers: viewerHandlers(deps),
    ephemerals: viewerEphemeralTable,
    ephemeralHandlers: viewerEphemeralHandlers(deps),
    authorize: () => null,
    resultKey: (principal, commandId) => ({ kind: 'viewer', viewerId: principal.viewerId, commandId }),
    budget,
  };
}
