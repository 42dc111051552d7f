import type { Ack } from '../protocol';
import type { ChannelInput, ChannelName, ChannelOutput } from './channels';
import type { HostEventName, HostEventPayload } from './events';

/** What the renderer sees as `window.wings`, whichever transport carries it. */
export interface WingsBridge {
  /** Renderer → host: a request with an answer. */
  call<N extends ChannelName>(name: N, input: ChannelInput<N>): Promise<Ack<ChannelOutput<N>>>;
  /** Host → renderer: events the host sends on its own; returns the unsubscribe. */
  listen<N extends HostEventName>(name: N, handler: (payload: HostEventPayload<N>) => void): () => void;
}
