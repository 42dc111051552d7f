import {
  initials,
  lettersCovered,
  segmentPinyin,
  spellsStart,
  syllables,
  tokenMatches,
  type PinyinToken,
  type Segmentation,
} from './pinyin';

/** How often the worker chose each text; a ReadonlyMap fits. */
export interface UsageCounts {
  get(text: string): number | undefined;
}

export interface ZhCandidate {
  readonly text: string;
  /** Letters of the input it covers, from the start. */
  readonly consumed: number;
}

export interface LookupOptions {
  readonly limit: number;
  readonly usage?: UsageCounts;
  /** Extra score for a text, e.g. how well it follows the words before the caret. */
  readonly boost?: (text: string) => number;
}

export interface ZhDictionary {
  /** Rows in the file (a polyphonic character has one row per reading). */
  readonly size: number;
  lookup(letters: string, options: LookupOptions): ZhCandidate[];

  /** The frequency of a text under its most common reading, 0 when absent. */
  frequency(text: string): number;
  /** The most frequent texts, most frequent first (the file's own order). */
  top(limit: number): readonly string[];
  /** Whether the letters spell the start of one of the text's readings (so 'd' and 'dingd' both spell 订单). */
  spells(text: string, letters: string): boolean;
}

interface Entry {
  readonly text: string;
  readonly reading: string;
  /** Split on first use: most entries are never looked at. */
  syllables: readonly string[] | null;
  readonly score: number;
}

function syllablesOf(entry: Entry): readonly string[] {
  if (entry.syllables === null) {
    const split = entry.reading.split(' ');
    // A reading outside the syllable table (an interjection such as hng) cannot be typed: it never matches.
    entry.syllables = split.every((s) => syllables.has(s)) ? split : [];
  }
  return entry.syllables;
}

/** A worker's own choice outweighs a tenfold frequency difference after a few uses. */
const usageWeight = 3;
const defaultPathWordBonus = 0;

/**
 * Reads resources/ime/zh-words.tsv (word TAB syllables TAB frequency). Parsing
 * only splits lines, so it stays cheap at start-up; the index by initials is
 * built on the first lookup.
 */
export interface ZhDictionaryOptions {
  /**
   * Log-score added for each word on a path through a run of letters. Words
   * in a phrase go together more often than their frequencies alone say, so
   * a plain unigram path would always prefer one rare long word (a name)
   * over two common ones; this evens that out.
   */
  readonly pathWordBonus?: number;
  /**
   * How starts of the input are ranked when nothing covers all of it: 'path'
   * (default) by the best reading of the whole input that begins with them;
   * 'length' most letters first, then frequency (the earlier behaviour).
   */
  readonly rankStarts?: 'path' | 'length';
}

export function parseZhDictionary(text: string, options: ZhDictionaryOptions = {}): ZhDictionary {
  const wordBonus = options.pathWordBonus ?? defaultPathWordBonus;
  const byPath = (options.rankStarts ?? 'path') === 'path';
  const words: string[] = [];
  const readings: string[] = [];
  const freqs: number[] = [];
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const tab1 = text.indexOf('\t', at);
    const tab2 = tab1 < 0 ? -1 : text.indexOf('\t', tab1 + 1);
    if (tab1 > at && tab2 > tab1 && tab2 < end) {
      words.push(text.slice(at, tab1));
      readings.push(text.slice(tab1 + 1, tab2));
      freqs.push(Number(text.slice(tab2 + 1, end)) || 1);
    }
    at = end + 1;
  }
  let index: Map<string, Entry[]> | null = null;
  const rowsByText = new Map<string, number[]>();
  let logTotal = 0;
  const build = (): Map<string, Entry[]> => {
    const built = new Map<string, Entry[]>();
    logTotal = Math.log(freqs.reduce((sum, f) => sum + f + 1, 0));
    const unsorted = new Set<Entry[]>();
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      const reading = readings[i] ?? '';
      // The bucket key is each syllable's first letter, read off the string without splitting it.
      let key = reading.charAt(0);
      for (let at = reading.indexOf(' '); at >= 0; at = reading.indexOf(' ', at + 1))
        key += reading.charAt(at + 1);
      const entry: Entry = { text: word, reading, syllables: null, score: Math.log((freqs[i] ?? 1) + 1) };
      const bucket = built.get(key);
      if (bucket === undefined) built.set(key, [entry]);
      else {
        if ((bucket.at(-1)?.score ?? Infinity) < entry.score) unsorted.add(bucket);
        bucket.push(entry);
      }
      const rows = rowsByText.get(word);
      if (rows === undefined) rowsByText.set(word, [i]);
      else rows.push(i);
    }
    // The file is frequency-ordered, so buckets usually are too.
    for (const bucket of unsorted) bucket.sort((x, y) => y.score - x.score);
    return built;
  };
  const entries = (): Map<string, Entry[]> => (index ??= build());

  return {
    size: words.length,
    frequency: (word) => {
      entries();
      const first = rowsByText.get(word)?.[0];
      return first === undefined ? 0 : (freqs[first] ?? 0);
    },
    spells: (word, letters) => {
      entries();
      return (rowsByText.get(word) ?? []).some((i) =>
        spellsStart(letters.toLowerCase(), (readings[i] ?? '').split(' ')),
      );
    },
    top: (limit) => [...new Set(words.slice(0, limit * 2))].slice(0, limit),
    lookup: (letters, options) =>
      lookup(entries(), byPath ? logTotal - wordBonus : null, letters.toLowerCase(), options),
  };
}

function lookup(
  index: Map<string, Entry[]>,
  /** What each word on a path costs beyond its own log frequency; null ranks starts by length instead. */
  wordCost: number | null,
  letters: string,
  options: LookupOptions,
): ZhCandidate[] {
  const segs = segmentPinyin(letters);
  if (segs.length === 0 || options.limit <= 0) return [];
  const ownScore = (e: Entry): number => e.score + usageWeight * Math.log1p(options.usage?.get(e.text) ?? 0);
  const scoreOf = (e: Entry): number => ownScore(e) + (options.boost?.(e.text) ?? 0);
  // Tiers: the whole input, then ever shorter starts of it; one text, one place.
  const tiers = new Map<number, Map<string, number>>();
  // Readings often share their first tokens (s-h or sh…): each start is collected once.
  const collected = new Set<string>();
  for (const seg of segs) {
    for (let count = seg.length; count >= 1; count--) {
      const consumed = count === seg.length ? letters.length : lettersCovered(letters, seg, count);
      const start = `${consumed}:${seg
        .slice(0, count)
        .map((t) => t.kind[0] + t.text)
        .join(' ')}`;
      if (collected.has(start)) continue;
      collected.add(start);
      const tier = tiers.get(consumed) ?? new Map<string, number>();
      tiers.set(consumed, tier);
      collect(index, seg, count, scoreOf, tier, count === 1 ? Math.max(200, options.limit * 4) : Infinity);
    }
  }
  const out: ZhCandidate[] = [];
  const seen = new Set<string>();
  const take = (ranked: readonly (readonly [string, number, number])[]): boolean => {
    for (const [text, , consumed] of ranked) {
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({ text, consumed });
      if (out.length >= options.limit) return true;
    }
    return false;
  };
  // What covers all the letters comes first, as typed.
  const whole = [...(tiers.get(letters.length) ?? new Map<string, number>())]
    .map(([text, score]) => [text, score, letters.length] as const)
    .sort((a, b) => b[1] - a[1]);
  if (take(whole)) return out;
  // A start of the input is ranked by the best reading of the whole input that begins with it (a Viterbi
  // path over word frequencies), so for the initials of a clause the first word of the likeliest sentence leads.
  const rest = wordCost === null ? [] : bestPaths(index, wordCost, letters, ownScore);
  const starts: (readonly [string, number, number])[] = [];
  for (const [consumed, tier] of tiers) {
    if (consumed === letters.length) continue;
    const after = wordCost === null ? 0 : (rest[consumed] ?? -Infinity) - wordCost;
    for (const [text, score] of tier) starts.push([text, score + after, consumed]);
  }
  if (wordCost === null) starts.sort((a, b) => b[2] - a[2] || b[1] - a[1]);
  else starts.sort((a, b) => b[1] - a[1] || b[2] - a[2]);
  take(starts);
  return out;
}

/** Syllables in the longest word a path step may take. */
const longestPathWord = 6;
/** What a letter no word covers costs on a path (far below any word), so a path always exists. */
const unreadLetter = -40;

/**
 * For each position in the letters, the log probability of the likeliest
 * way to read the rest as words (0 at the end), each word scored by its own
 * frequency and the worker's use. Bounded: tokens are read off the letters,
 * and a step spans at most longestPathWord of them.
 */
function bestPaths(
  index: Map<string, Entry[]>,
  wordCost: number,
  letters: string,
  ownScore: (e: Entry) => number,
): number[] {
  const n = letters.length;
  const best: number[] = new Array<number>(n + 1).fill(-Infinity);
  best[n] = 0;
  const bucketBest = new Map<string, number>();
  for (let at = n - 1; at >= 0; at--) {
    if (letters[at] === "'") {
      best[at] = best[at + 1] ?? -Infinity;
      continue;
    }
    let here = unreadLetter + (best[at + 1] ?? -Infinity);
    // Every run of up to longestPathWord tokens starting here, as a word.
    const walk = (pos: number, tokens: PinyinToken[]): void => {
      if (tokens.length > 0) {
        const word = bestWord(index, tokens, ownScore, bucketBest);
        if (word !== null) here = Math.max(here, word - wordCost + (best[pos] ?? -Infinity));
      }
      if (tokens.length >= longestPathWord) return;
      let next = pos;
      while (letters[next] === "'") next++;
      for (let len = 1; len <= 6 && next + len <= n; len++) {
        const text = letters.slice(next, next + len);
        if (text.includes("'")) break;
        const end = next + len === n;
        if (syllables.has(text)) walk(next + len, [...tokens, { text, kind: 'syllable' }]);
        else if (initials.has(text) || (end && isSyllableStart(text)))
          walk(next + len, [...tokens, { text, kind: 'partial' }]);
      }
    };
    walk(at, []);
    best[at] = here;
  }
  return best;
}

let syllableStarts: ReadonlySet<string> | null = null;

/** Whether text is the start of a longer syllable (a last token may be cut short). */
function isSyllableStart(text: string): boolean {
  syllableStarts ??= new Set(
    [...syllables].flatMap((s) => Array.from({ length: s.length - 1 }, (_, i) => s.slice(0, i + 1))),
  );
  return syllableStarts.has(text);
}

/** The best score of a word that these tokens spell, exactly as many syllables as tokens. */
function bestWord(
  index: Map<string, Entry[]>,
  tokens: readonly PinyinToken[],
  ownScore: (e: Entry) => number,
  memo: Map<string, number>,
): number | null {
  const key = tokens.map((t) => (t.kind === 'syllable' ? t.text : `${t.text}*`)).join(' ');
  const had = memo.get(key);
  if (had !== undefined) return Number.isFinite(had) ? had : null;
  const bucket = index.get(tokens.map((t) => t.text[0]).join('')) ?? [];
  let found = -Infinity;
  let looked = 0;
  for (const entry of bucket) {
    const sylls = syllablesOf(entry);
    if (sylls.length !== tokens.length || !tokens.every((t, i) => tokenMatches(t, sylls[i] ?? ''))) continue;
    found = Math.max(found, ownScore(entry));
    // Frequency-ordered buckets: the first matches hold the best, unless the worker's use lifts a later one.
    if (++looked >= 50) break;
  }
  memo.set(key, found);
  return Number.isFinite(found) ? found : null;
}

/** Words of exactly `count` syllables that the first `count` tokens spell. */
function collect(
  index: Map<string, Entry[]>,
  seg: Segmentation,
  count: number,
  scoreOf: (e: Entry) => number,
  into: Map<string, number>,
  cap: number,
): void {
  const tokens = seg.slice(0, count);
  const bucket = index.get(tokens.map((t) => t.text[0]).join(''));
  if (bucket === undefined) return;
  let taken = 0;
  for (const entry of bucket) {
    const sylls = syllablesOf(entry);
    if (sylls.length !== tokens.length || !tokens.every((t, i) => tokenMatches(t, sylls[i] ?? ''))) continue;
    const score = scoreOf(entry);
    const had = into.get(entry.text);
    if (had === undefined || score > had) into.set(entry.text, score);
    // Buckets are frequency-ordered, so a cap keeps single-letter lookups fast without losing the top.
    if (++taken >= cap) return;
  }
}
