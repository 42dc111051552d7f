import type { SessionUser } from '../../shared/protocol/auth';

/**
 * Who is on the other end of a socket. Each kind arrives on its own namespace
 * (`shared/protocol/events.ts`), is authenticated there, and can only reach
 * its own audience's commands. Customers on /chat (bound to one conversation)
 * and viewers on /live (bound to one room) join this union with their jobs.
 */
export interface WorkerPrincipal {
  kind: 'worker';
  user: SessionUser;
  /** The id of the token the socket opened with: signing out ends exactly its sockets. */
  tokenId: string;
}

export interface GuestPrincipal {
  kind: 'guest';
  ip: string;
}

export type Principal = WorkerPrincipal | GuestPrincipal;

/** A line of log context that names the principal without logging anything personal. */
export function principalLog(principal: Principal): Record<string, unknown> {
  switch (principal.kind) {
    case 'worker':
      return { principal: 'worker', userId: principal.user.id, orgId: principal.user.organisation.id };
    case 'guest':
      return { principal: 'guest' };
  }
}
