/**
 * The language of text a person wrote, from its script, for the `lang`
 * attribute: a screen reader reads Chinese in an English UI with a Chinese
 * voice only when the element says so. Pure, no DOM.
 *
 * Only the two scripts Wings has voices for are claimed. Each Han character
 * counts as one unit and each run of Latin letters (a word) as one, so
 * "订单 refund 已退" is Chinese and "refund the 订单 please" English; a tie goes
 * to the script that came first. Kana or hangul beside Han mean Japanese or
 * Korean, not Chinese. Any other script as strong as both gives "unknown",
 * and unknown text gets no attribute (it keeps the page's language).
 */
export type TextLang = 'zh-CN' | 'en';

const han = /\p{Script=Han}/u;
const latin = /\p{Script=Latin}/u;
/** Scripts that, beside Han, say the text is Japanese or Korean. */
const kanaOrHangul = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const letter = /\p{L}/u;

export function textLang(text: string): TextLang | undefined {
  let hanUnits = 0;
  let latinUnits = 0;
  let otherUnits = 0;
  let notChinese = false;
  let first: TextLang | null = null;
  /** The word being read: Latin and other alphabets count a word at a time. */
  let word: 'latin' | 'other' | null = null;
  for (const char of text) {
    if (latin.test(char)) {
      if (word !== 'latin') latinUnits += 1;
      word = 'latin';
      first ??= 'en';
    } else if (han.test(char)) {
      word = null;
      hanUnits += 1;
      first ??= 'zh-CN';
    } else if (letter.test(char)) {
      // Cyrillic, Arabic, kana, hangul…: letters of a language Wings has no voice for.
      if (word !== 'other') otherUnits += 1;
      word = 'other';
      if (kanaOrHangul.test(char)) notChinese = true;
    } else if (!/\p{M}/u.test(char)) {
      word = null;
    }
  }
  // Han beside kana or hangul is Japanese or Korean, and votes with them.
  if (notChinese) {
    otherUnits += hanUnits;
    hanUnits = 0;
  }
  if (otherUnits >= Math.max(hanUnits, latinUnits)) return undefined;
  if (hanUnits !== latinUnits) return hanUnits > latinUnits ? 'zh-CN' : 'en';
  return first ?? undefined;
}
