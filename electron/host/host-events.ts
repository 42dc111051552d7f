import type { HostEventName, HostEventPayload } from '../../shared/bridge';
import { hostEvents } from '../../shared/bridge';

export type HostEventListener = <N extends HostEventName>(name: N, payload: HostEventPayload<N>) => void;

/**
 * Host → renderer events, whatever raised them (the OS, the outbox, the
 * session). Each transport (Electron IPC, the web bridge namespace)
 * subscribes and forwards; payloads are checked against the contract here,
 * so a host bug cannot send the renderer something it would have to guess at.
 */
export class HostEventBus {
  private readonly listeners = new Set<HostEventListener>();

  subscribe(listener: HostEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<N extends HostEventName>(name: N, payload: HostEventPayload<N>): void {
    const checked = hostEvents[name].parse(payload) as HostEventPayload<N>;
    for (const listener of [...this.listeners]) {
      try {
        listener(name, checked);
      } catch {
        // One window gone mid-send must not stop the others hearing it.
      }
    }
  }
}
