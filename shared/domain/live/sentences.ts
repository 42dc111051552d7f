import { speechTextMax } from '../../bridge/channels';

/**
 * Splits a teleprompter script into the sentences the host renders one at a
 * time: short pieces start playing sooner, the teleprompter can show which one
 * is playing, and "Stop" cuts in at the next sentence boundary at the latest.
 */

/** Under `speechTextMax`, so a piece always fits one `speech.render`; short enough to start quickly. */
export const sentenceMax = 200;

/** Chinese full-width enders end a sentence wherever they are; `…` and `……` too. */
const cjkEnders = new Set(['。', '！', '？', '；', '…']);
/** Latin enders only count when followed by space or the end, so `3.5 kg` and `www.wings.cn` stay whole. */
const latinEnders = new Set(['.', '!', '?', ';']);
/** Closing quotes and brackets belong to the sentence they close. */
const closers = new Set(['"', "'", '”', '’', '」', '』', '）', ')', '】', ']', '》', '〉']);
/** Where an over-long sentence may be cut: at a comma-like mark, else between words. */
const clauseBreaks = new Set(['，', '、', ',', '：', ':']);

export function splitSentences(script: string, max: number = sentenceMax): string[] {
  const limit = Math.max(1, Math.min(max, speechTextMax));
  const pieces: string[] = [];
  for (const sentence of sentencesOf(script.replace(/\r\n?/g, '\n'))) {
    for (const piece of cutLong(sentence, limit)) {
      const trimmed = piece.trim();
      // A piece of only punctuation has nothing to say.
      if (/[\p{L}\p{N}]/u.test(trimmed)) pieces.push(trimmed);
    }
  }
  return pieces;
}

function sentencesOf(text: string): string[] {
  const out: string[] = [];
  const chars = Array.from(text);
  let start = 0;
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] ?? '';
    let end = -1;
    if (c === '\n') {
      // A line break in a script is a pause the author wrote.
      end = i + 1;
    } else if (cjkEnders.has(c) || latinEnders.has(c)) {
      let j = i + 1;
      // Runs such as `！？`, `……` or `...` end together.
      while (j < chars.length && (cjkEnders.has(chars[j] ?? '') || latinEnders.has(chars[j] ?? ''))) j++;
      while (j < chars.length && closers.has(chars[j] ?? '')) j++;
      const next = chars[j];
      if (cjkEnders.has(c) || next === undefined || /\s/.test(next) || isCjk(next)) end = j;
      else i = j - 1;
    }
    if (end >= 0) {
      out.push(chars.slice(start, end).join(''));
      start = end;
      i = end;
    } else {
      i++;
    }
  }
  if (start < chars.length) out.push(chars.slice(start).join(''));
  return out;
}

function isCjk(c: string): boolean {
  return /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(c);
}

/** Cuts at the last soft break inside the limit; a run with none is cut hard at the limit. */
function cutLong(sentence: string, limit: number): string[] {
  const out: string[] = [];
  let rest = Array.from(sentence.trim());
  while (rest.length > limit) {
    const head = rest.slice(0, limit);
    // A cut right at the start would leave a piece too small to say.
    const clause = head.findLastIndex((c, at) => at > 0 && clauseBreaks.has(c));
    const word = head.findLastIndex((c, at) => at > 0 && c === ' ');
    const cut = clause > 0 ? clause + 1 : word > 0 ? word + 1 : limit;
    out.push(rest.slice(0, cut).join(''));
    rest = Array.from(rest.slice(cut).join('').trimStart());
  }
  if (rest.length > 0) out.push(rest.join(''));
  return out;
}
