/**
 * The renderer's only door to the host: `window.wings.call(name, input)`.
 * No ipcRenderer, no Node: an unknown channel is refused here, and the main
 * process validates the input again before any service sees it.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  ipcChannel,
  isChannelName,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type WingsBridge,
} from '../../shared/bridge';
import { fail, type Ack } from '../../shared/protocol';

const bridge: WingsBridge = {
  call<N extends ChannelName>(name: N, input: ChannelInput<N>): Promise<Ack<ChannelOutput<N>>> {
    if (!isChannelName(name)) return Promise.resolve(fail('invalid_input', 'Unknown bridge channel.'));
    return ipcRenderer.invoke(ipcChannel, name, input) as Promise<Ack<ChannelOutput<N>>>;
  },
};

contextBridge.exposeInMainWorld('wings', bridge);
