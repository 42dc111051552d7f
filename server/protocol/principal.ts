import type { SessionUser } from '../../shared/protocol/auth';

/**
 * Who is on the other end of a socket. Each kind arrives on its own namespace
 * (`shared/protocol/events.ts`), is authenticated there, and can only reach
 * its own audience's commands.
 */
export interface WorkerPrincipal {
  kind: 'worker';
  user: SessionUser;
  /** The id of the token the socket opened with: signing out ends exactly its sockets. */
  tokenId: string;
  /** Set once the socket is connected: its media (transports, producers) belong to it. */
  socketId?: string;
}

export interface GuestPrincipal {
  kind: 'guest';
  ip: string;
}

/**
 * A shop's customer on `/chat`, bound by their token to one conversation of
 * one organisation: every command they send reaches that ticket and nothing else.
 */
export interface CustomerPrincipal {
  kind: 'customer';
  orgId: number;
  ticketId: number;
  customerId: number;
  /** The chat session row: its ledger of answered commands, its socket cap, its flood limit. */
  chatId: number;
  ip: string;
}

/**
 * A viewer of one live room on `/live`, bound by their token to that room of
 * one organisation: every command reaches that room and nothing else.
 */
export interface ViewerPrincipal {
  kind: 'viewer';
  orgId: number;
  roomId: number;
  viewerId: number;
  nickname: string;
  /** The socket: a viewer's media consumers belong to it. */
  socketId: string;
  ip: string;
}

export type Principal = WorkerPrincipal | GuestPrincipal | CustomerPrincipal | ViewerPrincipal;

/** A line of log context that names the principal without logging anything personal. */
export function principalLog(principal: Principal): Record<string, unknown> {
  switch (principal.kind) {
    case 'worker':
      return { principal: 'worker', userId: principal.user.id, orgId: principal.user.organisation.id };
    case 'guest':
      return { principal: 'guest' };
    case 'customer':
      return { principal: 'customer', orgId: principal.orgId, ticketId: principal.ticketId };
    case 'viewer':
      return {
        principal: 'viewer',
        orgId: principal.orgId,
        roomId: principal.roomId,
        viewerId: principal.viewerId,
      };
  }
}
