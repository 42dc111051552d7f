import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import type { Ack } from '../../shared/protocol/ack';
import { ackSchema } from '../../shared/protocol/ack';
import type { LoginResponse } from '../../shared/protocol/auth';
import { loginResponseSchema } from '../../shared/protocol/auth';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/protocol/events';
import { commands } from '../../shared/protocol/events';
import type { Hub, HubConfig } from '../../server/app';
import { createHub } from '../../server/app';

export { freePort } from './ports';

export type ClientSocket = Socket;

export function tempDir(prefix = 'wings-hub-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestHub {
  hub: Hub;
  dataDir: string;
  /** Closes the hub; removes its directory unless `keep`. */
  stop(options?: { keep?: boolean }): Promise<void>;
}

/**
 * A hub on a temp store. Media is off unless the test asks for it (`media` or
 * `mediaPlane`): most tests never broadcast, and each plane starts a
 * mediasoup worker per core.
 */
export async function startHub(config: Partial<HubConfig> = {}): Promise<TestHub> {
  const dataDir = config.dataDir ?? tempDir();
  const media = config.media ?? (config.mediaPlane ? undefined : false);
  const hub = await createHub({ logLevel: 'silent', ...config, media, dataDir });
  return {
    hub,
    dataDir,
    async stop(options) {
      await hub.close();
      if (!options?.keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

export async function login(hubUrl: string, username: string, password: string): Promise<LoginResponse> {
  const res = await postJson(`${hubUrl}/api/login`, { username, password });
  if (res.status !== 200)
    throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return loginResponseSchema.parse(res.body);
}

export interface ConnectOptions {
  /** Keep reconnecting after the hub goes away (the outbox tests); off by default. */
  reconnection?: boolean;
}

/** Resolves once connected; rejects with the hub's `connect_error` message. */
export function connect(hubUrl: string, token: unknown, options: ConnectOptions = {}): Promise<ClientSocket> {
  const socket = io(hubUrl, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      if (!options.reconnection) socket.close();
      reject(err);
    });
  });
}

export async function signIn(hubUrl: string, username: string, password: string): Promise<ClientSocket> {
  const { token } = await login(hubUrl, username, password);
  return connect(hubUrl, token);
}

/** Emits with an ack and a timeout; the answer is whatever the hub sent, unchecked. */
export function emitRaw(
  socket: ClientSocket,
  event: string,
  payload: unknown,
  timeoutMs = 5000,
): Promise<unknown> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload);
}

/** A typed command round trip; the ack is checked against the command's output schema. */
export async function call<N extends CommandName>(
  socket: ClientSocket,
  event: N,
  payload: CommandInput<N>,
  timeoutMs = 5000,
): Promise<Ack<CommandOutput<N>>> {
  const answer = await emitRaw(socket, event, payload, timeoutMs);
  return ackSchema(commands[event].output).parse(answer) as Ack<CommandOutput<N>>;
}

/** The data of a successful ack, or a thrown error naming the code. */
export function expectOk<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

export const newId = (): string => uuidv7();

/** For tests that flood one socket on purpose and test something other than the budget. */
export const unlimitedBudget = {
  eventsPerSecond: 1e9,
  burst: 1e9,
  maxInFlight: 1e9,
  maxBufferedBytes: Number.MAX_SAFE_INTEGER,
};
