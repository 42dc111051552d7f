import { timingSafeEqual } from 'node:crypto';
import type { Namespace, Server } from 'socket.io';
import { webBridgeNamespace } from '../../shared/bridge';
import { handleBridgeCall } from '../host/bridge-dispatch';
import type { HostServices } from '../host/services';

/**
 * Mounts the renderer → host bridge on `/bridge`. The host reads and writes
 * the worker's disk, so only a page that was given this launch's token (in
 * the printed address) may connect; everyone else gets `unauthorized`.
 * Calls arrive as `call`; host events leave as `event`.
 */
export function mountBridge(
  io: Server,
  { token, services }: { token: string; services: HostServices },
): Namespace {
  const expected = Buffer.from(token);
  const ns = io.of(webBridgeNamespace);
  ns.use((socket, next) => {
    const given: unknown = socket.handshake.auth['token'];
    if (typeof given === 'string' && sameToken(Buffer.from(given), expected)) next();
    else next(new Error('unauthorized'));
  });
  // Host events go to every page holding this launch's token (web mode has one worker at a time);
  // the namespace lives as long as the host process, and so does this subscription.
  services.events.subscribe((name, payload) => ns.emit('event', name, payload));
  ns.on('connection', (socket) => {
    // `call(name, input, ack)`; the ack is always last so a short call still gets an answer.
    socket.on('call', (...args: unknown[]) => {
      const ack = args.at(-1);
      if (typeof ack !== 'function') return;
      const input = args.length >= 3 ? args[1] : undefined;
      void handleBridgeCall(services, args.length >= 2 ? args[0] : undefined, input).then((answer) => {
        ack(answer);
      });
    });
  });
  return ns;
}

function sameToken(given: Buffer, expected: Buffer): boolean {
  // Constant time, so the token cannot be guessed byte by byte from response timing.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
