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
} as const;
