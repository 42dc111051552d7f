import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser, StreamPageInput, TeamMessage } from '../../shared/protocol';
import { connectRefusals } from '../../shared/protocol';
import { until } from '../support/until';
import { HubConnection } from '../../renderer/net/hub-connection';
import { StreamFeed } from '../../renderer/net/stream-feed';
import { teamSource } from '../../renderer/app/team/team-store';

/**
 * HubConnection against a real socket.io server in this process: the same
 * wire, acks and reconnects as the hub, with a stream small enough to reason
 * about. The hub itself is tested end to end in tests/integration.
 */
const user: SessionUser = {
  id: 7,
  username: 'agent',
  displayName: 'Wei',
  roles: ['agent'],
  organisation: { id: 1, name: 'Demo Shop' },
};
const goodToken = 'good-token';
const busyToken = 'token-of-a-busy-address';

const note = (seq: number): TeamMessage => ({
  seq,
  commandId: `c${seq}`,
  author: { id: 3, displayName: 'Ming' },
  body: `note ${seq}`,
  createdAt: 1_800_000_000_000 + seq,
});

interface TestServer {
  url: string;
  io: Server;
  http: HttpServer;
  sockets: ServerSocket[];
  notes: TeamMessage[];
  pages: StreamPageInput[];
  connections: number;
  /** Handshakes with `busyToken` refused as "too many connections" before one is let in. */
  busyRefusals: number;
}

let server: TestServer;
const opened: HubConnection[] = [];

beforeEach(async () => {
  const http = createServer();
  const io = new Server(http);
  server = { url: '', io, http, sockets: [], notes: [], pages: [], connections: 0, busyRefusals: 0 };
  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth['token'];
    if (token === busyToken && server.busyRefusals > 0) {
      server.busyRefusals -= 1;
      next(new Error(connectRefusals.busy));
    } else if (token === goodToken || token === busyToken) next();
    else next(new Error(connectRefusals.unauthorized));
  });
  io.on('connection', (socket) => {
    server.connections += 1;
    server.sockets.push(socket);
    socket.on('session.whoami', (_input: unknown, ack: (answer: unknown) => void) =>
      ack({
        ok: true,
        data: { user: { ...user, displayName: 'Wei (from whoami)' }, serverTime: Date.now() },
      }),
    );
    socket.on('team.history', (input: StreamPageInput, ack: (answer: unknown) => void) => {
      server.pages.push(input);
      const limit = input.limit ?? 50;
      const all = server.notes;
      const items =
        input.afterSeq !== undefined
          ? all.filter((n) => n.seq > (input.afterSeq ?? 0)).slice(0, limit)
          : all.filter((n) => input.beforeSeq === undefined || n.seq < input.beforeSeq).slice(-limit);
      ack({ ok: true, data: { items, lastSeq: all.at(-1)?.seq ?? 0 } });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const c of opened.splice(0)) c.close();
  await new Promise<void>((resolve) => void server.io.close(() => resolve()));
});

function connect(options: { token?: string; expiresAt?: number } = {}): HubConnection {
  const connection = new HubConnection({
    hubUrl: server.url,
    token: options.token ?? goodToken,
    expiresAt: options.expiresAt ?? Date.now() + 60_000,
    user,
    commandTimeoutMs: 2_000,
    busyRetryMs: 20,
    socketOptions: { transports: ['websocket'], reconnectionDelay: 20, reconnectionDelayMax: 50 },
  });
  opened.push(connection);
  return connection;
}

describe('HubConnection', () => {
  it('connects, takes the user from whoami, and comes back after the server drops it', async () => {
    const hub = connect();
    let connects = 0;
    const states: string[] = [];
    hub.onConnected(() => (connects += 1));
    hub.subscribe(() => states.push(hub.state));
    await until(() => hub.state === 'connected');
    await until(() => hub.user.displayName === 'Wei (from whoami)');

    // The server hangs up on purpose (a restart): socket.io would not retry by itself; the connection does.
    server.sockets[0]?.disconnect(true);
    await until(() => connects === 2);
    expect(hub.state).toBe('connected');
    expect(states.filter((s, i) => s !== states[i - 1])).toEqual(['connected', 'reconnecting', 'connected']);
    expect(server.connections).toBe(2);
    expect(hub.ended).toBeNull();
  });

  it('repairs a gap in the pushes with one page for exactly the missing notes', async () => {
    server.notes = [note(1), note(2)];
    const hub = connect();
    const feed = new StreamFeed(teamSource(hub), { pageSize: 50, keep: 500 });
    const stop = feed.start();
    await until(() => feed.items.length === 2);
    expect(server.pages).toEqual([{ limit: 50 }]);

    // Note 3 is never pushed (lost); note 4 is: the feed asks for what lies between.
    server.notes.push(note(3), note(4));
    server.io.emit('team.messages', { stream: 'team', messages: [note(4)] });
    await until(() => feed.items.length === 4);
    expect(feed.items.map((n) => n.seq)).toEqual([1, 2, 3, 4]);
    expect(server.pages.slice(1)).toEqual([{ afterSeq: 2, limit: 1 }]);

    // A push that does not match the contract is dropped, not shown.
    server.io.emit('team.messages', { stream: 'team', messages: [{ seq: 5, body: 42 }] });
    server.notes.push(note(5), note(6));
    server.io.emit('team.messages', { stream: 'team', messages: [note(6)] });
    await until(() => feed.items.length === 6);
    expect(feed.items.map((n) => n.body)).toEqual([1, 2, 3, 4, 5, 6].map((s) => `note ${s}`));
    stop();
  });

  it('ends the session when the token expires, and when the hub refuses it', async () => {
    const expiring = connect({ expiresAt: Date.now() + 300 });
    await until(() => expiring.ended !== null);
    expect(expiring.ended).toBe('expired');
    // Closed: it does not reconnect or send any more.
    await until(() => server.sockets.every((s) => s.disconnected));
    expect(await expiring.send({ ...entryFor('team.post'), payload: { id: 'x', body: 'y' } })).toEqual({
      kind: 'unreachable',
    });

    const refused = connect({ token: 'forged' });
    await until(() => refused.ended !== null);
    expect(refused.ended).toBe('unauthorized');
  });

  it('waits and tries again when the hub has too many connections from this address, keeping the session', async () => {
    server.busyRefusals = 2;
    const busy = connect({ token: busyToken });
    await until(() => busy.state === 'connected');
    expect(busy.ended).toBeNull();
    expect(server.busyRefusals).toBe(0);
  });

  it('maps outbox sends: acked, rejected, no answer in time, not connected', async () => {
    server.io.on('connection', (socket) => {
      socket.on('team.post', (payload: { body: string }, ack: (answer: unknown) => void) => {
        if (payload.body === 'refuse') ack({ ok: false, error: { code: 'forbidden', message: 'no' } });
        else if (payload.body !== 'silence') ack({ ok: true, data: { echoed: payload.body } });
      });
    });
    const hub = new HubConnection({
      hubUrl: server.url,
      token: goodToken,
      expiresAt: Date.now() + 60_000,
      user,
      commandTimeoutMs: 200,
      socketOptions: { transports: ['websocket'] },
    });
    opened.push(hub);
    const offline = await hub.send(entryFor('team.post', 'too early'));
    expect(offline).toEqual({ kind: 'unreachable' });
    await until(() => hub.state === 'connected');
    expect(await hub.send(entryFor('team.post', 'hello'))).toEqual({
      kind: 'acked',
      data: { echoed: 'hello' },
    });
    expect(await hub.send(entryFor('team.post', 'refuse'))).toEqual({
      kind: 'rejected',
      error: { code: 'forbidden', message: 'no' },
    });
    expect(await hub.send(entryFor('team.post', 'silence'))).toEqual({ kind: 'timeout' });
  });
});

function entryFor(event: string, body = 'x') {
  return {
    id: '0190a0b0-0000-7000-8000-000000000001',
    seq: 1,
    event,
    payload: { id: '0190a0b0-0000-7000-8000-000000000001', body },
    lane: 'team',
    typed: body,
    draftKey: 'team.note',
    createdAt: Date.now(),
    attempts: 0,
  };
}
