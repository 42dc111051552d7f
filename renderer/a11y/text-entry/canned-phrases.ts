import { useSyncExternalStore } from 'react';
import { Emitter } from '../../net/emitter';

/**
 * Canned replies a text field offers the on-screen keyboard's predictor: the
 * field names a set with `data-scan-canned="<set>"`, and whoever shows the
 * field (a conversation's reply box) offers the set's texts while it is on
 * screen. Unlike the fixed phrase sets (../scan/phrases.ts) these come from
 * the hub and change with it; they teach word prediction, and are not shown
 * whole as keys.
 */
export const cannedPhrasesAttribute = 'data-scan-canned';

const sets = new Map<string, readonly string[]>();
const changes = new Emitter();
const none: readonly string[] = [];

/** Offers `phrases` under `set` until the returned withdrawal is called (on unmount). */
export function offerCannedPhrases(set: string, phrases: readonly string[]): () => void {
  sets.set(set, phrases);
  changes.emit();
  return () => {
    if (sets.get(set) !== phrases) return;
    sets.delete(set);
    changes.emit();
  };
}

/** The texts offered under `set` now (none for null or an unknown set). */
export function useCannedPhrases(set: string | null): readonly string[] {
  return useSyncExternalStore(changes.subscribe, () => (set === null ? none : (sets.get(set) ?? none)));
}

/** Spread onto a text field: `<textarea {...cannedPhrasesOf('ticket-reply')} />`. */
export function cannedPhrasesOf(set: string): Record<typeof cannedPhrasesAttribute, string> {
  return { [cannedPhrasesAttribute]: set };
}
