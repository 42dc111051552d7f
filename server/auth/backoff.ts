/**
 * The pure rule behind every sign-in limiter: a few failures are free, then
 * each further attempt waits, from the last failure, twice as long as the
 * one before, up to a ceiling. A delay rather than a lock, so no one can lock
 * a worker out for good, and a guesser is slowed to a few tries an hour.
 */
export interface BackoffRule {
  /** Failures allowed before any wait. */
  free: number;
  /** The wait after the first failure over `free`. */
  baseMs: number;
  maxMs: number;
}

/** What the store or memory remembers about one key. */
export interface Tally {
  failures: number;
  lastFailureAt: number;
}

export type Decision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface LoginLimits {
  /** One username from one source: the real worker on their own PC is never slowed by anyone else's guesses. */
  pair: BackoffRule;
  /** One source across usernames: password spraying. */
  source: BackoffRule;
  /** Failures are forgotten this long after a key's last one. */
  keepMs: number;
}

const minute = 60_000;

export const defaultLoginLimits: LoginLimits = {
  pair: { free: 5, baseMs: 30_000, maxMs: 15 * minute },
  source: { free: 50, baseMs: 30_000, maxMs: 15 * minute },
  keepMs: 24 * 60 * minute,
};

/** How long after its last failure a key must wait; 0 while under the free failures. */
export function waitAfter(rule: BackoffRule, failures: number): number {
  if (failures < rule.free) return 0;
  // 2^30 times any base is past any ceiling; the cap keeps the number finite.
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(failures - rule.free, 30));
}

function retryAfter(rule: BackoffRule, tally: Tally | undefined, now: number): number {
  if (!tally) return 0;
  return Math.max(0, tally.lastFailureAt + waitAfter(rule, tally.failures) - now);
}

/** Allowed only when neither the pair nor the source has to wait; else the longer wait. */
export function decide(
  limits: LoginLimits,
  pair: Tally | undefined,
  source: Tally | undefined,
  now: number,
): Decision {
  const wait = Math.max(retryAfter(limits.pair, pair, now), retryAfter(limits.source, source, now));
  return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
}

/** `Retry-After` in whole seconds, never 0 for a refusal. */
export function retryAfterSeconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}
