import type { EntryKeyAction, EntryMode } from './layouts';
import type { Predictor, Suggestion } from './prediction';
import { atSentenceStart } from './tokenize';

/** The keyboard's own state; the field's text and caret stay in the field. */
export interface EntryState {
  readonly mode: EntryMode;
  /** Pinyin typed and not yet turned into characters. */
  readonly composition: string;
  /** Candidate page in pinyin mode. */
  readonly page: number;
  readonly capitals: boolean;
  /** A letter starting a sentence is a capital (off for user names, e-mail and passwords). */
  readonly autoCapitals: boolean;
}

export const initialEntryState = (mode: EntryMode = 'latin', autoCapitals = true): EntryState => ({
  mode,
  composition: '',
  page: 0,
  capitals: false,
  autoCapitals,
});

export interface TextState {
  readonly value: string;
  /** Selection as the field reports it; null for fields without a caret. */
  readonly start: number | null;
  readonly end: number | null;
}

export interface Edited {
  readonly value: string;
  readonly caret: number;
}

export interface Pressed {
  readonly state: EntryState;
  /** The field's new text, or null when the key changed only the keyboard. */
  readonly edit: Edited | null;
  /** Text committed by a suggestion, for usage counts (LearnedModel.choose). */
  readonly chosen?: string;
}

const autoSpaced = /[.,?!;:]/;

/**
 * What a key does. Letters in pinyin mode build the composition; a suggestion
 * replaces the word being typed (en, followed by a space) or turns the pinyin
 * it consumed into characters (zh). Punctuation takes the place of the space a
 * suggestion left, so "order" + "," reads "order, ".
 */
export function pressEntryKey(
  state: EntryState,
  field: TextState,
  action: EntryKeyAction,
  suggestions: readonly Suggestion[],
): Pressed {
  const keep = (edit: Edited | null, next: Partial<EntryState> = {}): Pressed => ({
    state: { ...state, ...next },
    edit,
  });
  switch (action.type) {
    case 'char':
      if (state.mode === 'pinyin' && /^[a-z']+$/.test(action.char))
        return keep(null, { composition: state.composition + action.char, page: 0 });
      {
        const capital = typesCapital(state, field);
        return keep(
          applyKey(field, { type: 'char', char: capital ? action.char.toUpperCase() : action.char }),
          {
            capitals: false,
          },
        );
      }
    case 'backspace':
      if (state.composition !== '')
        return keep(null, { composition: state.composition.slice(0, -1), page: 0 });
      return keep(applyKey(field, action));
    case 'clear':
      return keep(null, { composition: '', page: 0 });
    case 'more':
      return keep(null, { page: state.page + 1 });
    case 'shift':
      return keep(null, { capitals: !state.capitals });
    case 'mode':
      return keep(null, { mode: action.mode, composition: '', page: 0 });
    case 'punct': {
      const { before, after } = split(field);
      const trimmed =
        state.mode === 'latin' && / $/.test(before) && /\S $/.test(before) ? before.slice(0, -1) : before;
      const spaced = state.mode === 'latin' && autoSpaced.test(action.char) && after === '' ? ' ' : '';
      const text = action.char + spaced;
      return keep({ value: trimmed + text + after, caret: trimmed.length + text.length });
    }
    case 'suggestion': {
      const s = suggestions[action.slot];
      if (s === undefined) return keep(null);
      const { before, after } = split(field);
      if (state.mode === 'pinyin') {
        const value = before + s.text + after;
        return {
          state: { ...state, composition: state.composition.slice(s.consumed), page: 0 },
          edit: { value, caret: before.length + s.text.length },
          chosen: s.text,
        };
      }
      const stem = before.slice(0, before.length - s.consumed);
      const lead = stem === '' || /\s$/.test(stem) ? '' : ' ';
      const text = lead + s.text + (/^\s/.test(after) ? '' : ' ');
      return {
        state: { ...state, capitals: false },
        edit: { value: stem + text + after, caret: stem.length + text.length },
        chosen: s.text,
      };
    }
    case 'text':
    case 'space':
    case 'newline':
      return keep(applyKey(field, action));
    case 'enter':
    case 'close':
      return keep(null);
  }
}

function split(field: TextState): { before: string; after: string; start: number } {
  const { value } = field;
  const end = clamp(field.end ?? value.length, value.length);
  const start = Math.min(clamp(field.start ?? end, value.length), end);
  return { before: value.slice(0, start), after: value.slice(end), start };
}

/** Whether the next letter goes in as a capital (Shift, or the start of a sentence): keys show it so. */
export function typesCapital(state: EntryState, field: TextState): boolean {
  return (
    state.capitals || (state.autoCapitals && state.mode === 'latin' && atSentenceStart(split(field).before))
  );
}

/** The word being typed right before the caret, in latin mode. */
export function partialWord(before: string): string {
  return /[A-Za-z']+$/.exec(before)?.[0] ?? '';
}

/**
 * What the suggestion row offers in this state: pinyin candidates (one page of
 * them) while there is a composition, completions while a word is half typed,
 * next words otherwise.
 */
export function suggestionsFor(
  predictor: Predictor,
  state: EntryState,
  before: string,
  pageSize: number,
): { suggestions: Suggestion[]; more: boolean } {
  if (state.mode === 'pinyin') {
    if (state.composition === '') return { suggestions: predictor.next('zh', before, pageSize), more: false };
    const wanted = (state.page + 1) * pageSize;
    const all = predictor.complete('zh', state.composition, before, wanted + 1);
    const page = all.slice(state.page * pageSize, wanted);
    return { suggestions: page, more: all.length > wanted };
  }
  const word = partialWord(before);
  const head = before.slice(0, before.length - word.length);
  return {
    suggestions:
      word === ''
        ? predictor.next('en', before, pageSize)
        : predictor.complete('en', word, head, pageSize).map((s) => ({ ...s, consumed: word.length })),
    more: false,
  };
}

/** The renderer keyboard's editing rules (renderer/a11y/scan/keyboard-layout.ts applyKey), unchanged. */
export function applyKey(
  state: TextState,
  action: Extract<EntryKeyAction, { type: 'char' | 'text' | 'space' | 'backspace' | 'newline' }>,
): Edited {
  const { value } = state;
  const { before, after, start } = split(state);
  const end = value.length - after.length;
  const insert = (text: string): Edited => ({ value: before + text + after, caret: start + text.length });
  switch (action.type) {
    case 'char':
      return insert(action.char);
    case 'space':
      return insert(' ');
    case 'newline':
      return insert('\n');
    case 'text': {
      const lead = before === '' || /\s$/.test(before) ? '' : ' ';
      const trail = /^[\p{L}\p{N}]/u.test(after) ? ' ' : '';
      return insert(lead + action.text + trail);
    }
    case 'backspace': {
      if (start !== end) return insert('');
      if (start === 0) return { value, caret: 0 };
      const cut = before.length - (Array.from(before).at(-1)?.length ?? 1);
      return { value: value.slice(0, cut) + after, caret: cut };
    }
  }
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}
