/**
 * Whether the page can reach the workstation host. Over Electron IPC it
 * always can (the host is the process that drew the window); in web mode the
 * host is another process that can stop, restart, or refuse this page's
 * token. DOM-free so the session and its Node-run tests can name it.
 */
export type HostLinkState =
  /** The first connection is still being made. */
  | 'connecting'
  | 'connected'
  /** It was reached, and is not now: the web process stopped. Retrying. */
  | 'lost'
  /** The host turned this page's token down, or the page has none: only the printed link helps. */
  | 'refused';

/** Why the host would not take this page: no token in its address, or one from another launch. */
export type HostRefusal = 'missing' | 'stale';

export interface HostLink {
  readonly state: HostLinkState;
  readonly refusal: HostRefusal | null;
  subscribe(listener: () => void): () => void;
  /** Fires on every connect after the first: a restarted host may have forgotten the sign-in. */
  onReconnected(listener: () => void): () => void;
}

/** Electron: the host is the process that drew the window, so it is never out of reach. */
export const alwaysLinked: HostLink = {
  state: 'connected',
  refusal: null,
  subscribe: () => () => undefined,
  onReconnected: () => () => undefined,
};
