/**
 * Canned phrases a field can offer switch users: the field names a set with
 * `data-scan-phrases="<set>"` and the on-screen keyboard shows that set as its
 * first row. The words live in the a11y namespace (a11y:phrases.<set>.<key>).
 */
export const phraseSets = {
  team: ['back', 'break', 'help', 'done'],
} as const;

export type PhraseSet = keyof typeof phraseSets;

export const phrasesAttribute = 'data-scan-phrases';

export function phraseSetOf(el: Element): PhraseSet | null {
  const name = el.getAttribute(phrasesAttribute);
  return name !== null && Object.hasOwn(phraseSets, name) ? (name as PhraseSet) : null;
}

/** Spread onto a text field: `<textarea {...offerPhrases('team')} />`. */
export function offerPhrases(set: PhraseSet): Record<typeof phrasesAttribute, PhraseSet> {
  return { [phrasesAttribute]: set };
}
