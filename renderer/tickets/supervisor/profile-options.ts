import {
  maxReassignAfterMs,
  minReassignAfterMs,
  type AccommodationProfile,
} from '../../../shared/domain/tickets/assignment';

const minute = 60_000;

/** Generous on purpose: a worker who types by switch needs minutes for a sentence, not seconds. */
export const reassignChoices: readonly number[] = [10 * minute, 20 * minute, 30 * minute, 60 * minute];

/**
 * The slow-reply choices to offer: "never" and the generous thresholds, plus
 * the one the profile holds now if it is another (set through the hub
 * directly), so opening the editor never silently changes it.
 */
export function slowReplyChoices(current: number | null): (number | null)[] {
  const choices: (number | null)[] = [null, ...reassignChoices];
  if (
    current !== null &&
    !choices.includes(current) &&
    current >= minReassignAfterMs &&
    current <= maxReassignAfterMs
  ) {
    choices.push(current);
    choices.sort((a, b) => (a ?? -1) - (b ?? -1));
  }
  return choices;
}

/** Minutes, or hours when whole: for "after 1 h", "after 45 min". */
export function thresholdParts(ms: number): { hours: number } | { minutes: number } {
  return ms % (60 * minute) === 0 ? { hours: ms / (60 * minute) } : { minutes: Math.round(ms / minute) };
}

export function sameProfile(a: AccommodationProfile, b: AccommodationProfile): boolean {
  return (
    a.maxConcurrent === b.maxConcurrent &&
    a.reassignAfterMs === b.reassignAfterMs &&
    a.textOnly === b.textOnly
  );
}
