import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { Ack } from '../../shared/protocol/ack';
import { ackSchema } from '../../shared/protocol/ack';
import type { Role } from '../../shared/protocol/auth';
import type { ChatStartRequest } from '../../shared/protocol/chat';
import { chatStartResponse } from '../../shared/protocol/chat';
import type { InputOf, NamesOf, OutputOf } from '../../shared/protocol/command';
import { customerCommands, namespaces } from '../../shared/protocol/events';
import { hashPassword } from '../../server/auth/password';
import type { OrderStatus } from '../../server/store/schema';
import { createOrganisation, createUser } from '../../server/auth/users';
import { createDatabase } from '../../server/store/database';
import type { ClientSocket } from './hub-client';
import { emitRaw, newId, postJson } from './hub-client';

export const testPassword = 'tickets-test-pw';

export interface TestOrg {
  orgId: number;
  users: Record<string, number>;
}

/**
 * A second (or first) organisation written straight into a running hub's
 * store, as the isolation tests do: its users sign in with `testPassword`.
 */
export async function makeOrg(
  dataDir: string,
  name: string,
  users: { username: string; displayName: string; roles: Role[] }[],
): Promise<TestOrg> {
  const db = createDatabase({ kind: 'sqlite', file: join(dataDir, 'hub.sqlite') });
  try {
    const passwordHash = await hashPassword(testPassword);
    const orgId = await createOrganisation(db, name, Date.now());
    const ids: Record<string, number> = {};
    for (const u of users) {
      const user = await createUser(db, { orgId, ...u, passwordHash, now: Date.now() });
      if (!user) throw new Error(`user ${u.username} exists`);
      ids[u.username] = user.id;
    }
    return { orgId, users: ids };
  } finally {
    await db.destroy();
  }
}

/** Reads the hub's store directly (WAL lets a reader in beside the hub). */
export async function withStore<T>(
  dataDir: string,
  read: (db: ReturnType<typeof createDatabase>) => Promise<T>,
): Promise<T> {
  const db = createDatabase({ kind: 'sqlite', file: join(dataDir, 'hub.sqlite') });
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}

export interface StartedChat {
  token: string;
  ticketNumber: number;
}

export async function startChat(
  hubUrl: string,
  request: Partial<ChatStartRequest> & { org?: number },
): Promise<StartedChat> {
  const res = await postJson(`${hubUrl}/api/chat/start`, {
    id: newId(),
    name: '王芳',
    message: '你好，我的快递到哪里了？',
    locale: 'zh-CN',
    ...request,
  });
  if (res.status !== 200) throw new Error(`chat start failed: ${res.status} ${JSON.stringify(res.body)}`);
  return chatStartResponse.parse(res.body);
}

/** A customer's socket on `/chat`; rejects with the hub's `connect_error` message. */
export function connectCustomer(hubUrl: string, token: unknown, reconnection = false): Promise<ClientSocket> {
  const socket = io(`${hubUrl}${namespaces.customer}`, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      if (!reconnection) socket.close();
      reject(err);
    });
  });
}

type ChatCommands = typeof customerCommands;
type ChatName = NamesOf<ChatCommands>;

/** A typed customer command round trip, checked against its output schema. */
export async function callChat<N extends ChatName>(
  socket: ClientSocket,
  event: N,
  payload: InputOf<ChatCommands[N]>,
  timeoutMs = 5000,
): Promise<Ack<OutputOf<ChatCommands[N]>>> {
  const answer = await emitRaw(socket, event, payload, timeoutMs);
  return ackSchema(customerCommands[event].output).parse(answer) as Ack<OutputOf<ChatCommands[N]>>;
}

/** Limits for tests that open many conversations from 127.0.0.1 and test something else. */
export const openStarts = { chatStarts: { max: 1_000_000, windowMs: 60_000 } };

/**
 * The number of a demo customer's order in `status`, newest first. Demo order
 * numbers carry the China date they were placed, which moves with the clock,
 * so tests read them from the store rather than spell them.
 */
export function demoOrderNumber(
  dataDir: string,
  customer: string,
  status: OrderStatus = 'delivered',
): Promise<string> {
  return withStore(dataDir, async (db) => {
    const row = await db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .where('customers.name', '=', customer)
      .where('orders.status', '=', status)
      .orderBy('orders.created_at', 'desc')
      .select('orders.number')
      .executeTakeFirst();
    if (!row) throw new Error(`the demo has no ${status} order for ${customer}`);
    return row.number;
  });
}
