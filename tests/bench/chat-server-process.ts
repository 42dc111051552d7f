// Run by chat.bench.ts in a process of its own, so the thousands of simulated
// clients' encoding and parsing do not land in the event loop being measured.
//   node --import tsx tests/bench/chat-server-process.ts hub|relay <data dir>
// Prints one JSON line { url } once listening; exits when stdin closes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createHub } from '../../server/app';

const [kind, dataDir] = process.argv.slice(2);

/**
 * The baseline: a bare socket.io relay with the hub's two namespaces, doing
 * what the hub does for a customer message minus validation, the store and
 * the assignment (ack the sender, push to the organisation's agents, in one
 * push per event-loop turn as the hub's batcher does).
 */
async function relay(): Promise<string> {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 512 * 1024 });
  const queued: unknown[] = [];
  io.of('/').on('connection', (socket) => void socket.join('agents'));
  io.of('/chat').on('connection', (socket) => {
    socket.on('chat.send', (payload: { id: string; body: string }, ack: unknown) => {
      if (typeof ack === 'function') ack({ ok: true, data: { message: payload } });
      queued.push({ commandId: payload.id, body: payload.body, author: { kind: 'customer' } });
      if (queued.length === 1)
        setImmediate(() =>
          io
            .of('/')
            .to('agents')
            .emit('tickets.messages', { messages: queued.splice(0) }),
        );
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

async function hub(): Promise<string> {
  if (!dataDir) throw new Error('usage: chat-server-process.ts hub <data dir>');
  const started = await createHub({
    dataDir,
    demo: true,
    logLevel: 'silent',
    // Every simulated customer comes from 127.0.0.1: the per-address caps are not what this measures.
    connectionLimits: {
      maxConnections: 20_000,
      maxHttpPerAddress: 20_000,
      maxUnauthenticatedPerAddress: 20_000,
      maxUnauthenticated: 20_000,
      maxSignedInPerAddress: 20_000,
      maxSignedInPerUser: 20_000,
      maxCustomerPerAddress: 20_000,
    },
    tickets: {
      chatStarts: { max: 1_000_000, windowMs: 60_000 },
      chatFlood: { perMinute: 1_000, burst: 1_000 },
    },
  });
  return started.url;
}

const url = kind === 'relay' ? await relay() : await hub();
console.log(JSON.stringify({ url }));
process.stdin.resume();
process.stdin.on('close', () => process.exit(0));
