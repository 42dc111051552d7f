/**
 * When a text field with a limit speaks up about its length. A screen reader
 * user hears the count only at thresholds (most of it used, all of it, over,
 * and back within after being over), never on every key, and never twice for
 * the same threshold while the worker edits around it. Pure.
 */

export type LimitBand = 'under' | 'near' | 'full' | 'over';
/** What to say: a band reached, or `within` after having been over. */
export type LimitNotice = 'near' | 'full' | 'over' | 'within';

/** The share of the limit from which the worker is told it is near. */
export const nearShare = 0.8;
/** Below a threshold by this share of the limit before crossing it again is news. */
const rearmShare = 0.05;

const rank: Record<LimitBand, number> = { under: 0, near: 1, full: 2, over: 3 };

export function nearAt(max: number): number {
  return Math.ceil(max * nearShare);
}

export function limitBand(count: number, max: number): LimitBand {
  if (count > max) return 'over';
  if (count === max) return 'full';
  return count >= nearAt(max) ? 'near' : 'under';
}

/** The highest band already told; starts at the band of the text the field opened with, unsaid. */
export interface LimitNoticeState {
  readonly told: LimitBand;
}

export function startLimitNotices(count: number, max: number): LimitNoticeState {
  return { told: limitBand(count, max) };
}

function bandStart(band: LimitBand, max: number): number {
  switch (band) {
    case 'under':
      return 0;
    case 'near':
      return nearAt(max);
    case 'full':
      return max;
    case 'over':
      return max + 1;
  }
}

export function nextLimitNotice(
  state: LimitNoticeState,
  count: number,
  max: number,
): { readonly state: LimitNoticeState; readonly notice: LimitNotice | null } {
  const band = limitBand(count, max);
  if (rank[band] > rank[state.told]) return { state: { told: band }, notice: band === 'under' ? null : band };
  if (band === state.told) return { state, notice: null };
  // Going down. Out of "over" is news: the text can be sent again.
  if (state.told === 'over') return { state: { told: band }, notice: 'within' };
  // Otherwise the threshold is forgotten only well below it, so editing across it is not said again and again.
  const margin = Math.max(1, Math.round(max * rearmShare));
  if (count <= bandStart(state.told, max) - margin) return { state: { told: band }, notice: null };
  return { state, notice: null };
}
