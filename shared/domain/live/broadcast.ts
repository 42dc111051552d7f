/**
 * A room's broadcast: a room has no broadcast yet, or its latest one is live
 * or ended. One live broadcast per room at a time; an ended one is history
 * (nothing is pinned or sold in it) and the anchor goes live again with a new one.
 */
export type BroadcastPhase = 'none' | 'live' | 'ended';

export type Verdict = { ok: true } | { ok: false; reason: 'already_live' | 'not_live' };

export function phaseOf(latest: { status: 'live' | 'ended' } | null): BroadcastPhase {
  return latest === null ? 'none' : latest.status;
}

/** Going live: from no broadcast or an ended one. */
export function canStart(phase: BroadcastPhase): Verdict {
  return phase === 'live' ? { ok: false, reason: 'already_live' } : { ok: true };
}

/** Ending, pinning, selling, commenting: only while live. */
export function canAct(phase: BroadcastPhase): Verdict {
  return phase === 'live' ? { ok: true } : { ok: false, reason: 'not_live' };
}
