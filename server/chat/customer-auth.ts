import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ExtendedError } from 'socket.io';
import { unauthorizedMessage } from '../auth/socket-auth';
import type { HubSocket } from '../protocol/socket-types';
import type { Database } from '../store/schema';
import { findChatBinding } from './chat-token';

/**
 * socket.io middleware for `/chat`: a socket is accepted only with the token
 * `/api/chat/start` gave, and is bound to that token's one conversation. A
 * refusal says no more than a worker's does (`unauthorized`), whatever was wrong.
 */
export function customerAuth(db: Kysely<Database>, log: Logger) {
  return (socket: HubSocket, next: (err?: ExtendedError) => void): void => {
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null && 'token' in auth ? auth.token : undefined;
    findChatBinding(db, token).then(
      (binding) => {
        if (!binding) return next(new Error(unauthorizedMessage));
        socket.data.principal = { kind: 'customer', ...binding, ip: socket.handshake.address };
        next();
      },
      (err: unknown) => {
        log.error({ err }, 'customer socket authentication failed');
        next(new Error(unauthorizedMessage));
      },
    );
  };
}
