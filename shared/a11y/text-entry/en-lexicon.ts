/** English words by frequency, from resources/ime/en-words.tsv (word TAB count). */
export interface EnLexicon {
  readonly size: number;
  count(word: string): number;
  /** The most frequent words starting with prefix (case-insensitive), most frequent first. */
  withPrefix(prefix: string, limit: number): string[];
  /** The most frequent words overall. */
  top(limit: number): readonly string[];
}

export function parseEnLexicon(text: string): EnLexicon {
  const words: string[] = [];
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const word = line.slice(0, tab);
    words.push(word);
    counts.set(word.toLowerCase(), Number(line.slice(tab + 1)) || 1);
  }
  // The file is frequency-ordered; an alphabetical copy answers prefixes by binary search.
  let sorted: string[] | null = null;
  const alphabetical = (): string[] =>
    (sorted ??= words.map((w) => w.toLowerCase()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    size: words.length,
    count: (word) => counts.get(word.toLowerCase()) ?? 0,
    top: (limit) => words.slice(0, limit),
    withPrefix: (prefix, limit) => {
      const p = prefix.toLowerCase();
      const list = alphabetical();
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid] ?? '') < p) lo = mid + 1;
        else hi = mid;
      }
      const found: string[] = [];
      for (let i = lo; i < list.length && (list[i] ?? '').startsWith(p); i++) found.push(list[i] ?? '');
      found.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
      return found.slice(0, limit).map((w) => (w === 'i' ? 'I' : w));
    },
  };
}
