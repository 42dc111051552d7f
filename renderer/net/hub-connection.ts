import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import type { OutboxEntry, WingsBridge } from '../../shared/bridge';
import { OutboxDrainer, type SendOutcome } from '../../shared/domain/outbox';
import {
  ackSchema,
  commands,
  fail,
  pushes,
  type Ack,
  type AckError,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type MutatingCommandName,
  type PushName,
  type PushPayload,
  type SessionUser,
} from '../../shared/protocol';
import { Emitter } from './emitter';
import { bridgeOutboxStorage } from './outbox';

import type { ConnectionState } from './connection-state';

export type { ConnectionState };
export type EndReason = 'unauthorized' | 'expired';

export interface HubConnectionOptions {
  hubUrl: string;
  token: string;
  /** `ownerKey(hubUrl, userId)`: whose outbox entries this connection sends. */
  owner: string;
  expiresAt: number;
  bridge: WingsBridge;
  /** Known from an earlier whoami; lets the shell open while the hub is down. */
  user?: SessionUser | null;
  onUser?: (user: SessionUser) => void;
  /** The hub refused the token or it expired; the worker must sign in again. */
  onEnded?: (reason: EndReason) => void;
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
const commandTimeoutMs = 8_000;
/** setTimeout overflows past 2^31-1 ms. */
const maxTimerMs = 2 ** 31 - 1;

export interface OutboxListener {
  delivered?(entry: OutboxEntry, data: unknown): void;
  rejected?(entry: OutboxEntry, error: AckError): void;
}

/**
 * One signed-in link to the hub: connection state, the current user, commands
 * with acks, pushes, and the outbox drained on every (re)connect.
 */
export class HubConnection {
  private readonly socket: Socket;
  private readonly drainer: OutboxDrainer;
  private readonly changes = new Emitter();
  private readonly connects = new Emitter();
  private readonly outboxListeners = new Set<OutboxListener>();
  private stateValue: ConnectionState;
  private userValue: SessionUser | null;
  private pendingValue: readonly OutboxEntry[] = [];
  private endedValue: EndReason | null = null;
  private failures = 0;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(private readonly options: HubConnectionOptions) {
    this.userValue = options.user ?? null;
    this.stateValue = navigator.onLine ? 'reconnecting' : 'offline';
    this.drainer = new OutboxDrainer(
      bridgeOutboxStorage(options.bridge, options.owner),
      (entry) => this.send(entry),
      {
        delivered: (entry, data) => this.outboxListeners.forEach((l) => l.delivered?.(entry, data)),
        rejected: (entry, error) => this.outboxListeners.forEach((l) => l.rejected?.(entry, error)),
        changed: (pending) => this.setPending(pending),
      },
    );
    this.socket = io(options.hubUrl, {
      auth: { token: options.token },
      // Its own engine connection even when the hub shares the bridge's origin (embedded web mode),
      // so closing this session never touches the bridge and a new sign-in gets a clean socket.
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.3,
      timeout: 5_000,
    });
    this.socket.on('connect', this.onConnect);
    this.socket.on('disconnect', this.onDisconnect);
    this.socket.on('connect_error', this.onConnectError);
    window.addEventListener('online', this.onBrowserOnline);
    window.addEventListener('offline', this.onBrowserOffline);
    this.scheduleExpiry();
    void this.refreshPending();
  }

  get state(): ConnectionState {
    return this.stateValue;
  }
  /** Whose drafts and outbox entries these are; keeps users of a shared PC apart. */
  get owner(): string {
    return this.options.owner;
  }
  get user(): SessionUser | null {
    return this.userValue;
  }
  get pending(): readonly OutboxEntry[] {
    return this.pendingValue;
  }
  get ended(): EndReason | null {
    return this.endedValue;
  }

  /** For useSyncExternalStore: fires when state, user, pending or ended change. */
  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Fires after each successful (re)connect, when a stream should ask for what it missed. */
  onConnected(listener: () => void): () => void {
    return this.connects.subscribe(listener);
  }

  onOutbox(listener: OutboxListener): () => void {
    this.outboxListeners.add(listener);
    return () => this.outboxListeners.delete(listener);
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

  /** A read-only command; mutating ones go through `enqueue` so they survive a lost connection. */
  async request<N extends Exclude<CommandName, MutatingCommandName>>(
    name: N,
    input: CommandInput<N>,
  ): Promise<Ack<CommandOutput<N>>> {
    if (!this.socket.connected) return fail('unavailable', 'Not connected to the hub.');
    let raw: unknown;
    try {
      raw = await this.socket.timeout(commandTimeoutMs).emitWithAck(name, input);
    } catch {
      return fail('unavailable', 'The hub did not answer in time.');
    }
    const parsed = outputAck(name).safeParse(raw);
    if (!parsed.success) return fail('internal', 'The hub answered outside the contract.');
    return parsed.data as Ack<CommandOutput<N>>;
  }

  /** Puts a mutating command on the host's disk first, then tries to deliver it. */
  async enqueue<N extends MutatingCommandName>(
    name: N,
    payload: CommandInput<N> & { id: string },
  ): Promise<void> {
    await this.drainer.enqueue({
      id: payload.id,
      owner: this.options.owner,
      event: name,
      payload,
      createdAt: Date.now(),
    });
    if (this.socket.connected) void this.drain();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.expiryTimer);
    window.removeEventListener('online', this.onBrowserOnline);
    window.removeEventListener('offline', this.onBrowserOffline);
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private async send(entry: OutboxEntry): Promise<SendOutcome> {
    if (!this.socket.connected) return { kind: 'unreachable' };
    let raw: unknown;
    try {
      raw = await this.socket.timeout(commandTimeoutMs).emitWithAck(entry.event, entry.payload);
    } catch {
      return { kind: 'unreachable' };
    }
    const parsed = anyAck.safeParse(raw);
    if (!parsed.success) return { kind: 'rejected', error: { code: 'internal', message: 'Malformed ack.' } };
    if (parsed.data.ok) return { kind: 'acked', data: parsed.data.data };
    if (parsed.data.error.code === 'unauthorized') this.end('unauthorized');
    return { kind: 'rejected', error: parsed.data.error };
  }

  private async drain(): Promise<void> {
    try {
      await this.drainer.drain();
    } catch {
      // The host did not answer; the entries stay on its disk and the next connect retries.
    }
  }

  private async refreshPending(): Promise<void> {
    try {
      const ack = await this.options.bridge.call('outbox.list', { owner: this.options.owner });
      if (ack.ok) this.setPending(ack.data.entries);
    } catch {
      // Shown again on the next change; a missing list must not break the shell.
    }
  }

  private async refreshUser(): Promise<void> {
    const ack = await this.request('session.whoami', {});
    if (this.closed) return;
    if (ack.ok) {
      this.userValue = ack.data.user;
      this.options.onUser?.(ack.data.user);
      this.changes.emit();
    } else if (ack.error.code === 'unauthorized') {
      this.end('unauthorized');
    }
  }

  private readonly onConnect = () => {
    this.failures = 0;
    this.setState('connected');
    void this.refreshUser();
    void this.drain();
    this.connects.emit();
  };

  private readonly onDisconnect = (reason: Socket.DisconnectReason) => {
    if (this.closed) return;
    this.setState(navigator.onLine ? 'reconnecting' : 'offline');
    // The hub hung up on purpose (restart, revoked token): socket.io will not retry by itself.
    if (reason === 'io server disconnect') this.socket.connect();
  };

  private readonly onConnectError = () => {
    if (this.closed) return;
    if (!this.socket.active) {
      // Refused by the hub's auth middleware, not by the network.
      this.end('unauthorized');
      return;
    }
    this.failures += 1;
    this.setState(this.failures >= offlineAfterFailures || !navigator.onLine ? 'offline' : 'reconnecting');
  };

  private readonly onBrowserOffline = () => {
    if (!this.socket.connected) this.setState('offline');
  };

  private readonly onBrowserOnline = () => {
    if (this.socket.connected || this.closed) return;
    this.failures = 0;
    this.setState('reconnecting');
    if (!this.socket.active) this.socket.connect();
  };

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
    this.options.onEnded?.(reason);
    this.changes.emit();
  }

  private setState(state: ConnectionState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.changes.emit();
  }

  private setPending(pending: readonly OutboxEntry[]): void {
    this.pendingValue = [...pending].sort((a, b) => (a.id < b.id ? -1 : 1));
    this.changes.emit();
  }
}
