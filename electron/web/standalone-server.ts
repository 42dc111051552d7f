import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

export interface StandaloneServer {
  port: number;
  io: Server;
  httpServer: HttpServer;
  close(): Promise<void>;
}

/**
 * With an external hub nothing local would serve /app or carry /bridge, so web
 * mode runs this small server for exactly those two things.
 */
export async function startStandaloneServer(options: {
  host: string;
  port: number;
  prefix: string;
  appRoute: (req: IncomingMessage, res: ServerResponse) => void;
}): Promise<StandaloneServer> {
  const { prefix, appRoute } = options;
  const httpServer = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === prefix || path.startsWith(`${prefix}/`)) return appRoute(req, res);
    if (path === '/') {
      res.writeHead(302, { Location: `${prefix}/` });
      res.end();
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  });
  const io = new Server(httpServer, { serveClient: false });
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
