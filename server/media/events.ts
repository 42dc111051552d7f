import type { MediaPlaneEvents } from './types';

type Listener<K extends keyof MediaPlaneEvents> = (payload: MediaPlaneEvents[K]) => void;

/** The plane's typed events: a throwing listener is isolated so one consumer cannot break the others. */
export class PlaneEvents {
  private readonly listeners = new Map<keyof MediaPlaneEvents, Set<(payload: never) => void>>();

  constructor(private readonly onListenerError: (err: unknown) => void) {}

  on<K extends keyof MediaPlaneEvents>(event: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends keyof MediaPlaneEvents>(event: K, payload: MediaPlaneEvents[K]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as Listener<K>)(payload);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }
}
