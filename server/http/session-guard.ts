import { connectRefusals } from '../../shared/protocol/ack';
import type { ExtendedError, Server } from 'socket.io';
import type { Logger } from 'pino';
import type { PrincipalKind } from '../../shared/protocol/events';
import { sourceOf } from '../auth/source';
import type { HubSocket } from '../protocol/socket-types';

type Engine = Server['engine'];
type EngineConn = HubSocket['conn'];

export interface SessionGuardLimits {
  maxUnauthenticated: number;
  maxUnauthenticatedPerAddress: number;
  maxSignedInPerAddress: number;
}

/** What a socket that refused for the per-address cap is told (its `connect_error` message). */
export const tooManyConnectionsMessage = connectRefusals.busy;

/**
 * Which principals count as signed in. A record over every kind, so a new
 * kind (customers, viewers) cannot be added without deciding: an anonymous
 * viewer stays unauthenticated and under the small caps.
 */
const signedInKinds: Record<PrincipalKind, boolean> = { worker: true, guest: false };

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
 * enough for an office behind one NAT; past it the new sign-in is refused.
 */
export class SessionGuard {
  private readonly sessions = new Map<EngineConn, Session>();
  /** Oldest first (Set insertion order). */
  private readonly unauthenticated = new Set<Session>();
  private readonly unauthenticatedByAddress = new Map<string, Set<Session>>();
  private readonly signedInByAddress = new Map<string, number>();
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
    if (!session || session.gone || !signedInKinds[socket.data.principal.kind]) return next();
    if (session.signedIn === 0) {
      const count = this.signedInByAddress.get(session.address) ?? 0;
      if (count >= this.limits.maxSignedInPerAddress) {
        this.warnAtCap(count);
        return next(new Error(tooManyConnectionsMessage));
      }
      this.signedInByAddress.set(session.address, count + 1);
      this.leaveUnauthenticated(session);
    }
    session.signedIn += 1;
    socket.once('disconnect', () => {
      session.signedIn -= 1;
      if (session.gone || session.signedIn > 0) return;
      // Signed out but the transport stays open: it is unauthenticated again, and capped as such.
      this.leaveSignedIn(session);
      this.enterUnauthenticated(session);
    });
    next();
  };

  /** An office outgrowing the cap should show in the log, once per minute at most and without the address. */
  private warnAtCap(count: number): void {
    const now = performance.now();
    if (now - this.lastCapWarning < 60_000) return;
    this.lastCapWarning = now;
    this.log?.warn({ count }, 'a sign-in was refused: signed-in connections from one address are at the cap');
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
    const count = (this.signedInByAddress.get(session.address) ?? 1) - 1;
    if (count > 0) this.signedInByAddress.set(session.address, count);
    else this.signedInByAddress.delete(session.address);
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
