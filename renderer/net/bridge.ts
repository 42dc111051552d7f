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

class SocketBridge implements WingsBridge {
  private refused = false;
  private readonly events = new Emitter<[HostEventName, unknown]>();

  constructor(private readonly socket: Socket) {
    socket.on('connect_error', () => {
      // `active` is false only when the host's middleware refused us; network errors keep retrying.
      if (!socket.active) this.refused = true;
    });
    socket.on('event', (name: unknown, payload: unknown) => {
      if (isHostEventName(name)) this.events.emit(name, payload);
    });
  }

  listen<N extends HostEventName>(name: N, handler: (payload: HostEventPayload<N>) => void): () => void {
    return this.events.subscribe((event, payload) => {
      if (event === name) handler(payload as HostEventPayload<N>);
    });
  }

  async call<N extends ChannelName>(name: N, input: ChannelInput<N>): Promise<Ack<ChannelOutput<N>>> {
    if (this.refused) return fail('unauthorized', 'The host refused this page’s token.');
    try {
      const ack: unknown = await this.socket.timeout(callTimeoutMs).emitWithAck('call', name, input);
      if (isAck(ack)) return ack as Ack<ChannelOutput<N>>;
      return fail('internal', 'The host answered with something that is not an ack.');
    } catch {
      return this.refused
        ? fail('unauthorized', 'The host refused this page’s token.')
        : fail('unavailable', 'The host did not answer in time.');
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

/** The one place that knows which transport carries the bridge. */
export function createBridge(): WingsBridge {
  if (window.wings) return checkingEvents(window.wings);
  const token = takeTokenFromUrl();
  const socket = io(webBridgeNamespace, {
    auth: { token: token ?? '' },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
  return checkingEvents(new SocketBridge(socket));
}
