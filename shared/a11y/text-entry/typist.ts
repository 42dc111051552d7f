import type { KeyboardSession } from './entry-cost';
import { pressEntryKey } from './entry-state';
import type { EntryKeyAction } from './layouts';
import { spellsStart } from './pinyin';
import { wordsOf } from './tokenize';

/**
 * A simulated user who knows the message and, at each step, takes the
 * cheapest way forward that the keyboard shows: a suggestion that writes the
 * next text, else the next character. Returns false when the message cannot
 * be typed on that keyboard at all.
 */
export function typeLatin(session: KeyboardSession, target: string): boolean {
  const budget = target.length * 4 + 20;
  for (let step = 0; step < budget; step++) {
    const field = session.field;
    if (field === target || field === `${target} `) return true;
    const done = progress(field, target);
    if (done < 0) return false;
    let best: { slot: number; reach: number } | null = null;
    session.shown.suggestions.forEach((s, slot) => {
      const edit = pressEntryKey(
        session.state,
        { value: field, start: field.length, end: field.length },
        { type: 'suggestion', slot },
        session.shown.suggestions,
      ).edit;
      const reach = edit === null ? -1 : progress(edit.value, target);
      if (reach > done && (best === null || reach > best.reach)) best = { slot, reach };
    });
    const chosen = best as { slot: number; reach: number } | null;
    if (chosen !== null && session.pressWhere((a) => a.type === 'suggestion' && a.slot === chosen.slot))
      continue;
    const c = target[done] ?? '';
    if (c === ' ') {
      if (!session.pressWhere((a) => a.type === 'space')) return false;
      continue;
    }
    const lower = c.toLowerCase();
    const isKey = (a: EntryKeyAction) => (a.type === 'char' || a.type === 'punct') && a.char === lower;
    if (lower !== c) {
      // A capital may come by itself (sentence start) or from a suggestion (I, names seen before): try without Shift.
      const trial = session.fork();
      if (
        trial.pressWhere(isKey) &&
        (target.startsWith(trial.field) || reachesBySuggestion(trial, target, done))
      )
        session.adopt(trial);
      else if (
        !(session.state.capitals || session.pressWhere((a) => a.type === 'shift')) ||
        !session.pressWhere(isKey)
      )
        return false;
      continue;
    }
    if (!session.pressWhere(isKey)) return false;
  }
  return false;
}

/** Whether a suggestion on show would write the target past `done` (fixing the case of what was typed). */
function reachesBySuggestion(session: KeyboardSession, target: string, done: number): boolean {
  return session.shown.suggestions.some((_, slot) => {
    const edit = pressEntryKey(
      session.state,
      { value: session.field, start: session.field.length, end: session.field.length },
      { type: 'suggestion', slot },
      session.shown.suggestions,
    ).edit;
    return edit !== null && progress(edit.value, target) > done;
  });
}

/** Characters of target already written; a space a suggestion left before punctuation counts as none. -1: off track. */
function progress(field: string, target: string): number {
  if (target.startsWith(field)) return field.length;
  // A word being typed in the wrong case is on track while a suggestion can still set it right.
  const partial = /[A-Za-z]+$/.exec(field)?.[0] ?? '';
  const head = field.slice(0, field.length - partial.length);
  if (
    partial !== '' &&
    target.startsWith(head) &&
    target.slice(head.length, field.length).toLowerCase() === partial.toLowerCase()
  )
    return field.length;
  if (field.endsWith(' ') && target.startsWith(field.slice(0, -1))) {
    const next = target[field.length - 1];
    if (next === undefined || /[.,?!;:]/.test(next)) return field.length - 1;
  }
  return -1;
}

const han = /\p{Script=Han}/u;

/**
 * Pinyin mode: for the next word, spell its initials and watch the
 * candidates after each letter; failing that, clear and spell its full
 * syllables, then page through more candidates; failing that, type its first
 * character alone. `reading` gives each character of target its syllable.
 */
export function typePinyin(
  session: KeyboardSession,
  target: string,
  reading: readonly string[],
  /** Words the user knows the keyboard has: they spell the longest such word at once. Default: Intl.Segmenter's words. */
  knows?: (text: string) => boolean,
  /**
   * 'word': spell each word and take it. 'clause' (简拼): spell the initials of
   * the whole clause, then take its words from the candidates one by one,
   * paging when the next is not on show, spelling it as in 'word' when it
   * is not found. 'ahead': as 'word', but when a word's initials do not
   * bring it up, go on with the initials of the words after it (up to the
   * end of the clause) before spelling it out. 'eager': as 'word', but take
   * a first character as soon as it shows, before the word's letters are all typed.
   */
  strategy: PinyinStrategy = 'word',
): boolean {
  const chars = [...target];
  const budget = chars.length * 40 + 20;
  for (let step = 0; step < budget && session.field !== target; step++) {
    if (!target.startsWith(session.field)) return false;
    const at = [...session.field].length;
    const rest = chars.slice(at).join('');
    // Letters left over after a candidate are fine when they start the reading of what follows it.
    const fits: Fits = (text, leftover) => spellsStart(leftover, reading.slice(at + [...text].length));
    if (session.state.composition !== '' && choose(session, rest, fits)) continue;
    if (
      strategy === 'clause' &&
      session.state.composition !== '' &&
      pageThrough(session, rest, clausePages, fits)
    )
      continue;
    if (session.state.composition === '') {
      if (choose(session, rest)) continue;
      const c = chars[at] ?? '';
      if (!han.test(c)) {
        const test = c === ' ' ? (a: { type: string }) => a.type === 'space' : null;
        if (
          !session.pressWhere((a) =>
            test !== null ? test(a) : (a.type === 'char' || a.type === 'punct') && a.char === c,
          )
        )
          return false;
        continue;
      }
    }
    const hanRun = /^\p{Script=Han}+/u.exec(rest)?.[0] ?? '';
    if (strategy === 'clause' && session.state.composition === '' && [...hanRun].length > 1) {
      const clauseInitials = reading
        .slice(at, at + [...hanRun].length)
        .map((s) => s.slice(0, 1))
        .join('');
      if (!typeLetters(session, clauseInitials)) return false;
      continue;
    }
    const word = nextWord(hanRun, knows);
    const sylls = reading.slice(at, at + [...word].length);
    // 'ahead': when a word's initials do not bring it up, the initials of the words after it may (快递单号).
    const ahead =
      strategy === 'ahead'
        ? reading
            .slice(at + sylls.length, at + [...hanRun].length)
            .map((s) => s.slice(0, 1))
            .join('')
        : '';
    if (!spellWord(session, rest, sylls, fits, ahead, strategy === 'eager')) return false;
  }
  return session.field === target;
}

export type PinyinStrategy = 'word' | 'eager' | 'clause' | 'ahead';

/** Pages of candidates a 简拼 user looks through for the next word before spelling it out. */
const clausePages = 2;

const longestWord = 6;

function nextWord(run: string, knows: ((text: string) => boolean) | undefined): string {
  const chars = [...run];
  if (knows !== undefined) {
    for (let n = Math.min(longestWord, chars.length); n >= 2; n--) {
      const word = chars.slice(0, n).join('');
      if (knows(word)) return word;
    }
  }
  return wordsOf(run, 'zh')[0] ?? chars.slice(0, 1).join('');
}

type Fits = (text: string, leftover: string) => boolean;

function spellWord(
  session: KeyboardSession,
  rest: string,
  sylls: readonly string[],
  fits: Fits,
  ahead: string,
  eager: boolean,
): boolean {
  const clear = () => session.state.composition === '' || session.pressWhere((a) => a.type === 'clear');
  // 1. Initials, one letter a syllable (keeping any typed already).
  const initials = sylls.map((s) => s.slice(0, 1)).join('');
  if (!rewind(session, initials)) return false;
  // While its initials are being typed, only the whole word (or more) will do: a first character taken
  // early costs a second choice for the rest.
  const whole = eager ? 1 : sylls.length;
  const typedInitials = session.state.composition.length;
  for (const [i, letter] of [...(initials + ahead).slice(typedInitials)].entries()) {
    if (!typeLetters(session, letter)) return false;
    const complete = typedInitials + i + 1 >= initials.length;
    if (choose(session, rest, fits, complete ? 1 : whole)) return true;
  }
  if (ahead !== '' && choose(session, rest, fits)) return true;
  // 2. Full syllables, then the further pages: keep what the initials share with the spelling, when that is cheaper.
  const spelling = sylls.join('');
  if (!rewind(session, spelling)) return false;
  for (const letter of spelling.slice(session.state.composition.length)) {
    if (!typeLetters(session, letter)) return false;
    const complete = session.state.composition.length >= spelling.length;
    if (choose(session, rest, fits, complete ? 1 : whole)) return true;
  }
  if (pageThrough(session, rest, 4, fits)) return true;
  // 3. The first character on its own.
  if (!clear()) return false;
  for (const letter of sylls[0] ?? '') {
    if (!typeLetters(session, letter)) return false;
    if (choose(session, rest, fits)) return true;
  }
  return pageThrough(session, rest, 12, fits);
}

/** Back to the longest start of the composition that the spelling shares: by Delete, or Clear when cheaper. */
function rewind(session: KeyboardSession, spelling: string): boolean {
  const typed = session.state.composition;
  let shared = 0;
  while (shared < typed.length && typed[shared] === spelling[shared]) shared++;
  const deletes = typed.length - shared;
  if (deletes === 0) return true;
  const cost = (test: (a: EntryKeyAction) => boolean) => session.find(test)?.cost.highlights ?? Infinity;
  const retype = [...spelling.slice(0, shared)].reduce(
    (sum, letter) => sum + cost((a) => a.type === 'char' && a.char === letter),
    0,
  );
  if (deletes * cost((a) => a.type === 'backspace') <= cost((a) => a.type === 'clear') + retype) {
    for (let i = 0; i < deletes; i++) if (!session.pressWhere((a) => a.type === 'backspace')) return false;
    return true;
  }
  return session.pressWhere((a) => a.type === 'clear');
}

function pageThrough(session: KeyboardSession, rest: string, pages: number, fits: Fits): boolean {
  for (let i = 0; i < pages; i++) {
    if (!session.pressWhere((a) => a.type === 'more')) return false;
    if (choose(session, rest, fits)) return true;
  }
  return false;
}

/** Types letters with the cheapest keys, a chunk key (zh, ang…) when it is cheaper per letter. */
function typeLetters(session: KeyboardSession, letters: string): boolean {
  let left = letters;
  while (left !== '') {
    let best: ReturnType<KeyboardSession['find']> = null;
    let bestRate = Infinity;
    for (const k of session.keys()) {
      const a = k.key.action;
      if (a.type !== 'char' || a.char === '' || !left.startsWith(a.char)) continue;
      const rate = k.cost.highlights / a.char.length;
      if (rate < bestRate) {
        best = k;
        bestRate = rate;
      }
    }
    if (best === null || best.key.action.type !== 'char') return false;
    const n = best.key.action.char.length;
    session.press(best);
    left = left.slice(n);
  }
  return true;
}

/**
 * Chooses the longest shown suggestion that writes the start of rest (at
 * least `atLeast` characters); with a composition, one that uses all the
 * letters typed or leaves letters that `fits` accepts.
 */
function choose(session: KeyboardSession, rest: string, fits?: Fits, atLeast = 1): boolean {
  let best = -1;
  let length = atLeast - 1;
  const { composition } = session.state;
  session.shown.suggestions.forEach((s, slot) => {
    if (!rest.startsWith(s.text) || s.text.length <= length) return;
    const leftover = composition.slice(s.consumed);
    if (leftover !== '' && !(fits?.(s.text, leftover) ?? false)) return;
    best = slot;
    length = s.text.length;
  });
  if (best < 0) return false;
  const slot = best;
  return session.pressWhere((a) => a.type === 'suggestion' && a.slot === slot);
}
