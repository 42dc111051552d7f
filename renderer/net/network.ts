/**
 * Whether the machine thinks it is online, and when that changes. The
 * renderer passes the browser's events (./browser-network.ts); Node, where
 * tests run the same connection, has no such signal and is always online.
 */
export interface NetworkSignal {
  readonly online: boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

export const alwaysOnline: NetworkSignal = {
  online: true,
  subscribe: () => () => undefined,
};
