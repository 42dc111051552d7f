import { namespaces } from '../../shared/protocol/events';

/**
 * socket.io rooms, one per stream a push belongs to. Pushes go to the room of
 * their stream, never to a whole organisation by default, so a socket hears
 * only what it joined (and later a conversation's messages reach only the
 * agent on it and the customer it belongs to).
 */
export const rooms = {
  /** Everything addressed to one person: session changes, their own queue. */
  user: (userId: number): string => `user:${userId}`,
  /** The sockets opened with one token, so signing out ends exactly those. */
  token: (tokenId: string): string => `token:${tokenId}`,
  /** The organisation's team board. */
  team: (orgId: number): string => `team:${orgId}`,
  /** The organisation's agents and supervisors: queue changes, conversation messages, who is looking. */
  tickets: (orgId: number): string => `tickets:${orgId}`,
  /** The organisation's supervisors and admins: the roster and timesheets (never agents or anchors). */
  employer: (orgId: number): string => `employer:${orgId}`,
  /** A customer's sockets on one conversation; the org is in the name, so a relay cannot cross organisations. */
  chat: (orgId: number, ticketId: number): string => `chat:${orgId}:${ticketId}`,
  /** The anchor's console and supervisors watching one live room (worker namespace). */
  live: (orgId: number, roomId: number): string => `live:${orgId}:${roomId}`,
  /** The viewers of one live room, on `/live`. */
  liveViewers: (orgId: number, roomId: number): string => `viewers:${orgId}:${roomId}`,
} as const;

/**
 * The namespace whose sockets a room holds: socket.io rooms are per
 * namespace, so a push to a customer's conversation must be sent on `/chat`
 * even when a worker's command or a worker's typing causes it.
 */
export function namespaceOfRoom(room: string): string {
  if (room.startsWith('chat:')) return namespaces.customer;
  if (room.startsWith('viewers:')) return namespaces.viewer;
  return namespaces.worker;
}
