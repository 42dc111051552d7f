import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { clockSkewMs } from '../../shared/domain/clock-skew';
import { ackSchema, namespaces, protocolVersion, publicProtocol } from '../../shared/protocol';
import { Emitter } from './emitter';

export type HubCheckState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'unreachable' }
  | { readonly status: 'reachable'; readonly skewMs: number }
  /** The hub speaks another protocol version: sign-in may work, the rest may not. */
  | { readonly status: 'incompatible'; readonly protocol: number; readonly skewMs: number };

const helloAck = ackSchema(publicProtocol.helloOutput);

export interface HubCheckOptions {
  now?: () => number;
  timeoutMs?: number;
  /** socket.io client options for tests. */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/**
 * Asks the hub the password will go to who it is, before the worker types it:
 * over `/public`, the audience anyone may reach without signing in. One short
 * socket per check; nothing about the worker is sent.
 */
export class HubCheck {
  private readonly changes = new Emitter();
  private stateValue: HubCheckState = { status: 'idle' };
  private running: Promise<void> | null = null;

  constructor(
    private readonly hubUrl: string,
    private readonly options: HubCheckOptions = {},
  ) {}

  get state(): HubCheckState {
    return this.stateValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  check(): Promise<void> {
    this.running ??= this.ask().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async ask(): Promise<void> {
    const now = this.options.now ?? Date.now;
    const timeoutMs = this.options.timeoutMs ?? 5_000;
    this.set({ status: 'checking' });
    const socket = io(`${this.hubUrl.replace(/\/+$/, '')}${namespaces.guest}`, {
      forceNew: true,
      reconnection: false,
      timeout: timeoutMs,
      ...this.options.socketOptions,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const sentAt = now();
      const raw: unknown = await socket.timeout(timeoutMs).emitWithAck('hub.hello', {});
      const receivedAt = now();
      const answer = helloAck.safeParse(raw);
      if (!answer.success || !answer.data.ok) {
        this.set({ status: 'unreachable' });
        return;
      }
      const skewMs = clockSkewMs(sentAt, receivedAt, answer.data.data.serverTime);
      const { protocol } = answer.data.data;
      this.set(
        protocol === protocolVersion
          ? { status: 'reachable', skewMs }
          : { status: 'incompatible', protocol, skewMs },
      );
    } catch {
      this.set({ status: 'unreachable' });
    } finally {
      socket.close();
    }
  }

  private set(state: HubCheckState): void {
    this.stateValue = state;
    this.changes.emit();
  }
}
