import { sourceOf } from '../auth/source';

export interface StartLimits {
  /** Conversations one source may open per window. */
  max: number;
  windowMs: number;
}

/** Five conversations in ten minutes: more than any shopper needs, far fewer than a script wants. */
export const defaultStartLimits: StartLimits = { max: 5, windowMs: 10 * 60_000 };

/** Sources tracked at most; past it the one seen longest ago is dropped. */
const maxSources = 20_000;

/**
 * Counts `POST /api/chat/start` per source (an IPv4 address or an IPv6 /64,
 * as the sign-in limiter counts, `server/auth/source.ts`), in a sliding
 * window kept in memory and bounded like `MemoryAttempts`: it protects this
 * hub from a flood of new tickets, and a restart forgives at most one window.
 */
export class StartLimiter {
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly limits: StartLimits) {}

  /** Null when a start may go ahead (and counts it); otherwise the ms until one may. */
  take(ip: string, now: number): number | null {
    const source = sourceOf(ip);
    const recent = (this.starts.get(source) ?? []).filter((at) => at > now - this.limits.windowMs);
    this.starts.delete(source);
    if (recent.length >= this.limits.max) {
      this.starts.set(source, recent);
      const oldest = recent[0] ?? now;
      return Math.max(1000, oldest + this.limits.windowMs - now);
    }
    recent.push(now);
    this.starts.set(source, recent);
    if (this.starts.size > maxSources) {
      const first = this.starts.keys().next();
      if (!first.done) this.starts.delete(first.value);
    }
    return null;
  }
}
