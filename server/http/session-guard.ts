import { connectRefusals } from '../../shared/protocol/ack';
import type { ExtendedError, Server } from 'socket.io';
import type { Logger } from 'pino';
import { sourceOf } from '../auth/source';
import type { Principal } from '../protocol/principal';
import type { HubSocket } from '../protocol/socket-types';

type Engine = Server['engine'];
type EngineConn = HubSocket['conn'];

export interface SessionGuardLimits {
  maxUnauthenticated: number;
  maxUnauthenticatedPerAddress: number;
  maxSignedInPerAddress: number;
  maxSignedInPerUser: number;
  maxCustomerPerChat: number;
  maxCustomerPerAddress: number;
}

/** What a socket refused for a signed-in cap (per address or per user) is told (its `connect_error` message). */
export const tooManyConnectionsMessage = connectRefusals.busy;

interface Owner {
  key: string;
  /** Sockets of this owner at most. */
  max: number;
  /** For customers: their address's count of customer sockets, capped on its own. */
  customerAddress: boolean;
}

/**
 * Whose signed-in sockets count together (a worker's toward
 * `maxSignedInPerUser`, a customer's conversation toward
 * `maxCustomerPerChat`), or null for a principal that is not signed in. A
 * switch over every kind, so a new kind (viewers) cannot be added without
 * deciding: an anonymous viewer stays unauthenticated and under the small caps.
 */
function ownerOf(principal: Principal, limits: SessionGuardLimits): Owner | null {
  switch (principal.kind) {
    case 'worker':
      return { key: `user:${principal.user.id}`, max: limits.maxSignedInPerUser, customerAddress: false };
    case 'customer':
      return { key: `chat:${principal.chatId}`, max: limits.maxCustomerPerChat, customerAddress: true };
    case 'guest':
    case 'viewer':
      return null;
  }
}

/** One less of `key`; a count that reaches 0 leaves the map, so it holds only what is open. */
function decrement(counts: Map<string, number>, key: string): void {
  const count = (counts.get(key) ?? 1) - 1;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}

interface Session {
  conn: EngineConn;
  address: string;
  /** Signed-in sockets on this transport (one transport can carry several namespaces). */
  signedIn: number;
  gone: boolean;
}

/**
 * Caps socket.io sessions (engine.io transports, over WebSocket or polling).
 * One not signed in is "unauthenticated", and those are capped overall and
 * per address: when a cap is hit the oldest one goes, so a flood of open
 * transports pushes out itself rather than blocking a worker who is about to
 * sign in; socket.io's `connectTimeout` closes those that join no namespace.
 * A signed-in session leaves those caps for a per-address one that is high
 * enough for an office behind one NAT, and each person's sockets have a cap
 * of their own wherever they come from; past either the new socket is refused.
 */
export class SessionGuard {
  private readonly sessions = new Map<EngineConn, Session>();
  /** Oldest first (Set insertion order). */
  private readonly unauthenticated = new Set<Session>();
  private readonly unauthenticatedByAddress = new Map<string, Set<Session>>();
  private readonly signedInByAddress = new Map<string, number>();
  /** Signed-in sockets (not sessions) by `ownerOf`. */
  private readonly signedInByOwner = new Map<string, number>();
  /** Customer sockets by address (their own cap, far below the workers' office-sized one). */
  private readonly customersByAddress = new Map<string, number>();
  private lastCapWarning = -Infinity;

  constructor(
    engine: Engine,
    private readonly limits: SessionGuardLimits,
    private readonly log: Logger | null = null,
  ) {
    engine.on('connection', (conn: EngineConn) => this.opened(conn));
  }

  /**
   * Namespace middleware, registered after the namespace's own auth: it sees
   * the principal that auth set, and counts the socket if it is signed in.
   */
  readonly afterAuth = (socket: HubSocket, next: (err?: ExtendedError) => void): void => {
    const session = this.sessions.get(socket.conn);
    const found = ownerOf(socket.data.principal, this.limits);
    if (!session || session.gone || found === null) return next();
    const owner = found.key;
    const owned = this.signedInByOwner.get(owner) ?? 0;
    if (owned >= found.max) {
      this.warnAtCap(found.customerAddress ? 'one conversation' : 'one user', owned);
      return next(new Error(tooManyConnectionsMessage));
    }
    const customers = this.customersByAddress.get(session.address) ?? 0;
    if (found.customerAddress && customers >= this.limits.maxCustomerPerAddress) {
      this.warnAtCap('one address', customers);
      return next(new Error(tooManyConnectionsMessage));
    }
    if (session.signedIn === 0) {
      const count = this.signedInByAddress.get(session.address) ?? 0;
      if (count >= this.limits.maxSignedInPerAddress) {
        this.warnAtCap('one address', count);
        return next(new Error(tooManyConnectionsMessage));
      }
      this.signedInByAddress.set(session.address, count + 1);
      this.leaveUnauthenticated(session);
    }
    this.signedInByOwner.set(owner, owned + 1);
    if (found.customerAddress) this.customersByAddress.set(session.address, customers + 1);
    session.signedIn += 1;
    socket.once('disconnect', () => {
      decrement(this.signedInByOwner, owner);
      if (found.customerAddress) decrement(this.customersByAddress, session.address);
      session.signedIn -= 1;
      if (session.gone || session.signedIn > 0) return;
      // Signed out but the transport stays open: it is unauthenticated again, and capped as such.
      this.leaveSignedIn(session);
      this.enterUnauthenticated(session);
    });
    next();
  };

  /** An office outgrowing a cap should show in the log, once per minute at most and without the address or user. */
  private warnAtCap(from: 'one address' | 'one user' | 'one conversation', count: number): void {
    const now = performance.now();
    if (now - this.lastCapWarning < 60_000) return;
    this.lastCapWarning = now;
    this.log?.warn({ count }, `a sign-in was refused: signed-in connections from ${from} are at the cap`);
  }

  private opened(conn: EngineConn): void {
    const session: Session = { conn, address: sourceOf(conn.remoteAddress), signedIn: 0, gone: false };
    this.sessions.set(conn, session);
    conn.once('close', () => {
      this.closed(session);
      terminateSoon(conn);
    });
    this.enterUnauthenticated(session);
  }

  private enterUnauthenticated(session: Session): void {
    this.unauthenticated.add(session);
    let mine = this.unauthenticatedByAddress.get(session.address);
    if (!mine) {
      mine = new Set();
      this.unauthenticatedByAddress.set(session.address, mine);
    }
    mine.add(session);
    if (mine.size > this.limits.maxUnauthenticatedPerAddress) this.closeOldest(mine);
    if (this.unauthenticated.size > this.limits.maxUnauthenticated) this.closeOldest(this.unauthenticated);
  }

  private leaveUnauthenticated(session: Session): void {
    this.unauthenticated.delete(session);
    const mine = this.unauthenticatedByAddress.get(session.address);
    mine?.delete(session);
    if (mine?.size === 0) this.unauthenticatedByAddress.delete(session.address);
  }

  private leaveSignedIn(session: Session): void {
    decrement(this.signedInByAddress, session.address);
  }

  private closeOldest(sessions: Set<Session>): void {
    const oldest = sessions.values().next();
    if (oldest.done) return;
    this.closed(oldest.value);
    oldest.value.conn.close();
  }

  private closed(session: Session): void {
    if (session.gone) return;
    session.gone = true;
    this.sessions.delete(session.conn);
    if (session.signedIn > 0) this.leaveSignedIn(session);
    else this.leaveUnauthenticated(session);
  }
}

/** A peer gets this long to answer the WebSocket close frame before its connection is cut. */
const closeGraceMs = 1000;

/**
 * A WebSocket the hub closes (connect or ping timeout, or a cap) waits for
 * the peer's close frame, and `ws` waits 30 s for it: a flood that never
 * answers would keep its descriptors that long. Cut it after a short grace.
 * engine.io keeps the `ws` socket on its transport as `socket`; polling has none.
 */
function terminateSoon(conn: EngineConn): void {
  const ws: unknown = (conn.transport as unknown as { socket?: unknown }).socket;
  if (typeof ws !== 'object' || ws === null || !('terminate' in ws) || typeof ws.terminate !== 'function')
    return;
  const terminate = ws.terminate.bind(ws) as () => void;
  setTimeout(terminate, closeGraceMs).unref();
}
