import type { EnLexicon } from './en-lexicon';
import type { LearnedModel } from './learned-model';
import { NgramTable, clauseStart } from './ngram-table';
import type { ZhDictionary } from './pinyin-dictionary';
import { atSentenceStart, clausesOf, joinWords, keyOf, openClause, type EntryLang } from './tokenize';

export interface Suggestion {
  readonly text: string;
  /** Letters of the typed word (en) or pinyin (zh) it replaces, from their start; 0 for a next word. */
  readonly consumed: number;
  readonly kind: 'word' | 'phrase';
}

export interface PredictorSources {
  readonly en: EnLexicon;
  readonly zh: ZhDictionary;
  readonly learned: LearnedModel;
  /** Canned replies and phrase keys, in either language (told apart by script). */
  readonly canned?: readonly string[];
}

/** How much a word seen after the same context outweighs raw frequency (log scale). */
const contextWeight = 5;
const ownWordWeight = 1.5;
const phrasesOffered = 2;
/** Predicted words offered ahead of a pinyin lookup. */
const expectedOffered = 2;
const han = /\p{Script=Han}/u;

/**
 * Word completion and next-word prediction over the base frequency lists,
 * canned replies and the worker's learned text. Pure: every source is handed in.
 */
export class Predictor {
  private canned = new NgramTable();

  constructor(private readonly sources: PredictorSources) {
    this.setCanned(sources.canned ?? []);
  }

  setCanned(phrases: readonly string[]): void {
    const table = new NgramTable();
    for (const phrase of phrases) {
      const lang: EntryLang = han.test(phrase) ? 'zh' : 'en';
      for (const clause of clausesOf(phrase, lang)) table.add(lang, clause, 1);
    }
    this.canned = table;
  }

  /** Completions of the word being typed (en), or pinyin candidates (zh) ranked with the words before. */
  complete(lang: EntryLang, prefix: string, before: string, limit: number): Suggestion[] {
    if (prefix === '' || limit <= 0) return this.next(lang, before, limit);
    const clause = openClause(before, lang);
    const follow = this.follow(lang, clause);
    if (lang === 'zh') {
      // Words that usually come next and that the letters start to spell come before plain lookups.
      const { zh } = this.sources;
      const expected: Suggestion[] = [...follow]
        .filter(([w]) => zh.spells(w, prefix))
        .sort((a, b) => b[1] - a[1])
        .slice(0, expectedOffered)
        .map(([text]) => ({ text, consumed: prefix.length, kind: 'word' }));
      const looked: Suggestion[] = zh
        .lookup(prefix, {
          limit,
          usage: this.sources.learned.usage('zh'),
          boost: (text) => contextWeight * Math.log1p(follow.get(text) ?? 0),
        })
        .map((c) => ({ text: c.text, consumed: c.consumed, kind: 'word' }));
      return dedupe([...expected, ...looked], limit);
    }
    const p = keyOf(prefix);
    const pool = new Set(this.sources.en.withPrefix(p, 40).map(keyOf));
    for (const w of follow.keys()) if (w.startsWith(p)) pool.add(w);
    for (const table of [this.canned, this.sources.learned.ngrams()])
      for (const [w] of table.unigramEntries('en')) if (w.startsWith(p)) pool.add(w);
    const scored = [...pool]
      .map((w) => [w, this.wordScore('en', w, follow)] as const)
      .sort((a, b) => b[1] - a[1]);
    const capital = atSentenceStart(before) || prefix[0] !== p[0];
    const out: Suggestion[] = [];
    for (const phrase of this.continuations('en', clause)) {
      if (phrase.startsWith(p) && phrase.includes(' '))
        out.push({ text: this.shape(phrase, capital), consumed: prefix.length, kind: 'phrase' });
    }
    for (const [w] of scored)
      out.push({ text: this.shape(w, capital), consumed: prefix.length, kind: 'word' });
    return dedupe(out, limit);
  }

  /** What is likely to come next after `before`: rests of familiar clauses, then next words. */
  next(lang: EntryLang, before: string, limit: number): Suggestion[] {
    if (limit <= 0) return [];
    const clause = openClause(before, lang);
    const capital = lang === 'en' && atSentenceStart(before);
    const out: Suggestion[] = this.continuations(lang, clause).map((text) => ({
      text: this.shape(text, capital),
      consumed: 0,
      kind: 'phrase',
    }));
    const follow = this.follow(lang, clause);
    // Words seen after this context compete with plain frequency on one scale, so one odd bigram cannot bury 'the'.
    const pool = new Set([...follow.keys(), ...this.fallback(lang, limit * 2)]);
    const ranked = [...pool]
      .map((w) => [w, this.wordScore(lang, w, follow)] as const)
      .sort((a, b) => b[1] - a[1]);
    for (const [w] of ranked) out.push({ text: this.shape(w, capital, lang), consumed: 0, kind: 'word' });
    return dedupe(out, limit);
  }

  private base(lang: EntryLang, word: string): number {
    return lang === 'en' ? this.sources.en.count(word) : this.sources.zh.frequency(word);
  }

  private wordScore(lang: EntryLang, w: string, follow: ReadonlyMap<string, number>): number {
    const own = this.sources.learned.ngrams().unigram(lang, w) + this.canned.unigram(lang, w);
    return (
      Math.log1p(this.base(lang, w)) +
      contextWeight * Math.log1p(follow.get(w) ?? 0) +
      ownWordWeight * Math.log1p(own)
    );
  }

  /** Weighted counts of the words after the clause so far (two words of context, then one). */
  private follow(lang: EntryLang, clause: readonly string[]): Map<string, number> {
    const w1 = clause.at(-1) ?? clauseStart;
    const w2 = clause.at(-2) ?? clauseStart;
    const out = new Map<string, number>();
    const tables: [NgramTable, number][] = [
      [this.canned, 1],
      [this.sources.learned.ngrams(), 1.5],
    ];
    for (const [table, weight] of tables) {
      for (const [w, c] of table.after(lang, [w2, w1])) out.set(w, (out.get(w) ?? 0) + 3 * weight * c);
      for (const [w, c] of table.after(lang, [w1])) out.set(w, (out.get(w) ?? 0) + weight * c);
    }
    return out;
  }

  /** The rest of known clauses that continue the last words typed (longest match first). */
  private continuations(lang: EntryLang, clause: readonly string[]): string[] {
    const keys = clause.map(keyOf);
    const found: { text: string; score: number }[] = [];
    const learnedTable = this.sources.learned.ngrams();
    for (const table of [this.canned, learnedTable]) {
      for (const c of table.clauses) {
        if (c.lang !== lang) continue;
        const words = c.words.map(keyOf);
        for (let n = Math.min(3, keys.length); n >= 0; n--) {
          const tail = keys.slice(keys.length - n);
          const at = n === 0 ? (keys.length === 0 ? 0 : -1) : indexOfRun(words, tail);
          if (at < 0) continue;
          const rest = c.words.slice(at + n);
          if (rest.length === 0) break;
          const own = table === learnedTable ? 1 : 0;
          // A sentence written once is a weak guess for the next one: offer it only on a close match.
          if (own === 1 && n < 2 && c.weight < 1.5) break;
          found.push({ text: joinWords(rest, lang) + c.end, score: n * 10 + own + Math.log1p(c.weight) });
          break;
        }
      }
    }
    found.sort((a, b) => b.score - a.score);
    return [...new Set(found.map((f) => f.text))].slice(0, phrasesOffered);
  }

  private fallback(lang: EntryLang, limit: number): string[] {
    const pool = new Map<string, number>();
    for (const table of [this.canned, this.sources.learned.ngrams()])
      for (const [w, c] of table.unigramEntries(lang)) pool.set(w, (pool.get(w) ?? 0) + c);
    const base = lang === 'en' ? this.sources.en.top(limit) : this.sources.zh.top(limit);
    const scored = new Map<string, number>();
    for (const w of base) scored.set(keyOf(w), Math.log1p(this.base(lang, w)));
    for (const [w, c] of pool)
      scored.set(w, Math.log1p(this.base(lang, w)) + 2 * ownWordWeight * Math.log1p(c));
    return [...scored]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([w]) => w);
  }

  /** Written form: 'I' and names as seen, a capital at the start of a sentence. */
  private shape(text: string, capital: boolean, lang: EntryLang = 'en'): string {
    if (lang === 'zh') return text;
    const first = text.split(' ')[0] ?? '';
    const written = this.canned.written('en', first) !== first ? this.canned.written('en', first) : first;
    const own = this.sources.learned.ngrams().written('en', written);
    const shown = (own === 'i' ? 'I' : own) + text.slice(first.length);
    return capital ? shown.charAt(0).toUpperCase() + shown.slice(1) : shown;
  }
}

function indexOfRun(words: readonly string[], run: readonly string[]): number {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}

function dedupe(list: readonly Suggestion[], limit: number): Suggestion[] {
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const s of list) {
    if (seen.has(s.text)) continue;
    seen.add(s.text);
    out.push(s);
    if (out.length >= limit) break;
  }
  return out;
}
