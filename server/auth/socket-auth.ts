import { connectRefusals } from '../../shared/protocol/ack';
import type { ExtendedError } from 'socket.io';
import { socketAuthSchema } from '../../shared/protocol/auth';
import type { HubSocket } from '../protocol/socket-types';
import type { AuthDeps } from './login';
import { verifyToken } from './tokens';
import { loadSession } from './users';

/** The only reason a client is told; it does not learn whether the token was forged, old or expired. */
export const unauthorizedMessage = connectRefusals.unauthorized;

/**
 * socket.io middleware: a connection is accepted only with a genuine,
 * unexpired token that was not signed out, whose user still exists and whose
 * password has not been reset since it was issued. The socket's `tokenId` is
 * the token's own id, so signing out ends exactly the sockets it opened.
 */
export function socketAuth(deps: AuthDeps) {
  return (socket: HubSocket, next: (err?: ExtendedError) => void): void => {
    authenticate(deps, socket).then(
      (accepted) => next(accepted ? undefined : new Error(unauthorizedMessage)),
      (err: unknown) => {
        deps.log.error({ err }, 'socket authentication failed');
        next(new Error(unauthorizedMessage));
      },
    );
  };
}

async function authenticate(deps: AuthDeps, socket: HubSocket): Promise<boolean> {
  const auth = socketAuthSchema.safeParse(socket.handshake.auth);
  if (!auth.success) return false;
  const claims = verifyToken(deps.tokenKey, auth.data.token, deps.now());
  if (!claims || (await deps.revocations.isRevoked(claims.id))) return false;
  const session = await loadSession(deps.db, claims.uid);
  if (!session || session.user.organisation.id !== claims.org || session.tokenVersion !== claims.tv)
    return false;
  // Signed out while the session loaded: the sign-out's socket sweep may already have run.
  if (deps.revocations.revokedHere(claims.id)) return false;
  socket.data.principal = { kind: 'worker', user: session.user, tokenId: claims.id };
  return true;
}

/** `/public`: anyone may connect; the principal is only where they came from. */
export function guestAuth(socket: HubSocket, next: (err?: ExtendedError) => void): void {
  socket.data.principal = { kind: 'guest', ip: socket.handshake.address };
  next();
}
