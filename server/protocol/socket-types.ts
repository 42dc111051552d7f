import type { Server, Socket } from 'socket.io';
import type { HubPushName, HubPushPayload } from '../../shared/protocol/events';
import type { Principal } from './principal';

/** Client events are checked at run time by the dispatcher, so they are not typed here. */
type ClientEvents = Record<string, (...args: unknown[]) => void>;

export type PushEvents = { [N in HubPushName]: (payload: HubPushPayload<N>) => void };

export interface SocketData {
  /** Set by the namespace's auth middleware before the connection is accepted. */
  principal: Principal;
}

export type HubServer = Server<ClientEvents, PushEvents, Record<string, never>, SocketData>;
export type HubSocket = Socket<ClientEvents, PushEvents, Record<string, never>, SocketData>;
