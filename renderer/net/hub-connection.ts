import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { z } from 'zod';
import type { OutboxEntry } from '../../shared/bridge';
import type { SendOutcome } from '../../shared/domain/outbox';
import {
  ackSchema,
  commands,
  connectRefusals,
  ephemerals,
  fail,
  pushes,
  type Ack,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type EphemeralInput,
  type EphemeralName,
  type QueryCommandName,
  type PushName,
  type PushPayload,
  type SessionUser,
} from '../../shared/protocol';
import type { ConnectionState } from './connection-state';
import { Emitter } from './emitter';
import { alwaysOnline, type NetworkSignal } from './network';

export type { ConnectionState };
/** Why a signed-in link ended by itself: the hub refused the token, or it ran out. */
export type EndReason = 'unauthorized' | 'expired';

export interface HubConnectionOptions {
  hubUrl: string;
  token: string;
  expiresAt: number;
  /** Who the host says is signed in; whoami refreshes it on every connect (roles may have changed). */
  user: SessionUser;
  /** The browser's online/offline events; Node (tests) is always "online". */
  network?: NetworkSignal;
  /** Without an answer in this time a command counts as timed out. */
  commandTimeoutMs?: number;
  /** First wait after a "too many connections" refusal (tests shorten it). */
  busyRetryMs?: number;
  /** socket.io client options for tests (e.g. websocket only); the workstation uses the defaults below. */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** Any ack, whatever its data: what an outbox send needs to tell delivered from refused. */
const anyAck = ackSchema(z.unknown());
/** One ack schema per command, built on first use rather than on every request. */
const outputAcks = new Map<CommandName, z.ZodType>();
function outputAck(name: CommandName): z.ZodType {
  let schema = outputAcks.get(name);
  if (!schema) {
    schema = ackSchema(commands[name].output);
    outputAcks.set(name, schema);
  }
  return schema;
}

/** Failed attempts in a row before "reconnecting" is called what it is: offline. */
const offlineAfterFailures = 2;
/** First wait after a "too many connections" refusal; it grows with each one, up to six times this. */
const defaultBusyRetryMs = 2_000;
const defaultCommandTimeoutMs = 8_000;
/** setTimeout overflows past 2^31-1 ms. */
const maxTimerMs = 2 ** 31 - 1;

/**
 * Reads in flight at once on this socket. The hub answers more than its
 * per-socket budget allows (8, with the outbox's sends) with `rate_limited`;
 * a view that opens with several reads (a conversation: the ticket, its
 * messages, the customer, the suggestions) must queue, not be refused.
 */
const maxQueriesInFlight = 4;
/** A read refused for the budget anyway (another window's burst) is asked again this often, a few times. */
const queryRetryMs = 300;
const queryRetries = 3;
/** A read that would have to wait longer than this answers its refusal instead. */
const maxQueryWaitMs = 2_000;

/**
 * One signed-in link to the hub: connection state, the current user,
 * read-only requests, pushes, ephemeral events, and `send` for the outbox.
 * It owns the socket and nothing else: what to send and when is the
 * OutboxSender's business, what to show is the stores'. Plain TypeScript
 * with no DOM, so the same class runs in the renderer and in Node tests.
 */
export class HubConnection {
  private readonly socket: Socket;
  private readonly changes = new Emitter();
  private readonly connects = new Emitter();
  private readonly network: NetworkSignal;
  private readonly commandTimeoutMs: number;
  private queriesInFlight = 0;
  private readonly queryQueue: (() => void)[] = [];
  private readonly offNetwork: () => void;
  private stateValue: ConnectionState;
  private userValue: SessionUser;
  private endedValue: EndReason | null = null;
  private busyRetry: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(private readonly options: HubConnectionOptions) {
    this.network = options.network ?? alwaysOnline;
    this.commandTimeoutMs = options.commandTimeoutMs ?? defaultCommandTimeoutMs;
    this.userValue = options.user;
    this.stateValue = this.network.online ? 'reconnecting' : 'offline';
    this.socket = io(options.hubUrl, {
      auth: { token: options.token },
      // Its own engine connection even when the hub shares the bridge's origin (embedded web mode),
      // so closing this session never touches the bridge and a new sign-in gets a clean socket.
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.3,
      timeout: 5_000,
      ...options.socketOptions,
    });
    this.socket.on('connect', this.onConnect);
    this.socket.on('disconnect', this.onDisconnect);
    this.socket.on('connect_error', this.onConnectError);
    this.offNetwork = this.network.subscribe((online) => (online ? this.onOnline() : this.onOffline()));
    this.scheduleExpiry();
  }

  get state(): ConnectionState {
    return this.stateValue;
  }
  get connected(): boolean {
    return this.socket.connected;
  }
  get user(): SessionUser {
    return this.userValue;
  }
  get ended(): EndReason | null {
    return this.endedValue;
  }

  /** For useSyncExternalStore: fires when state, user or ended change. */
  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Fires after each successful (re)connect: streams ask for what they missed, the outbox wakes. */
  onConnected(listener: () => void): () => void {
    return this.connects.subscribe(listener);
  }

  onPush<N extends PushName>(name: N, handler: (payload: PushPayload<N>) => void): () => void {
    const schema = pushes[name].payload;
    const listener = (raw: unknown) => {
      const parsed = schema.safeParse(raw);
      // A push that does not match the contract is dropped; the seq gap it leaves triggers a catch-up.
      if (parsed.success) handler(parsed.data as PushPayload<N>);
    };
    // Widened so socket.io's reserved-event overloads do not apply to hub push names.
    const event: string = name;
    this.socket.on(event, listener);
    return () => this.socket.off(event, listener);
  }

  /** A read-only command; mutating ones go through the outbox so they survive a lost connection. */
  async request<N extends QueryCommandName>(name: N, input: CommandInput<N>): Promise<Ack<CommandOutput<N>>> {
    await this.querySlot();
    try {
      for (let attempt = 0; ; attempt++) {
        const ack = await this.requestOnce(name, input);
        // Reads are safe to repeat: a budget refusal is waited out, not shown as a failure.
        if (ack.ok || ack.error.code !== 'rate_limited' || attempt >= queryRetries || this.closed) return ack;
        const wait = Math.min(ack.error.retryAfterMs ?? queryRetryMs, maxQueryWaitMs);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    } finally {
      this.releaseQuerySlot();
    }
  }

  private querySlot(): Promise<void> {
    if (this.queriesInFlight < maxQueriesInFlight) {
      this.queriesInFlight += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queryQueue.push(resolve));
  }

  private releaseQuerySlot(): void {
    const next = this.queryQueue.shift();
    // The slot passes straight to the next waiting read.
    if (next) next();
    else this.queriesInFlight -= 1;
  }

  private async requestOnce<N extends QueryCommandName>(
    name: N,
    input: CommandInput<N>,
  ): Promise<Ack<CommandOutput<N>>> {
    if (!this.socket.connected) return fail('unavailable', 'Not connected to the hub.');
    let raw: unknown;
    try {
      raw = await this.socket.timeout(this.commandTimeoutMs).emitWithAck(name, input);
    } catch {
      return fail('unavailable', 'The hub did not answer in time.');
    }
    const parsed = outputAck(name).safeParse(raw);
    if (!parsed.success) return fail('internal', 'The hub answered outside the contract.');
    const ack = parsed.data as Ack<CommandOutput<N>>;
    if (!ack.ok && ack.error.code === 'unauthorized') this.end('unauthorized');
    return ack;
  }

  /**
   * One attempt at an outbox entry, as OutboxSender counts it: nothing is
   * emitted while disconnected (socket.io would buffer it and send it again
   * on its own, behind the outbox's back).
   */
  send = async (entry: OutboxEntry): Promise<SendOutcome> => {
    if (!this.socket.connected) return { kind: 'unreachable' };
    let raw: unknown;
    try {
      raw = await this.socket.timeout(this.commandTimeoutMs).emitWithAck(entry.event, entry.payload);
    } catch {
      return this.closed ? { kind: 'unreachable' } : { kind: 'timeout' };
    }
    const parsed = anyAck.safeParse(raw);
    if (!parsed.success) {
      return {
        kind: 'rejected',
        error: { code: 'internal', message: 'The hub answered outside the contract.' },
      };
    }
    if (parsed.data.ok) return { kind: 'acked', data: parsed.data.data };
    if (parsed.data.error.code === 'unauthorized') this.end('unauthorized');
    return { kind: 'rejected', error: parsed.data.error };
  };

  /**
   * A no-ack event (typing, presence): checked against its schema, sent
   * volatile, and simply not sent while disconnected. Nothing waits on it.
   */
  ephemeral<N extends EphemeralName>(name: N, payload: EphemeralInput<N>): void {
    if (!this.socket.connected) return;
    if (!ephemerals[name].input.safeParse(payload).success) return;
    const event: string = name;
    this.socket.volatile.emit(event, payload);
  }

  /**
   * Something outside said the network may be back (the machine woke up). A
   * socket still retrying keeps its own short backoff (5 s at most); one that
   * gave up is started again.
   */
  nudge(): void {
    if (this.closed || this.socket.connected || this.socket.active) return;
    this.failures = 0;
    this.setState(this.network.online ? 'reconnecting' : 'offline');
    this.socket.connect();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.expiryTimer);
    clearTimeout(this.busyRetry);
    this.offNetwork();
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private async refreshUser(): Promise<void> {
    const ack = await this.request('session.whoami', {});
    if (this.closed || !ack.ok) return;
    this.userValue = ack.data.user;
    this.changes.emit();
  }

  private readonly onConnect = () => {
    this.failures = 0;
    this.setState('connected');
    void this.refreshUser();
    this.connects.emit();
  };

  private readonly onDisconnect = (reason: Socket.DisconnectReason) => {
    if (this.closed) return;
    this.setState(this.network.online ? 'reconnecting' : 'offline');
    // The hub hung up on purpose (restart, revoked token): socket.io will not retry by itself.
    if (reason === 'io server disconnect') this.socket.connect();
  };

  private readonly onConnectError = (error: Error) => {
    if (this.closed) return;
    if (!this.socket.active && error.message === connectRefusals.busy) {
      // Too many connections from this address, or of this person, for now: the session is fine; try later.
      this.failures += 1;
      this.setState('reconnecting');
      clearTimeout(this.busyRetry);
      this.busyRetry = setTimeout(
        () => {
          if (!this.closed) this.socket.connect();
        },
        (this.options.busyRetryMs ?? defaultBusyRetryMs) * Math.min(this.failures, 6),
      );
      return;
    }
    if (!this.socket.active) {
      // Refused by the hub's auth middleware, not by the network.
      this.end('unauthorized');
      return;
    }
    this.failures += 1;
    this.setState(this.failures >= offlineAfterFailures || !this.network.online ? 'offline' : 'reconnecting');
  };

  private onOffline(): void {
    if (!this.socket.connected) this.setState('offline');
  }

  private onOnline(): void {
    if (this.socket.connected || this.closed) return;
    this.failures = 0;
    this.setState('reconnecting');
    if (!this.socket.active) this.socket.connect();
  }

  private scheduleExpiry(): void {
    const delay = this.options.expiresAt - Date.now();
    if (delay <= 0) {
      queueMicrotask(() => this.end('expired'));
      return;
    }
    this.expiryTimer = setTimeout(() => this.scheduleExpiry(), Math.min(delay, maxTimerMs));
  }

  private end(reason: EndReason): void {
    if (this.endedValue || this.closed) return;
    this.endedValue = reason;
    this.close();
    this.changes.emit();
  }

  private setState(state: ConnectionState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.changes.emit();
  }
}
