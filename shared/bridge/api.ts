import type { Ack } from '../protocol';
import type { ChannelInput, ChannelName, ChannelOutput } from './channels';

/** What the renderer sees as `window.wings`, whichever transport carries it. */
export interface WingsBridge {
  call<N extends ChannelName>(name: N, input: ChannelInput<N>): Promise<Ack<ChannelOutput<N>>>;
}
