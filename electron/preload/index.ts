/**
 * The renderer's only door to the host: `window.wings.call(name, input)` and
 * `window.wings.listen(name, handler)`. No ipcRenderer, no Node: an unknown
 * channel or event is refused here, the main process validates call inputs
 * again, and the renderer validates event payloads (renderer/net/bridge.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  ipcChannel,
  ipcEventChannel,
  isChannelName,
  isHostEventName,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type HostEventName,
  type HostEventPayload,
  type WingsBridge,
} from '../../shared/bridge';
import { fail, type Ack } from '../../shared/protocol';

type AnyHandler = (payload: unknown) => void;
const handlers = new Map<HostEventName, Set<AnyHandler>>();

// One IPC listener for every host event; the renderer's handlers never see the IPC event object.
ipcRenderer.on(ipcEventChannel, (_event, name: unknown, payload: unknown) => {
  if (!isHostEventName(name)) return;
  for (const handler of [...(handlers.get(name) ?? [])]) handler(payload);
});

const bridge: WingsBridge = {
  call<N extends ChannelName>(name: N, input: ChannelInput<N>): Promise<Ack<ChannelOutput<N>>> {
    if (!isChannelName(name)) return Promise.resolve(fail('invalid_input', 'Unknown bridge channel.'));
    return ipcRenderer.invoke(ipcChannel, name, input) as Promise<Ack<ChannelOutput<N>>>;
  },
  listen<N extends HostEventName>(name: N, handler: (payload: HostEventPayload<N>) => void): () => void {
    if (!isHostEventName(name) || typeof handler !== 'function') return () => undefined;
    const set = handlers.get(name) ?? new Set<AnyHandler>();
    handlers.set(name, set);
    const wrapped: AnyHandler = (payload) => handler(payload as HostEventPayload<N>);
    set.add(wrapped);
    return () => set.delete(wrapped);
  },
};

contextBridge.exposeInMainWorld('wings', bridge);
