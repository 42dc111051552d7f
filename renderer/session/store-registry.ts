/**
 * Per-feature stores, one definition each: `defineStore('team', (session) =>
 * new TeamStore(session))`. A store is made the first time something asks for
 * it in a signed-in session and lives until sign-out, whatever mounts or
 * unmounts meanwhile, so switching workspace loses no state, no reply and no
 * refusal. A store with a `dispose()` has it called at sign-out.
 */
export interface StoreDefinition<T, S> {
  readonly id: string;
  create(session: S): T;
}

export function defineStore<T, S>(id: string, create: (session: S) => T): StoreDefinition<T, S> {
  return { id, create };
}

interface Disposable {
  dispose(): void;
}

function isDisposable(value: unknown): value is Disposable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { dispose?: unknown }).dispose === 'function'
  );
}

export class StoreRegistry<S> {
  private readonly made = new Map<StoreDefinition<unknown, S>, unknown>();
  private readonly ids = new Map<string, StoreDefinition<unknown, S>>();
  private disposed = false;

  constructor(private readonly session: S) {}

  get<T>(definition: StoreDefinition<T, S>): T {
    if (this.disposed) throw new Error(`store "${definition.id}" asked for after sign-out`);
    if (this.made.has(definition)) return this.made.get(definition) as T;
    // Two definitions under one id would be two stores a reader cannot tell apart.
    const other = this.ids.get(definition.id);
    if (other && other !== definition) throw new Error(`two stores are defined as "${definition.id}"`);
    const store = definition.create(this.session);
    this.made.set(definition, store);
    this.ids.set(definition.id, definition);
    return store;
  }

  /** Disposes in the reverse order of creation: a store made from another goes before it. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const store of [...this.made.values()].reverse()) {
      if (isDisposable(store)) store.dispose();
    }
    this.made.clear();
  }
}
