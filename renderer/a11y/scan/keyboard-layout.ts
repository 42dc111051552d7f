/**
 * The on-screen keyboard's layout and editing rules, kept free of the DOM so
 * they can be unit-tested. Rows are short (at most ten keys) because a
 * row-column user pays one highlight per key before the one they want.
 */

export type KeyAction =
  | { readonly type: 'char'; readonly char: string }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'space' }
  | { readonly type: 'backspace' }
  | { readonly type: 'newline' };

export type KeyboardRowId = 'letters1' | 'letters2' | 'letters3' | 'digits' | 'punctuation';

export const characterRows: readonly { readonly id: KeyboardRowId; readonly keys: readonly string[] }[] = [
  { id: 'letters1', keys: [...'abcdefghi'] },
  { id: 'letters2', keys: [...'jklmnopqr'] },
  { id: 'letters3', keys: [...'stuvwxyz-'] },
  { id: 'digits', keys: [...'1234567890'] },
  { id: 'punctuation', keys: [...".,?!'@_/:"] },
];

export interface TextState {
  readonly value: string;
  /** Selection as the field reports it; null for fields without a caret (e.g. type=email in Chromium). */
  readonly start: number | null;
  readonly end: number | null;
}

export interface Edited {
  readonly value: string;
  readonly caret: number;
}

/**
 * What a key does to a field: replaces the selection (or inserts at the caret;
 * at the end when the field has no caret), and Delete removes the selection
 * or the character before the caret, a whole surrogate pair at once.
 */
export function applyKey(state: TextState, action: KeyAction): Edited {
  const { value } = state;
  const end = clamp(state.end ?? value.length, value.length);
  const start = Math.min(clamp(state.start ?? end, value.length), end);
  const insert = (text: string): Edited => ({
    value: value.slice(0, start) + text + value.slice(end),
    caret: start + text.length,
  });
  switch (action.type) {
    case 'char':
      return insert(action.char);
    case 'space':
      return insert(' ');
    case 'newline':
      return insert('\n');
    case 'text':
      return insert(joinPhrase(value.slice(0, start), action.text, value.slice(end)));
    case 'backspace': {
      if (start !== end) return insert('');
      if (start === 0) return { value, caret: 0 };
      const before = value.slice(0, start);
      const cut = before.length - (Array.from(before).at(-1)?.length ?? 1);
      return { value: value.slice(0, cut) + value.slice(end), caret: cut };
    }
  }
}

/** A phrase lands as its own words: spaced from words on either side, never doubling a space. */
function joinPhrase(before: string, phrase: string, after: string): string {
  const lead = before === '' || /\s$/.test(before) ? '' : ' ';
  // Before a word it needs a space; before punctuation or a space it needs none.
  const trail = /^[\p{L}\p{N}]/u.test(after) ? ' ' : '';
  return lead + phrase + trail;
}

export function withCase(char: string, capitals: boolean): string {
  return capitals ? char.toUpperCase() : char;
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}
