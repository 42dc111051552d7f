import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { guardEdge, httpServerOptions, socketServerOptions } from '../../server/http/edge';
import { defaultConnectionLimits } from '../../server/http/limits';
import { createOriginPolicy } from '../../server/http/origins';
import { parseTarget } from '../../server/http/target';

export interface StandaloneServer {
  port: number;
  io: Server;
  httpServer: HttpServer;
  close(): Promise<void>;
}

/**
 * With an external hub nothing local would serve /app or carry /bridge, so web
 * mode runs this small server for exactly those two things, behind the same
 * edge as the hub: connection caps and timeouts, 400 for a target that is not
 * a path, and socket.io handshakes only from its own pages (the bridge token
 * is the real guard; a page elsewhere has no business trying it).
 */
export async function startStandaloneServer(options: {
  host: string;
  port: number;
  prefix: string;
  appRoute: (req: IncomingMessage, res: ServerResponse) => void;
}): Promise<StandaloneServer> {
  const { prefix, appRoute } = options;
  const limits = defaultConnectionLimits();
  // No extra origins: only the renderer this server serves itself may open the bridge.
  const origins = createOriginPolicy();
  const httpServer = createServer(httpServerOptions(limits), (req, res) => {
    const target = parseTarget(req.url);
    if (!target) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end('Bad request target');
      return;
    }
    const path = target.pathname;
    if (path === prefix || path.startsWith(`${prefix}/`)) return appRoute(req, res);
    if (path === '/') {
      res.writeHead(302, { Location: `${prefix}/` });
      res.end();
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  });
  const io = new Server(httpServer, { ...socketServerOptions(limits, origins), serveClient: false });
  guardEdge(httpServer, io.engine, limits, origins, null);
  // Only the /bridge namespace is meant to be used here; the default one takes nobody.
  io.use((_socket, next) => next(new Error('unauthorized')));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    port,
    io,
    httpServer,
    close: () =>
      new Promise<void>((resolve) => {
        // io.close() also closes the HTTP server it is attached to.
        void io.close(() => resolve());
      }),
  };
}
