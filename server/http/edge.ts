import type { Server as HttpServer, ServerOptions as HttpServerOptions } from 'node:http';
import type { Logger } from 'pino';
import type { Server, ServerOptions } from 'socket.io';
import { ConnectionGuard } from './connection-guard';
import type { ConnectionLimits } from './limits';
import type { OriginPolicy } from './origins';
import { socketAllowRequest, socketCorsMiddleware } from './socket-origin';

/**
 * `createServer` options. Node checks these timeouts only as often as
 * `connectionsCheckingInterval` (30 s by default, longer than the timeouts
 * themselves), hence one second.
 */
export function httpServerOptions(limits: ConnectionLimits): HttpServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
    keepAliveTimeout: limits.idleTimeoutMs,
    connectionsCheckingInterval: 1000,
  };
}

/** socket.io options for the edge: the Origin check on handshakes, and short handshake and heartbeat times. */
export function socketServerOptions(
  limits: ConnectionLimits,
  origins: OriginPolicy,
): Pick<Partial<ServerOptions>, 'allowRequest' | 'connectTimeout' | 'pingInterval' | 'pingTimeout'> {
  return {
    allowRequest: socketAllowRequest(origins),
    connectTimeout: limits.connectTimeoutMs,
    pingInterval: limits.pingIntervalMs,
    pingTimeout: limits.pingTimeoutMs,
  };
}

/**
 * What every listening server of Wings puts in front of its handlers, after
 * socket.io is attached: TCP caps and idle timeouts, and the Origin check and
 * CORS answers on socket.io's polling requests (the router does its own).
 */
export function guardEdge(
  server: HttpServer,
  engine: Server['engine'],
  limits: ConnectionLimits,
  origins: OriginPolicy,
  log: Logger | null,
): ConnectionGuard {
  engine.use(socketCorsMiddleware(origins));
  return new ConnectionGuard(server, limits, log);
}
