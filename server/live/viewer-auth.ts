import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ExtendedError } from 'socket.io';
import { unauthorizedMessage } from '../auth/socket-auth';
import { chatTokenPattern, hashChatToken } from '../chat/chat-token';
import type { HubSocket } from '../protocol/socket-types';
import type { Database } from '../store/schema';

/**
 * socket.io middleware for `/live`: a socket is accepted only with a token
 * `/api/live/join` gave, and is bound to that viewer's one room. A refusal
 * says `unauthorized` and no more, whatever was wrong.
 */
export function viewerAuth(db: Kysely<Database>, log: Logger) {
  return (socket: HubSocket, next: (err?: ExtendedError) => void): void => {
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null && 'token' in auth ? auth.token : undefined;
    if (typeof token !== 'string' || !chatTokenPattern.test(token))
      return next(new Error(unauthorizedMessage));
    db.selectFrom('live_viewers')
      .select(['id', 'org_id', 'room_id', 'nickname'])
      .where('token_hash', '=', hashChatToken(token))
      .executeTakeFirst()
      .then(
        (viewer) => {
          if (!viewer) return next(new Error(unauthorizedMessage));
          socket.data.principal = {
            kind: 'viewer',
            orgId: viewer.org_id,
            roomId: viewer.room_id,
            viewerId: viewer.id,
            nickname: viewer.nickname,
            socketId: socket.id,
            ip: socket.handshake.address,
          };
          next();
        },
        (err: unknown) => {
          log.error({ err }, 'viewer socket authentication failed');
          next(new Error(unauthorizedMessage));
        },
      );
  };
}
