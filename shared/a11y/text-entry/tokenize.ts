export type EntryLang = 'en' | 'zh';

/** A run of words between punctuation marks, with the mark that closed it ('' at the end of text). */
export interface Clause {
  readonly words: readonly string[];
  readonly end: string;
}

const clauseEnd = /[.!?,;:，。？！；：、\n]/u;
const enWord = /[A-Za-z0-9]+(?:'[A-Za-z]+)*/g;
let segmenter: Intl.Segmenter | null = null;

function zhWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike === true) out.push(s.segment);
  return out;
}

export function wordsOf(text: string, lang: EntryLang): string[] {
  return lang === 'zh' ? zhWords(text) : (text.match(enWord) ?? []);
}

/** Splits text into clauses; empty clauses are dropped. */
export function clausesOf(text: string, lang: EntryLang): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i] ?? '';
    if (i < text.length && !clauseEnd.test(ch)) continue;
    const words = wordsOf(text.slice(start, i), lang);
    if (words.length > 0) out.push({ words, end: ch === '\n' ? '' : ch });
    start = i + 1;
  }
  return out;
}

/** The words of the clause the caret is in, as far as the caret. */
export function openClause(before: string, lang: EntryLang): string[] {
  let cut = before.length;
  while (cut > 0 && !clauseEnd.test(before[cut - 1] ?? '')) cut--;
  return wordsOf(before.slice(cut), lang);
}

/** The key n-grams are counted under: case only matters for display. */
export const keyOf = (word: string): string => word.toLowerCase();

export const joinWords = (words: readonly string[], lang: EntryLang): string =>
  words.join(lang === 'zh' ? '' : ' ');

/** Sentence start: nothing yet, or after a full stop, question or exclamation mark. */
export const atSentenceStart = (before: string): boolean => /(^|[.!?。？！\n])\s*$/u.test(before);
