/** The smallest subscribe/notify needed to feed React's useSyncExternalStore. */
export class Emitter<T extends unknown[] = []> {
  private readonly listeners = new Set<(...args: T) => void>();

  subscribe = (listener: (...args: T) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  emit(...args: T): void {
    for (const listener of [...this.listeners]) listener(...args);
  }
}
