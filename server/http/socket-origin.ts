import type { IncomingMessage, ServerResponse } from 'node:http';
import { corsHeaders, preflightHeaders } from './cors';
import type { OriginPolicy } from './origins';

/**
 * The Origin check for socket.io. Browsers do not apply CORS to WebSockets,
 * so a page anywhere could open one to the hub and sign in with a password it
 * guessed or phished; the handshake is where that is stopped. A refused
 * origin's handshake (polling or WebSocket) answers 403 before any session
 * exists. Clients without an Origin (Node, the workstation host) pass, and
 * still need a token to join the signed-in namespace.
 */
export function socketAllowRequest(origins: OriginPolicy) {
  return (
    req: IncomingMessage,
    callback: (err: string | null | undefined, success: boolean) => void,
  ): void => {
    const verdict = origins(req.headers);
    if (verdict.kind === 'refused') callback('origin not allowed', false);
    else callback(null, true);
  };
}

/**
 * engine.io middleware for the polling transport's HTTP requests, standing in
 * for its `cors` option (which knows only the Origin, not the Host an own page
 * is recognised by). An allowed page gets its origin back, a preflight gets
 * the private-network answer too; a refused page is answered 403 on every
 * request, not only the handshake; so is its WebSocket upgrade, including
 * the upgrade of a session whose id it somehow knows (which never reaches
 * `allowRequest`).
 */
export function socketCorsMiddleware(origins: OriginPolicy) {
  return (req: IncomingMessage, res: ServerResponse, next: (err?: Error) => void): void => {
    const verdict = origins(req.headers);
    if (req.headers.upgrade !== undefined) {
      if (verdict.kind !== 'refused') return next();
      // engine.io would answer a failed middleware on an upgrade with 400, and its WebSocket
      // response object writes nothing: the 403 goes onto the socket itself.
      req.socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      req.socket.destroySoon();
      return;
    }
    if (verdict.kind === 'refused') {
      res.writeHead(403, {
        'content-type': 'text/plain; charset=utf-8',
        vary: 'Origin',
        connection: 'close',
      });
      res.end('This page may not connect to the hub.');
      return;
    }
    if (verdict.kind === 'allowed' && req.method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders(verdict, req.headers, 'GET, POST, OPTIONS')).end();
      return;
    }
    for (const [name, value] of Object.entries(corsHeaders(verdict))) res.setHeader(name, value);
    next();
  };
}
