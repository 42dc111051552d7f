/**
 * The organisation's keyword filter: a comment that contains a listed word
 * is held (its writer sees it, nobody else does). Matching ignores case,
 * full-width versus half-width forms (NFKC: "ＶＸ" is "vx") and spaces
 * ("加 微 信" is "加微信"), and finds Chinese words inside longer text, which
 * has no spaces between words.
 */
export function normaliseForFilter(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\ufeff]+/gu, '');
}

/** The list as the anchor typed it, trimmed, without blanks or words that match the same (first kept). */
export function cleanKeywords(words: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const w of words) {
    const n = normaliseForFilter(w);
    if (n !== '' && !seen.has(n)) seen.set(n, w.trim());
  }
  return [...seen.values()];
}

/** The first listed word the comment contains, or null. */
export function heldBy(body: string, words: readonly string[]): string | null {
  const text = normaliseForFilter(body);
  for (const word of words) {
    const n = normaliseForFilter(word);
    if (n !== '' && text.includes(n)) return word;
  }
  return null;
}
