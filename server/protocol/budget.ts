import type { HubSocket } from './socket-types';

/**
 * What one socket may ask of the hub. Without it one signed-in user could
 * send thousands of events at once and make the hub build gigabytes of
 * answers (it did: 5,000 history requests took it past its heap limit).
 * Over budget, a command is answered `rate_limited`, which the outbox treats
 * as transient and backs off from; an ephemeral event is dropped.
 */
export interface BudgetLimits {
  /** Sustained events per second, commands and ephemeral events alike. */
  eventsPerSecond: number;
  /** Events that may arrive at once before the rate applies. */
  burst: number;
  /** Commands of one socket being worked on at the same time. */
  maxInFlight: number;
  /** Bytes already written to the socket that the client has not taken yet. */
  maxBufferedBytes: number;
}

/** A token bucket: `burst` tokens, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.at = now();
  }

  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until the bucket holds `wanted` tokens (at most `burst`); 0 if it does now. */
  msUntil(wanted: number): number {
    this.refill();
    const missing = Math.min(wanted, this.burst) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.perSecond) * 1000);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
  }
}

/**
 * The longest a socket's reading is paused after it ran out of tokens. Short
 * of engine.io's ping timeout by far, so a paused client is never taken for
 * a dead one.
 */
export const maxReadPauseMs = 2000;

export type Admission = 'ok' | 'busy';

/**
 * Refusals a socket may earn while it leaves more than `maxBufferedBytes`
 * unread before it is closed: such a client asks and does not read, and even
 * the small `rate_limited` answers (each several times the size of the
 * 30-byte event that earned it) would otherwise pile up without end. A slow
 * but honest client stops asking when it is refused, long before this.
 */
export const maxUnreadRefusals = 1024;
/** Refusals between two measurements: measuring walks the socket's queue, and a flood is thousands. */
export const overflowEvery = 32;

export class SocketBudget {
  private readonly bucket: TokenBucket;
  /** One per ephemeral event name of the audience's table, so the names are bounded. */
  private readonly ephemeralBuckets = new Map<string, TokenBucket>();
  private inFlight = 0;
  private refusals = 0;
  private unreadRefusals = 0;

  /** `buffered` measures what the socket holds unread (see `bufferedBytes`); injected so the rules are testable. */
  constructor(
    private readonly limits: BudgetLimits,
    private readonly now: () => number,
    private readonly buffered: () => number,
  ) {
    this.bucket = new TokenBucket(limits.eventsPerSecond, limits.burst, now);
  }

  /** Every event costs a token, whatever it is: unknown names and bad payloads too. */
  takeEvent(): boolean {
    return this.bucket.take();
  }

  /**
   * How long to stop reading a socket that ran out of tokens: until half its
   * burst is back. Whatever it sends meanwhile waits in TCP buffers (and
   * then in the client) instead of being parsed and refused one by one on
   * the hub's only thread while other users wait.
   */
  readPauseMs(): number {
    return Math.min(maxReadPauseMs, this.bucket.msUntil(this.limits.burst / 2));
  }

  /** An ephemeral event's own rate (`perSecond` in its spec), on top of the socket's. */
  takeEphemeral(name: string, perSecond: number): boolean {
    let bucket = this.ephemeralBuckets.get(name);
    if (!bucket) {
      bucket = new TokenBucket(perSecond, Math.max(1, perSecond), this.now);
      this.ephemeralBuckets.set(name, bucket);
    }
    return bucket.take();
  }

  /** Room for one more command; pair every `ok` with `end()`. */
  begin(): Admission {
    if (this.inFlight >= this.limits.maxInFlight) return 'busy';
    if (this.buffered() > this.limits.maxBufferedBytes) return 'busy';
    this.inFlight += 1;
    return 'ok';
  }

  end(): void {
    this.inFlight -= 1;
  }

  /**
   * Called on each refusal: true once the socket has been refused
   * `maxUnreadRefusals` times while over its unread-bytes limit, without
   * reading back under it in between.
   */
  overflowing(): boolean {
    this.refusals += 1;
    if (this.refusals % overflowEvery !== 0) return false;
    if (this.buffered() <= this.limits.maxBufferedBytes) {
      this.unreadRefusals = 0;
      return false;
    }
    this.unreadRefusals += overflowEvery;
    return this.unreadRefusals >= maxUnreadRefusals;
  }
}

interface EnginePacket {
  data?: unknown;
}
/** The parts of engine.io's connection that hold bytes not yet taken by the client, and its WebSocket. */
interface EngineConnection {
  writeBuffer?: EnginePacket[];
  transport?: { socket?: { bufferedAmount?: unknown; pause?: unknown; resume?: unknown } };
}

export interface Reader {
  pause(): void;
  resume(): void;
}

/**
 * The socket's WebSocket (`ws`'s public pause/resume), or null on HTTP long
 * polling, where every request is a bounded POST anyway.
 */
export function socketReader(socket: HubSocket): Reader | null {
  const ws = (socket.conn as unknown as EngineConnection).transport?.socket;
  if (!ws || typeof ws.pause !== 'function' || typeof ws.resume !== 'function') return null;
  const { pause, resume } = ws as { pause(): void; resume(): void };
  return { pause: () => pause.call(ws), resume: () => resume.call(ws) };
}

/**
 * Answers queued in engine.io (not yet handed to the transport) plus what the
 * WebSocket still holds in user space. A client that asks and never reads
 * grows these; past the limit it gets `rate_limited` instead of more data.
 */
export function bufferedBytes(socket: HubSocket): number {
  const conn = socket.conn as unknown as EngineConnection;
  let total = 0;
  for (const packet of conn.writeBuffer ?? []) {
    const { data } = packet;
    if (typeof data === 'string') total += data.length;
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) total += data.byteLength;
  }
  const ws = conn.transport?.socket?.bufferedAmount;
  if (typeof ws === 'number') total += ws;
  return total;
}
