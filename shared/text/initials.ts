/** Han, Hiragana, Katakana and Hangul: scripts whose names are written without spaces. */
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The letters an avatar shows for a name. Latin-script names give the first
 * letters of the first and last word ("Ana María López" → "AL"); a Chinese
 * name gives its last two characters, the given name, as Chinese workplace
 * tools do ("韦秀兰" → "秀兰"; a two-character name stays whole). Empty or
 * punctuation-only names give "?".
 */
export function initialsOf(name: string): string {
  const trimmed = name.trim();
  const chars = [...trimmed].filter((c) => /[\p{L}\p{N}]/u.test(c));
  if (chars.length === 0) return '?';
  if (chars.some((c) => cjk.test(c)) && !/\s/u.test(trimmed)) {
    return chars.slice(-2).join('');
  }
  const words = trimmed.split(/[\s\-_.]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const first = [...(words[0] ?? '')].find((c) => /[\p{L}\p{N}]/u.test(c)) ?? '';
  if (words.length < 2) return first.toLocaleUpperCase();
  const last = [...(words[words.length - 1] ?? '')].find((c) => /[\p{L}\p{N}]/u.test(c)) ?? '';
  return (first + last).toLocaleUpperCase();
}
