import type { HostSession, WingsBridge } from '../../shared/bridge';
import type { OutboxClock, OutboxPolicy } from '../../shared/domain/outbox';
import type { SessionUser } from '../../shared/protocol';
import { Emitter } from '../net/emitter';
import { HubConnection, type EndReason, type HubConnectionOptions } from '../net/hub-connection';
import { alwaysHosted, type HostStatus } from '../net/host-status';
import type { NetworkSignal } from '../net/network';
import { ComposerRegistry } from './composers';
import { DraftStore, draftSaveDelayMs } from './draft-store';
import { SessionOutbox } from './session-outbox';
import { StoreRegistry, type StoreDefinition } from './store-registry';
import { TypingHistory } from './typing-history';

export interface SessionOptions {
  bridge: WingsBridge;
  /** What the host answered to session.signIn or session.current. */
  host: HostSession;
  network?: NetworkSignal;
  /** Whether the host is reachable and where work is kept meanwhile (web mode); always there in Electron. */
  hostStatus?: HostStatus;
  /** For tests: socket options, a short command timeout. */
  hub?: Pick<HubConnectionOptions, 'socketOptions' | 'commandTimeoutMs'>;
  clock?: OutboxClock;
  outboxPolicy?: Partial<Omit<OutboxPolicy, 'validate'>>;
  draftSaveDelayMs?: number;
}

/** A store definition for this session type. */
export type SessionStore<T> = StoreDefinition<T, Session>;

/**
 * One signed-in worker, made once per sign-in and disposed at sign-out,
 * never inside a component. It owns the hub link, the outbox sender, the
 * drafts, where each composer is, and every feature's store (see
 * ./store-registry.ts). The host holds the sign-in itself; this object only
 * names it (`id`) in every call for the worker's data.
 */
export class Session {
  readonly id: string;
  readonly hub: HubConnection;
  readonly outbox: SessionOutbox;
  readonly drafts: DraftStore;
  /** What this worker sent, for the on-screen keyboard's predictions (kept on the host only). */
  readonly typing: TypingHistory;
  readonly composers = new ComposerRegistry();
  readonly hostStatus: HostStatus;
  private readonly stores: StoreRegistry<Session>;
  private readonly changes = new Emitter();
  private readonly offHub: () => void;
  private readonly offLearn: () => void;
  private disposed: Promise<void> | null = null;

  constructor(readonly options: SessionOptions) {
    const { host, bridge } = options;
    this.id = host.sessionId;
    this.hostStatus = options.hostStatus ?? alwaysHosted;
    this.hub = new HubConnection({
      hubUrl: host.hubUrl,
      token: host.token,
      expiresAt: host.expiresAt,
      user: host.user,
      ...(options.network ? { network: options.network } : {}),
      ...options.hub,
    });
    this.outbox = new SessionOutbox({
      bridge,
      sessionId: host.sessionId,
      send: this.hub.send,
      onConnected: (listener) => this.hub.onConnected(listener),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.outboxPolicy ? { policy: options.outboxPolicy } : {}),
    });
    this.drafts = new DraftStore(bridge, host.sessionId, options.draftSaveDelayMs ?? draftSaveDelayMs);
    this.typing = new TypingHistory(bridge, host.sessionId);
    this.offLearn = this.outbox.onDelivered((entry) => {
      if (entry.typed !== null) this.typing.learn(entry.typed);
    });
    this.stores = new StoreRegistry<Session>(this);
    this.offHub = this.hub.subscribe(() => this.changes.emit());
    this.outbox.start();
  }

  get user(): SessionUser {
    return this.hub.user;
  }
  /** The hub refused the token or it expired: the worker must sign in again. */
  get ended(): EndReason | null {
    return this.hub.ended;
  }
  get expiresAt(): number {
    return this.options.host.expiresAt;
  }

  /** Fires when the user, the connection or `ended` change. */
  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** The feature store of this definition, made on first use and kept until sign-out. */
  store<T>(definition: SessionStore<T>): T {
    return this.stores.get(definition);
  }

  /** Saves what is typed, stops sending, ends every store and the hub link. Safe to call twice. */
  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      this.outbox.stop();
      await this.drafts.flush();
      this.drafts.dispose();
      this.stores.dispose();
      this.offLearn();
      this.typing.dispose();
      this.offHub();
      this.hub.close();
    })();
    return this.disposed;
  }
}
