import type { Server, Socket } from 'socket.io';
import type { SessionUser } from '../../shared/protocol/auth';
import type { PushName, PushPayload } from '../../shared/protocol/events';

/** Client events are checked at run time by the dispatcher, so they are not typed here. */
type ClientEvents = Record<string, (...args: unknown[]) => void>;

export type PushEvents = { [N in PushName]: (payload: PushPayload<N>) => void };

export interface SocketData {
  /** Set by the auth middleware before the connection is accepted. */
  session: SessionUser;
}

export type HubServer = Server<ClientEvents, PushEvents, Record<string, never>, SocketData>;
export type HubSocket = Socket<ClientEvents, PushEvents, Record<string, never>, SocketData>;

export const orgRoom = (orgId: number): string => `org:${orgId}`;
export const userRoom = (userId: number): string => `user:${userId}`;
