import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type ReactNode,
} from 'react';

/**
 * The actions of the current screen, as registered by the components that
 * show them. Shortcuts, the command palette and the shortcut settings all read
 * this one list, so an action gets a key, a palette entry and a remapping row
 * by being registered once.
 */

export interface ActionSpec {
  /** Stable across languages and sessions: user remappings are stored by it. */
  readonly id: string;
  /** Already translated: what the palette and the settings show. */
  readonly label: string;
  readonly run: () => void;
  /** Canonical bindings (see shared/a11y/shortcuts.ts); avoid single characters (WCAG 2.1.4). */
  readonly defaultBindings?: readonly string[];
  /** Translated group name, for the palette's sections. */
  readonly group?: string;
  /** More texts the palette finds the action by, such as its label in the other language. */
  readonly keywords?: readonly string[];
  /** Lower comes first in lists, before registration order: screens mount in no useful order. */
  readonly rank?: number;
}

export interface RegisteredAction extends ActionSpec {
  /** Registration order, so the palette lists actions as the screen shows them. */
  readonly order: number;
}

/**
 * Entries made from what was typed into the palette, such as "Open ticket 42"
 * for `ticket 42`: they exist only for that query, have no keys and are not in
 * the shortcut settings. Ids should not collide with registered actions'.
 */
export type Suggester = (query: string) => readonly ActionSpec[];

type Listener = () => void;

export class ActionRegistry {
  private readonly actions = new Map<string, RegisteredAction>();
  private readonly listeners = new Set<Listener>();
  private readonly beforeRun = new Set<(id: string) => void>();
  private readonly suggesters = new Map<string, Suggester>();
  private snapshot: readonly RegisteredAction[] = [];
  private nextOrder = 0;
  private suspensions = 0;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly RegisteredAction[] => this.snapshot;

  /** Adds or updates; an update keeps the action's place in the list. */
  set(spec: ActionSpec, order?: number): number {
    const kept = this.actions.get(spec.id)?.order;
    const place = order ?? kept ?? this.nextOrder++;
    this.actions.set(spec.id, { ...spec, order: place });
    this.publish();
    return place;
  }

  delete(id: string): void {
    if (this.actions.delete(id)) this.publish();
  }

  get(id: string): RegisteredAction | undefined {
    return this.actions.get(id);
  }

  /** Runs an action after anything open over the screen (the palette) has closed and given focus back. */
  run(id: string): void {
    const action = this.actions.get(id);
    if (action) this.invoke(action);
  }

  /** Runs a spec that need not be registered (a suggestion), the way run() runs a registered one. */
  invoke(action: ActionSpec): void {
    for (const listener of [...this.beforeRun]) listener(action.id);
    action.run();
  }

  setSuggester(id: string, suggest: Suggester): void {
    this.suggesters.set(id, suggest);
  }

  deleteSuggester(id: string): void {
    this.suggesters.delete(id);
  }

  /** What every suggester offers for a query, in the order they were added. */
  suggest(query: string): ActionSpec[] {
    if (query.trim() === '') return [];
    return [...this.suggesters.values()].flatMap((suggest) => suggest(query));
  }

  onBeforeRun(listener: (id: string) => void): () => void {
    this.beforeRun.add(listener);
    return () => this.beforeRun.delete(listener);
  }

  /** While a shortcut is being recorded, the keys must reach the recorder instead of running actions. */
  suspend(): () => void {
    this.suspensions++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.suspensions--;
    };
  }

  get suspended(): boolean {
    return this.suspensions > 0;
  }

  private publish(): void {
    this.snapshot = [...this.actions.values()].sort(
      (a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.order - b.order,
    );
    for (const listener of this.listeners) listener();
  }
}

const ActionsContext = createContext<ActionRegistry | null>(null);

export interface ActionsProviderProps {
  children: ReactNode;
  /** For tests; the app makes its own. */
  registry?: ActionRegistry;
}

export function ActionsProvider({ children, registry }: ActionsProviderProps) {
  const value = useMemo(() => registry ?? new ActionRegistry(), [registry]);
  return <ActionsContext value={value}>{children}</ActionsContext>;
}

export function useActionRegistry(): ActionRegistry {
  const registry = useContext(ActionsContext);
  if (!registry) throw new Error('useActionRegistry outside ActionsProvider');
  return registry;
}

/** Every action registered on the current screen, in screen order. */
export function useActions(): readonly RegisteredAction[] {
  const registry = useActionRegistry();
  return useSyncExternalStore(registry.subscribe, registry.getSnapshot);
}

/**
 * Registers an action while the calling component is mounted. `run` may change
 * every render: the latest one runs, without re-registering.
 */
export function useRegisterAction(spec: ActionSpec): void {
  const registry = useActionRegistry();
  const run = useRef(spec.run);
  const order = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    run.current = spec.run;
  });

  const { id, label, group, rank } = spec;
  const bindingsKey = JSON.stringify(spec.defaultBindings ?? []);
  const keywordsKey = JSON.stringify(spec.keywords ?? []);
  useEffect(() => {
    const defaultBindings = JSON.parse(bindingsKey) as string[];
    const keywords = JSON.parse(keywordsKey) as string[];
    order.current = registry.set(
      {
        id,
        label,
        defaultBindings,
        keywords,
        ...(group === undefined ? {} : { group }),
        ...(rank === undefined ? {} : { rank }),
        run: () => run.current(),
      },
      order.current,
    );
  }, [registry, id, label, group, rank, bindingsKey, keywordsKey]);

  useEffect(() => () => registry.delete(id), [registry, id]);
}

/** Adds a suggester while the calling component is mounted; the latest `suggest` is the one asked. */
export function useRegisterSuggester(id: string, suggest: Suggester): void {
  const registry = useActionRegistry();
  const latest = useRef(suggest);
  useLayoutEffect(() => {
    latest.current = suggest;
  });
  useEffect(() => {
    registry.setSuggester(id, (query) => latest.current(query));
    return () => registry.deleteSuggester(id);
  }, [registry, id]);
}
