import type { z } from 'zod';
import type {
  EphemeralTable,
  InputOf,
  MutationNames,
  NamesOf,
  OutputOf,
  PushTable,
  QueryNames,
} from './command';
import { hasName } from './command';
import { adminCommands } from './admin';
import { publicCommands } from './public';
import { sessionCommands } from './session';
import { chatCommands, chatEphemerals, chatPushes } from './chat';
import { teamCommands, teamEphemerals, teamPushes } from './team';
import { ticketsCommands, ticketsEphemerals, ticketsPushes } from './tickets';
import { liveCommands, livePushes, viewerCommands, viewerEphemerals, viewerPushes } from './live';
import { shiftsCommands, shiftsPushes } from './shifts';
import { payCommands, payPushes } from './pay';
import { quotaCommands } from './quota';

/**
 * Audiences: each kind of principal the hub serves has its own socket.io
 * namespace, its own table of events, its own auth and its own budget. A
 * socket can only ever call what its audience's table names, so a viewer can
 * never reach a worker's command, whatever it sends.
 *
 * Adding a job's events: export its tables from `shared/protocol/<job>.ts`
 * and spread them here (one line), then its handlers from `server/<job>/`.
 */
export const namespaces = {
  /** Signed-in workers: agents, anchors, supervisors, admins. */
  worker: '/',
  /** Anyone, before sign-in: the hub says who it is. */
  guest: '/public',
  /** A customer of the shop, bound to their one conversation by the token `/api/chat/start` gave. */
  customer: '/chat',
  /** A viewer of one live room, bound to it by the token `/api/live/join` gave. */
  viewer: '/live',
} as const;
export type PrincipalKind = keyof typeof namespaces;

/** Every client → hub command a signed-in worker may send. The hub rejects any event not named here. */
export const commands = {
  ...sessionCommands,
  ...adminCommands,
  ...teamCommands,
  ...ticketsCommands,
  ...liveCommands,
  ...shiftsCommands,
  ...payCommands,
  ...quotaCommands,
};
/** Every no-ack event a signed-in worker may send. */
export const ephemerals = { ...teamEphemerals, ...ticketsEphemerals } satisfies EphemeralTable;
/** Every hub → worker push. */
export const pushes = {
  ...teamPushes,
  ...ticketsPushes,
  ...livePushes,
  ...shiftsPushes,
  ...payPushes,
} satisfies PushTable;

/** What an anonymous socket on `/public` may send. */
export const guestCommands = { ...publicCommands };

/** What a customer's socket on `/chat` may send, and what it is pushed. */
export const customerCommands = { ...chatCommands };
export const customerEphemerals = { ...chatEphemerals } satisfies EphemeralTable;
export const customerPushes = { ...chatPushes } satisfies PushTable;

/** What a viewer's socket on `/live` may send, and what it is pushed. */
export const viewerCommandTable = { ...viewerCommands };
export const viewerEphemeralTable = { ...viewerEphemerals } satisfies EphemeralTable;
export const viewerPushTable = { ...viewerPushes } satisfies PushTable;

export type Commands = typeof commands;
export type CommandName = NamesOf<Commands>;
export type CommandInput<N extends CommandName> = InputOf<Commands[N]>;
export type CommandOutput<N extends CommandName> = OutputOf<Commands[N]>;
export type MutatingCommandName = MutationNames<Commands>;
export type QueryCommandName = QueryNames<Commands>;

export type EphemeralName = NamesOf<typeof ephemerals>;
export type EphemeralInput<N extends EphemeralName> = InputOf<(typeof ephemerals)[N]>;

export const commandNames = Object.keys(commands) as CommandName[];
export const mutatingCommandNames = commandNames.filter(
  (n): n is MutatingCommandName => commands[n].kind === 'mutation',
);

export function isCommandName(name: unknown): name is CommandName {
  return hasName(commands, name);
}
export function isMutatingCommandName(name: unknown): name is MutatingCommandName {
  return isCommandName(name) && commands[name].kind === 'mutation';
}

export type PushName = NamesOf<typeof pushes>;
export type PushPayload<N extends PushName> = z.output<(typeof pushes)[N]['payload']>;

/** Every push the hub sends, on any namespace: what its sockets and relays are typed by. */
export const hubPushes = { ...pushes, ...customerPushes, ...viewerPushTable } satisfies PushTable;
export type HubPushName = NamesOf<typeof hubPushes>;
export type HubPushPayload<N extends HubPushName> = z.output<(typeof hubPushes)[N]['payload']>;

export type CustomerPushName = NamesOf<typeof customerPushes>;
export type CustomerPushPayload<N extends CustomerPushName> = z.output<(typeof customerPushes)[N]['payload']>;

export type ViewerPushName = NamesOf<typeof viewerPushTable>;
export type ViewerPushPayload<N extends ViewerPushName> = z.output<(typeof viewerPushTable)[N]['payload']>;
