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
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export type Admission = 'ok' | 'rate' | 'busy';

export class SocketBudget {
  private readonly bucket: TokenBucket;
  private inFlight = 0;

  constructor(
    private readonly limits: BudgetLimits,
    now: () => number,
  ) {
    this.bucket = new TokenBucket(limits.eventsPerSecond, limits.burst, now);
  }

  /** Every event costs a token, whatever it is: unknown names and bad payloads too. */
  takeEvent(): boolean {
    return this.bucket.take();
  }

  /** Room for one more command; pair every `ok` with `end()`. */
  begin(socket: HubSocket): Admission {
    if (this.inFlight >= this.limits.maxInFlight) return 'busy';
    if (bufferedBytes(socket) > this.limits.maxBufferedBytes) return 'busy';
    this.inFlight += 1;
    return 'ok';
  }

  end(): void {
    this.inFlight -= 1;
  }
}

interface EnginePacket {
  data?: unknown;
}
/** The parts of engine.io's connection that hold bytes not yet taken by the client. */
interface EngineConnection {
  writeBuffer?: EnginePacket[];
  transport?: { socket?: { bufferedAmount?: unknown } };
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
