import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { sourceOf } from '../auth/source';

export interface ConnectionGuardLimits {
  maxConnections: number;
  maxHttpPerAddress: number;
  idleTimeoutMs: number;
}

/** A TCP connection as the guard sees it. */
interface Tracked {
  socket: Socket;
  address: string;
  /** idle: no request in flight (none sent yet, or between keep-alive requests); upgraded: a WebSocket now. */
  state: 'idle' | 'busy' | 'upgraded';
  inFlight: number;
  idleSince: number;
  gone: boolean;
}

interface AddressPool {
  /** HTTP connections of this address, idle or busy (upgraded ones have left). */
  http: number;
  /** Oldest first: a Set iterates in insertion order, and a connection is re-inserted each time it goes idle. */
  idle: Set<Tracked>;
}

/**
 * Caps TCP connections per address and overall, and closes idle ones.
 *
 * When a cap is hit the guard closes the OLDEST idle connection (of that
 * address for the per-address cap, of anyone for the overall one) instead of
 * refusing the new one. A real client sends its request as soon as it has
 * connected, so it is idle only for a moment and is always the newest; a
 * flood of connections that send nothing only pushes its own older members
 * out. The new connection is refused only when it is itself the oldest idle
 * one, which means every other connection is busy or a WebSocket.
 *
 * Connections that have not sent a whole request head yet count as idle (a
 * slow trickle of header bytes is how such floods hold a slot), and no
 * connection stays idle longer than `idleTimeoutMs`: Node itself has no timer
 * for a connection that never sends a byte.
 */
export class ConnectionGuard {
  private readonly all = new Map<Socket, Tracked>();
  private readonly idle = new Set<Tracked>();
  private readonly pools = new Map<string, AddressPool>();
  private readonly sweeper: ReturnType<typeof setInterval>;
  private evictedSinceLog = 0;
  private lastLog = -Infinity;

  constructor(
    server: HttpServer,
    private readonly limits: ConnectionGuardLimits,
    private readonly log: Logger | null = null,
    private readonly now: () => number = () => performance.now(),
    private readonly webSocketPath = '/socket.io/',
  ) {
    server.on('connection', this.onConnection);
    // Prepended so the bookkeeping runs before a handler can answer (and go idle again) in the same tick;
    // socket.io's engine wraps the server's earlier request listeners, so this sees its requests too.
    server.prependListener('request', this.onRequest);
    server.prependListener('upgrade', this.onUpgrade);
    this.sweeper = setInterval(this.sweep, Math.max(100, Math.min(1000, limits.idleTimeoutMs / 4)));
    this.sweeper.unref();
    server.once('close', () => clearInterval(this.sweeper));
  }

  private readonly onConnection = (socket: Socket): void => {
    const t: Tracked = {
      socket,
      address: sourceOf(socket.remoteAddress ?? 'unknown'),
      state: 'idle',
      inFlight: 0,
      idleSince: this.now(),
      gone: false,
    };
    this.all.set(socket, t);
    const pool = this.poolOf(t.address);
    pool.http += 1;
    this.markIdle(t, pool);
    socket.once('close', () => this.forget(t));
    if (pool.http > this.limits.maxHttpPerAddress) this.evictOldest(pool.idle);
    if (this.all.size > this.limits.maxConnections) this.evictOldest(this.idle);
  };

  private readonly onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const t = this.all.get(req.socket);
    if (!t || t.gone) return;
    t.inFlight += 1;
    if (t.state === 'idle') {
      t.state = 'busy';
      this.unmarkIdle(t);
    }
    res.once('close', () => {
      t.inFlight -= 1;
      if (t.gone || t.state !== 'busy' || t.inFlight > 0) return;
      t.state = 'idle';
      t.idleSince = this.now();
      this.markIdle(t, this.poolOf(t.address));
    });
  };

  private readonly onUpgrade = (req: IncomingMessage): void => {
    const t = this.all.get(req.socket);
    if (!t || t.gone || t.state === 'upgraded') return;
    // Only socket.io's WebSockets (capped as sessions) leave the pools; an upgrade to any other path
    // gets no answer, and stays idle and evictable until socket.io ends it a second later.
    if (!req.url?.startsWith(this.webSocketPath)) return;
    // A WebSocket leaves the HTTP pools (socket.io's session caps take over) but still holds a descriptor.
    this.unmarkIdle(t);
    t.state = 'upgraded';
    this.poolOf(t.address).http -= 1;
  };

  private readonly sweep = (): void => {
    const deadline = this.now() - this.limits.idleTimeoutMs;
    for (const t of this.idle) {
      if (t.idleSince > deadline) break;
      this.drop(t);
    }
  };

  private evictOldest(idle: Set<Tracked>): void {
    const oldest = idle.values().next();
    if (oldest.done) return;
    this.drop(oldest.value);
    this.evictedSinceLog += 1;
    // One line per ten seconds at most: a flood must not also flood the log.
    const now = this.now();
    if (now - this.lastLog >= 10_000) {
      this.log?.warn(
        { evicted: this.evictedSinceLog, connections: this.all.size },
        'closing idle connections',
      );
      this.lastLog = now;
      this.evictedSinceLog = 0;
    }
  }

  /** Forgets it at once, so a burst of connections in one tick sees the counts it left. */
  private drop(t: Tracked): void {
    this.forget(t);
    t.socket.destroy();
  }

  private forget(t: Tracked): void {
    if (t.gone) return;
    t.gone = true;
    this.all.delete(t.socket);
    this.unmarkIdle(t);
    const pool = this.poolOf(t.address);
    if (t.state !== 'upgraded') pool.http -= 1;
    if (pool.http === 0 && pool.idle.size === 0) this.pools.delete(t.address);
  }

  private markIdle(t: Tracked, pool: AddressPool): void {
    this.idle.add(t);
    pool.idle.add(t);
  }

  private unmarkIdle(t: Tracked): void {
    this.idle.delete(t);
    this.pools.get(t.address)?.idle.delete(t);
  }

  private poolOf(address: string): AddressPool {
    let pool = this.pools.get(address);
    if (!pool) {
      pool = { http: 0, idle: new Set() };
      this.pools.set(address, pool);
    }
    return pool;
  }
}
