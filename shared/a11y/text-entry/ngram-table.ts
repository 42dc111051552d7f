import { keyOf, type Clause, type EntryLang } from './tokenize';

/** Sentinel for "start of a clause" in n-gram contexts. */
export const clauseStart = '^';
const sep = '\u0001';

export const ngramKey = (lang: EntryLang, words: readonly string[]): string =>
  [lang, ...words.map(keyOf)].join(sep);

/**
 * Counts of the words that follow each one- and two-word context, and the
 * clauses themselves (so a prediction can offer the rest of a familiar
 * reply). Plain data with a lazily built index: it is rebuilt only after a change.
 */
export class NgramTable {
  private readonly nexts = new Map<string, Map<string, number>>();
  private readonly surface = new Map<string, string>();
  readonly clauses: { lang: EntryLang; words: readonly string[]; end: string; weight: number }[] = [];
  private readonly unigrams = new Map<string, number>();

  add(lang: EntryLang, clause: Clause, weight: number): void {
    const words = [clauseStart, clauseStart, ...clause.words];
    for (let i = 2; i < words.length; i++) {
      const next = words[i] ?? '';
      this.bump(ngramKey(lang, [words[i - 1] ?? '']), next, weight);
      this.bump(ngramKey(lang, [words[i - 2] ?? '', words[i - 1] ?? '']), next, weight);
      const u = ngramKey(lang, [next]);
      this.unigrams.set(u, (this.unigrams.get(u) ?? 0) + weight);
      // A written form (I, Liuzhou) is learned mid-clause only: a clause start is capitalised anyway.
      if (i > 2) this.surface.set(u, next);
    }
    this.clauses.push({ lang, words: clause.words, end: clause.end, weight });
  }

  /** Words after the context (one or two words; clauseStart for the start), by count. */
  after(lang: EntryLang, context: readonly string[]): ReadonlyMap<string, number> {
    return this.nexts.get(ngramKey(lang, context)) ?? new Map<string, number>();
  }

  unigram(lang: EntryLang, word: string): number {
    return this.unigrams.get(ngramKey(lang, [word])) ?? 0;
  }

  /** The written form of a counted word, when one was seen mid-clause or capitalised. */
  written(lang: EntryLang, word: string): string {
    return this.surface.get(ngramKey(lang, [word])) ?? word;
  }

  *unigramEntries(lang: EntryLang): Iterable<[string, number]> {
    const head = lang + sep;
    for (const [key, count] of this.unigrams) if (key.startsWith(head)) yield [key.slice(head.length), count];
  }

  private bump(context: string, next: string, weight: number): void {
    const table = this.nexts.get(context) ?? new Map<string, number>();
    this.nexts.set(context, table);
    const k = keyOf(next);
    table.set(k, (table.get(k) ?? 0) + weight);
  }
}
