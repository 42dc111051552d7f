import type { Decision, LoginLimits, Tally } from './backoff';
import { decide } from './backoff';

interface Entry extends Tally {
  name: string;
  source: string;
}

/**
 * Failures kept in this process only: the setup code's limiter (the code
 * itself lives only in memory, so its counter needs no more) and the sign-in
 * limiter's fallback while the store cannot be written. Bounded: past
 * `maxEntries` the pair whose last failure is oldest is dropped, so a flood
 * of fresh names costs a fixed amount of memory.
 */
export class MemoryAttempts {
  private readonly pairs = new Map<string, Entry>();
  private readonly sources = new Map<string, Tally>();

  constructor(
    private readonly limits: LoginLimits,
    private readonly maxEntries = 20_000,
  ) {}

  /** Decides, and when allowed counts the attempt as a failure at once (forgiven by `forgive`). */
  begin(name: string, source: string, now: number): Decision {
    this.prune(now);
    const key = pairKey(name, source);
    const pair = this.pairs.get(key);
    const decision = decide(this.limits, pair, this.sources.get(source), now);
    if (!decision.allowed) return decision;
    // Re-inserted so the map's order stays oldest-failure first.
    this.pairs.delete(key);
    this.pairs.set(key, { name, source, failures: (pair?.failures ?? 0) + 1, lastFailureAt: now });
    const total = this.sources.get(source);
    this.sources.set(source, { failures: (total?.failures ?? 0) + 1, lastFailureAt: now });
    this.evict();
    return decision;
  }

  forgive(name: string, source: string): void {
    this.drop(pairKey(name, source));
  }

  clearName(name: string): void {
    for (const [key, entry] of this.pairs) if (entry.name === name) this.drop(key);
  }

  get size(): number {
    return this.pairs.size;
  }

  private drop(key: string): void {
    const entry = this.pairs.get(key);
    if (!entry) return;
    this.pairs.delete(key);
    const total = this.sources.get(entry.source);
    if (!total) return;
    const left = total.failures - entry.failures;
    if (left <= 0) this.sources.delete(entry.source);
    else this.sources.set(entry.source, { failures: left, lastFailureAt: total.lastFailureAt });
  }

  private prune(now: number): void {
    const before = now - this.limits.keepMs;
    for (const [key, entry] of this.pairs) {
      if (entry.lastFailureAt > before) break;
      this.drop(key);
    }
  }

  private evict(): void {
    for (const key of this.pairs.keys()) {
      if (this.pairs.size <= this.maxEntries) break;
      this.drop(key);
    }
  }
}

/** A separator no normalised username or source contains. */
function pairKey(name: string, source: string): string {
  return `${name}\u0000${source}`;
}
