import type { SettingsSectionId } from '../../a11y/settings/settings-sections';
import { Emitter } from '../../net/emitter';
import { formatRoute, parseRoute, type Route } from './routes';

/** The parts of `window` the router uses, so a test can hand it a window of its own. */
export interface RouterWindow {
  readonly location: { readonly hash: string };
  readonly history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
  removeEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
}

export interface RouterState {
  /** What the address bar says, parsed; null for an address that names no route. */
  readonly route: Route | null;
  readonly hash: string;
  /**
   * Counts navigations: navigate(), back, forward, an address typed or a link
   * followed. The shown view's heading takes focus each time it changes; a
   * replace() (a settings tab chosen, a forbidden address corrected) does not move it.
   */
  readonly navigation: number;
  /** The settings tab last in the address, which a bare `#/settings` (the banner link) shows again. */
  readonly settingsTab: SettingsSectionId;
}

/**
 * The one owner of `location.hash` and the session history. It is made once
 * per page (not per sign-in), so an address opened before signing in is still
 * there to land on afterwards. Read through useSyncExternalStore.
 */
export class Router {
  private readonly changes = new Emitter();
  private state: RouterState;

  constructor(private readonly win: RouterWindow) {
    const hash = win.location.hash;
    const route = parseRoute(hash);
    this.state = { route, hash, navigation: 0, settingsTab: tabOf(route) ?? 'display' };
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  getSnapshot = (): RouterState => this.state;

  get route(): Route | null {
    return this.state.route;
  }

  /** Follows back, forward and addresses changed from outside; returns the stop. */
  start(): () => void {
    const follow = () => this.follow();
    // Chromium fires both for one step back between hash entries; follow() ignores the second.
    this.win.addEventListener('popstate', follow);
    this.win.addEventListener('hashchange', follow);
    this.follow();
    return () => {
      this.win.removeEventListener('popstate', follow);
      this.win.removeEventListener('hashchange', follow);
    };
  }

  /** A new history entry; asking for the route already shown still counts, so its heading takes focus again. */
  navigate(route: Route): void {
    const hash = formatRoute(route);
    if (hash !== this.win.location.hash) this.win.history.pushState(null, '', hash);
    this.set(hash, this.state.navigation + 1);
  }

  /** Rewrites the current entry: Back then skips what was replaced. */
  replace(route: Route): void {
    const hash = formatRoute(route);
    if (hash !== this.win.location.hash) this.win.history.replaceState(null, '', hash);
    if (hash !== this.state.hash) this.set(hash, this.state.navigation);
  }

  private follow(): void {
    const hash = this.win.location.hash;
    if (hash !== this.state.hash) this.set(hash, this.state.navigation + 1);
  }

  private set(hash: string, navigation: number): void {
    const route = parseRoute(hash);
    this.state = { route, hash, navigation, settingsTab: tabOf(route) ?? this.state.settingsTab };
    this.changes.emit();
  }
}

function tabOf(route: Route | null): SettingsSectionId | undefined {
  return route?.name === 'settings' ? route.tab : undefined;
}
