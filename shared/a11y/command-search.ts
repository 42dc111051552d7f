import type { match, pinyin } from 'pinyin-pro';

/**
 * Search for the command palette: a query finds a command by its label in
 * English or Chinese, and Chinese labels also by pinyin, full (`gongdan`),
 * by initials (`gd`) or mixed (`gongd`), since many workers type Chinese
 * through a pinyin IME and cannot always switch it off to search.
 *
 * The pinyin dictionary is most of the renderer's weight (about 300 kB), so it
 * is not imported here: the caller loads it with loadPinyin() when search is
 * first wanted and passes it in. Until then labels match by their own text.
 */

/** The two functions of pinyin-pro the search uses. */
export interface PinyinEngine {
  readonly pinyin: typeof pinyin;
  readonly match: typeof match;
}

/** A chunk of its own in the web build; the module system loads it once however often this is called. */
export async function loadPinyin(): Promise<PinyinEngine> {
  const module = await import('pinyin-pro');
  return { pinyin: module.pinyin, match: module.match };
}

/** How well a text answers a query; lower is better, and a sort puts better first. */
export const matchRank = {
  /** The label (or its pinyin, or its initials) starts with the query. */
  prefix: 0,
  /** A word of the label starts with the query. */
  wordPrefix: 1,
  /** The query appears somewhere inside. */
  inside: 2,
} as const;
export type MatchRank = (typeof matchRank)[keyof typeof matchRank];

const hanPattern = /\p{Script=Han}/u;

interface TextForms {
  readonly text: string;
  readonly words: readonly string[];
  /** Only for texts with Chinese characters. */
  readonly chinese: { readonly original: string; readonly full: string; readonly initials: string } | null;
}

const normalize = (text: string): string => text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();

function formsOf(text: string, engine: PinyinEngine | null): TextForms {
  const lower = normalize(text);
  const words = lower.split(/[\s\-_/·,，、:：()（）]+/).filter((w) => w !== '');
  if (engine === null || !hanPattern.test(text)) return { text: lower, words, chinese: null };
  const syllables = engine
    .pinyin(text, { toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase().replace(/\s+/g, ''))
    .filter((s) => s !== '');
  return {
    text: lower,
    words,
    chinese: {
      original: text.replace(/\s+/g, ''),
      full: syllables.join(''),
      initials: syllables.map((s) => s.charAt(0)).join(''),
    },
  };
}

function rankForms(forms: TextForms, query: string, engine: PinyinEngine | null): MatchRank | null {
  const compact = query.replace(/\s/g, '');
  if (forms.text.startsWith(query)) return matchRank.prefix;
  const { chinese } = forms;
  if (chinese !== null && engine !== null && /^[a-z]+$/.test(compact)) {
    if (chinese.full.startsWith(compact) || chinese.initials.startsWith(compact)) return matchRank.prefix;
    // Mixed full syllables and initials (`gongd`, `gdan`); pinyin-pro returns the matched characters.
    const hit = engine.match(chinese.original, compact, { precision: 'start', continuous: true });
    if (hit !== null && hit[0] === 0) return matchRank.prefix;
    if (hit !== null) return matchRank.inside;
  }
  if (forms.words.some((w) => w.startsWith(query))) return matchRank.wordPrefix;
  if (forms.text.includes(query)) return matchRank.inside;
  if (
    chinese !== null &&
    compact !== '' &&
    (chinese.full.includes(compact) || chinese.initials.includes(compact))
  ) {
    return matchRank.inside;
  }
  return null;
}

export interface CommandSearchIndex<T> {
  /** Items that match, best rank first; equal ranks keep the order they were given in. Empty query: all. */
  search(query: string): T[];
}

/**
 * Builds the pinyin forms once per list, so typing in the palette only compares strings.
 * `textsOf` gives every text an item may be found by: its label in each language, keywords.
 * Without `engine` (still loading, or failed to load) Chinese labels match by their characters only.
 */
export function createCommandSearch<T>(
  items: readonly T[],
  textsOf: (item: T) => readonly string[],
  engine: PinyinEngine | null = null,
): CommandSearchIndex<T> {
  const indexed = items.map((item, order) => ({
    item,
    order,
    forms: textsOf(item).map((text) => formsOf(text, engine)),
  }));
  return {
    search(query) {
      const q = normalize(query);
      if (q === '') return [...items];
      const ranked: { item: T; order: number; rank: MatchRank }[] = [];
      for (const entry of indexed) {
        let best: MatchRank | null = null;
        for (const forms of entry.forms) {
          const rank = rankForms(forms, q, engine);
          if (rank !== null && (best === null || rank < best)) best = rank;
        }
        if (best !== null) ranked.push({ item: entry.item, order: entry.order, rank: best });
      }
      ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
      return ranked.map((r) => r.item);
    },
  };
}

/** One-off search; use createCommandSearch when the same list is searched as the user types. */
export function searchCommands<T>(
  items: readonly T[],
  query: string,
  textsOf: (item: T) => readonly string[],
  engine: PinyinEngine | null = null,
): T[] {
  return createCommandSearch(items, textsOf, engine).search(query);
}
