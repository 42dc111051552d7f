import { z } from 'zod';

/**
 * Host → renderer events (`bridge.listen`). The host speaks first when
 * something happened outside the page: the OS, another window, the outbox on
 * disk. Validated on both sides like calls; an event that does not match its
 * schema is dropped.
 */
export const hostEvents = {
  /** Signed in, signed out, or the session ended (expired, revoked): the renderer follows the host. */
  'session.changed': z.object({ signedIn: z.boolean() }),
  /** The waiting or "not sent" entries of the signed-in worker changed (counts; the list is fetched). */
  'outbox.changed': z.object({
    pending: z.number().int().nonnegative(),
    notSent: z.number().int().nonnegative(),
  }),
  /** The worker clicked one of Wings' OS notifications: go where it points (a route hash). */
  'notification.clicked': z.object({ route: z.string().max(200) }),
  /** A system-wide shortcut registered by the host was pressed. */
  'shortcut.global': z.object({ id: z.enum(['focus-wings']) }),
  /** Sleep, wake, screen lock: a broadcast or a clock-in may need attention. */
  'power.changed': z.object({ state: z.enum(['suspend', 'resume', 'lock-screen', 'unlock-screen']) }),
  /** Displays added, removed or rescaled: layouts and the scan highlight may need to follow. */
  'display.changed': z.object({
    displays: z.number().int().nonnegative(),
    scaleFactor: z.number().positive(),
  }),
} as const;

export type HostEvents = typeof hostEvents;
export type HostEventName = keyof HostEvents;
export type HostEventPayload<N extends HostEventName> = z.output<HostEvents[N]>;
export const hostEventNames = Object.keys(hostEvents) as HostEventName[];

export function isHostEventName(name: unknown): name is HostEventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(hostEvents, name);
}

/** The IPC channel Electron sends host events on (main → renderer). */
export const ipcEventChannel = 'wings:event';
