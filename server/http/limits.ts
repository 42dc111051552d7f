import { readdirSync, readFileSync } from 'node:fs';

/** Caps and timeouts at the hub's edge; `HubConfig.connectionLimits` overrides any of them. */
export interface ConnectionLimits {
  /**
   * TCP connections of every kind held at once. A process out of file
   * descriptors cannot accept anyone (the kernel queue then drops real
   * clients with the flood), so the default is taken from the open-file
   * limit: what is left of it at start, minus room for the store and files.
   */
  maxConnections: number;
  /** HTTP connections (waiting for a request, or in one) from one address; WebSockets are counted below. */
  maxHttpPerAddress: number;
  /** socket.io sessions that have not signed in, overall: well under maxConnections, so they cannot fill it. */
  maxUnauthenticated: number;
  maxUnauthenticatedPerAddress: number;
  /**
   * Signed-in socket.io sessions from one address. High: a whole office
   * behind one NAT is one address, and so is every window of a workstation
   * on its embedded hub (127.0.0.1).
   */
  maxSignedInPerAddress: number;
  /**
   * Signed-in sockets of one person, from every address and token at once.
   * Each socket has its own budget (`server/protocol/budget.ts`), so without
   * this one user's sockets add up without end: 50 sockets that ask for
   * history and never read took a hub past 800 MiB. A workstation opens one
   * socket per session; the rest is room for a few PCs and reconnects.
   */
  maxSignedInPerUser: number;
  /** Customer sockets on one conversation (`/chat`): a few tabs of one shopper, not a fan-out. */
  maxCustomerPerChat: number;
  /**
   * Customer sockets from one address, whatever conversation: shoppers behind
   * one mobile carrier's NAT share an address, a script opening conversations does too.
   */
  maxCustomerPerAddress: number;
  /** A connection with no request in flight (before its first, or between keep-alive ones) is closed after this. */
  idleTimeoutMs: number;
  /** Node's `headersTimeout` and `requestTimeout`: a request must arrive whole within these. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** socket.io `connectTimeout`: a transport that joins no namespace in this time is closed (default 45 s). */
  connectTimeoutMs: number;
  /** socket.io heartbeat: a silent peer is dropped after pingInterval + pingTimeout. */
  pingIntervalMs: number;
  pingTimeoutMs: number;
}

/** Without a known descriptor limit (Windows has none of this kind); Node raises the soft limit to the hard one. */
const fallbackMaxConnections = 8192;

export function defaultConnectionLimits(): ConnectionLimits {
  const maxConnections = connectionBudget(openFileLimit(), openFileCount());
  return {
    maxConnections,
    maxHttpPerAddress: Math.min(256, maxConnections),
    maxUnauthenticated: Math.max(1, Math.min(512, Math.floor(maxConnections / 2))),
    maxUnauthenticatedPerAddress: Math.max(1, Math.min(256, Math.floor(maxConnections / 2))),
    maxSignedInPerAddress: 1000,
    maxSignedInPerUser: 16,
    maxCustomerPerChat: 5,
    maxCustomerPerAddress: 64,
    idleTimeoutMs: 5_000,
    headersTimeoutMs: 5_000,
    requestTimeoutMs: 10_000,
    connectTimeoutMs: 5_000,
    pingIntervalMs: 15_000,
    pingTimeoutMs: 10_000,
  };
}

/**
 * 90 % of the descriptors still free, less 32 for what the hub opens besides
 * sockets (the store's database, WAL and shm files, the key file, static
 * files served in web mode while a request is in flight).
 */
export function connectionBudget(limit: number | null, open: number): number {
  if (limit === null || !Number.isFinite(limit)) return fallbackMaxConnections;
  return Math.max(16, Math.min(fallbackMaxConnections, Math.floor((limit - open) * 0.9) - 32));
}

/** The soft `RLIMIT_NOFILE` from /proc (Linux), null where it cannot be read; Infinity when unlimited. */
function openFileLimit(): number | null {
  try {
    const line = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (!line?.[1]) return null;
    return line[1] === 'unlimited' ? Infinity : Number(line[1]);
  } catch {
    return null;
  }
}

function openFileCount(): number {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return 0;
  }
}
