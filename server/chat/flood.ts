import { TokenBucket } from '../protocol/budget';

export interface FloodLimits {
  /** Messages a conversation may send per minute, sustained. */
  perMinute: number;
  /** Messages it may send at once before the rate applies. */
  burst: number;
}

/** A person typing fast, or sending a few photos, stays inside it; a script does not. */
export const defaultFloodLimits: FloodLimits = { perMinute: 20, burst: 10 };

/** Conversations tracked at most; past it the one idle longest is forgotten (and starts full again). */
const maxTracked = 50_000;

/**
 * A per-conversation flood limit across all of its sockets (a customer can
 * open several tabs, each with its own socket budget). In memory: it guards
 * this hub's writer, and losing it on a restart only gives a flooder one
 * fresh burst.
 */
export class ChatFloodLimit {
  private readonly buckets = new Map<number, TokenBucket>();

  constructor(
    private readonly limits: FloodLimits,
    private readonly now: () => number,
  ) {}

  /** Null when the message may go; otherwise how long to wait, in ms. */
  take(chatId: number): number | null {
    let bucket = this.buckets.get(chatId);
    if (bucket) this.buckets.delete(chatId);
    else bucket = new TokenBucket(this.limits.perMinute / 60, this.limits.burst, this.now);
    // Re-inserted, so the map's order is least recently used first.
    this.buckets.set(chatId, bucket);
    if (this.buckets.size > maxTracked) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    if (bucket.take()) return null;
    return Math.max(1, bucket.msUntil(1));
  }
}
