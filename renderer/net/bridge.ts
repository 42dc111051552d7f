import { io, type Socket } from 'socket.io-client';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  HostEventName,
  HostEventPayload,
  WingsBridge,
} from '../../shared/bridge';
import { hostEvents, isHostEventName, webBridgeNamespace } from '../../shared/bridge';
import { Emitter } from './emitter';
import { fail, type Ack } from '../../shared/protocol';
import { readBridgeToken, writeBridgeToken } from './bridge-token';
import { alwaysLinked, type HostLink, type HostLinkState, type HostRefusal } from './host-link';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    wings?: WingsBridge;
  }
}

const callTimeoutMs = 10_000;

/**
 * The page address carries the per-launch token once; it is moved to
 * sessionStorage and taken out of the visible URL so it does not end up in
 * screenshots, history or a pasted link, while a reload still finds it.
 */
function takeTokenFromUrl(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    writeBridgeToken(fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return fromUrl ?? readBridgeToken();
}

class SocketBridge implements WingsBridge, HostLink {
  private stateValue: HostLinkState = 'connecting';
  private refusalValue: HostRefusal | null = null;
  private everConnected = false;
  private readonly events = new Emitter<[HostEventName, unknown]>();
  private readonly changes = new Emitter();
  private readonly reconnects = new Emitter();

  constructor(
    private readonly socket: Socket,
    hasToken: boolean,
  ) {
    socket.on('connect', () => {
      const again = this.everConnected;
      this.everConnected = true;
      this.setState('connected');
      if (again) this.reconnects.emit();
    });
    socket.on('disconnect', () => {
      if (this.stateValue !== 'refused') this.setState('lost');
      // The host hung up on purpose (it is closing): socket.io would not retry by itself.
      if (!socket.active) socket.connect();
    });
    socket.on('connect_error', () => {
      // `active` is false only when the host's middleware refused us; network errors keep retrying.
      if (!socket.active) {
        this.refusalValue = 'stale';
        this.setState('refused');
      } else {
        // Not reached (never, or not again yet): calls waiting on the first connection give up now.
        this.setState('lost');
      }
    });
    socket.on('event', (name: unknown, payload: unknown) => {
      if (isHostEventName(name)) this.events.emit(name, payload);
    });
    if (!hasToken) {
      // Nothing to try: the host refuses every page without the printed link's token.
      this.refusalValue = 'missing';
      this.stateValue = 'refused';
    } else {
      socket.connect();
    }
  }

  get state(): HostLinkState {
    return this.stateValue;
  }
  get refusal(): HostRefusal | null {
    return this.refusalValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  onReconnected(listener: () => void): () => void {
    return this.reconnects.subscribe(listener);
  }

  private setState(state: HostLinkState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.changes.emit();
  }

  /** Rejects when the link drops: an answer will not come, and the caller should not wait 10 s to learn it. */
  private whenGone(): { promise: Promise<never>; off: () => void } {
    let off: () => void = () => undefined;
    const promise = new Promise<never>((_resolve, reject) => {
      off = this.changes.subscribe(() => {
        if (this.stateValue !== 'connected') reject(new Error('the host link dropped'));
      });
    });
    // Nobody may be listening when it rejects after the race is over.
    promise.catch(() => undefined);
    return { promise, off };
  }

  /** Resolves once the first connection is made, refused or failed: calls never queue behind a dead link. */
  private settled(): Promise<void> {
    if (this.stateValue !== 'connecting') return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.changes.subscribe(() => {
        off();
        resolve();
      });
    });
  }

  listen<N extends HostEventName>(name: N, handler: (payload: HostEventPayload<N>) => void): () => void {
    return this.events.subscribe((event, payload) => {
      if (event === name) handler(payload as HostEventPayload<N>);
    });
  }

  async call<N extends ChannelName>(name: N, input: ChannelInput<N>): Promise<Ack<ChannelOutput<N>>> {
    await this.settled();
    if (this.stateValue === 'refused') return fail('unauthorized', 'The host refused this page’s token.');
    // socket.io would hold the call and send it on reconnect, long after the caller gave up on it.
    if (!this.socket.connected) return fail('unavailable', 'Wings cannot reach its host.');
    const gone = this.whenGone();
    try {
      const ack: unknown = await Promise.race([
        this.socket.timeout(callTimeoutMs).emitWithAck('call', name, input),
        gone.promise,
      ]);
      if (isAck(ack)) return ack as Ack<ChannelOutput<N>>;
      return fail('internal', 'The host answered with something that is not an ack.');
    } catch {
      // The link may have changed while waiting (refused on a reconnect): read it afresh.
      return this.state === 'refused'
        ? fail('unauthorized', 'The host refused this page’s token.')
        : fail('unavailable', 'The host did not answer in time.');
    } finally {
      gone.off();
    }
  }
}

function isAck(value: unknown): value is Ack<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Host events are checked against their schema here, whichever transport
 * brought them: a payload that does not match is dropped, never guessed at.
 */
function checkingEvents(bridge: WingsBridge): WingsBridge {
  return {
    call: (name, input) => bridge.call(name, input),
    listen: (name, handler) =>
      bridge.listen(name, (payload) => {
        const parsed = hostEvents[name].safeParse(payload);
        if (parsed.success) handler(parsed.data as HostEventPayload<typeof name>);
      }),
  };
}

/** The one place that knows which transport carries the bridge, and whether it can lose the host. */
export function createBridge(): { bridge: WingsBridge; link: HostLink } {
  if (window.wings) return { bridge: checkingEvents(window.wings), link: alwaysLinked };
  const token = takeTokenFromUrl();
  const socket = io(webBridgeNamespace, {
    auth: { token: token ?? '' },
    autoConnect: false,
    // A restarted host is found within a second; the notice that it is gone shows at once.
    reconnectionDelay: 250,
    reconnectionDelayMax: 1_000,
  });
  const web = new SocketBridge(socket, token !== null && token !== '');
  return { bridge: checkingEvents(web), link: web };
}
