/**
 * Scan-ordered keyboard layouts as plain data. A row-column user pays about
 * row + column + 2 highlights for a key, so the keys typed most sit nearest the
 * top-left corner, filled diagonal by diagonal: looks come second. Row 0 is
 * always the suggestion row (predictions, or pinyin candidates), filled at run time.
 */

export type EntryMode = 'latin' | 'pinyin';

export type EntryKeyAction =
  // The renderer keyboard's own actions (renderer/a11y/scan/keyboard-layout.ts), same meaning.
  | { readonly type: 'char'; readonly char: string }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'space' }
  | { readonly type: 'backspace' }
  | { readonly type: 'newline' }
  /** Punctuation that takes the place of the space a chosen suggestion left. */
  | { readonly type: 'punct'; readonly char: string }
  /** The suggestion row's n-th entry. */
  | { readonly type: 'suggestion'; readonly slot: number }
  | { readonly type: 'more' }
  /** Drops the pinyin typed so far. */
  | { readonly type: 'clear' }
  | { readonly type: 'shift' }
  | { readonly type: 'mode'; readonly mode: EntryMode }
  /** Newline in a text area, submit in a single-line field: the component decides. */
  | { readonly type: 'enter' }
  | { readonly type: 'close' };

export interface LayoutKey {
  readonly id: string;
  /** Shown and spoken as is (letters, punctuation, suggestions). */
  readonly label?: string;
  /** Or an a11y-namespace key to translate (Space, Delete…). */
  readonly labelKey?: string;
  readonly action: EntryKeyAction;
}

export interface LayoutRow {
  /** Stable name; the row's accessible name is a11y:keyboard.rows.<id>. */
  readonly id: string;
  readonly keys: readonly LayoutKey[];
}

export interface KeyboardLayout {
  readonly id: string;
  readonly mode: EntryMode;
  readonly rows: readonly LayoutRow[];
}

export const suggestionRowId = 'suggestions';

/**
 * Suggestions a page, laid out in rows of `suggestionsPerRow`: the bench
 * (tests/bench/text-entry.bench.ts) measured two rows of eight against one row
 * of 6, 8 or 10 and three rows: as quick as one row, and fewer presses.
 */
export const suggestionsPerPage = 16;
export const suggestionsPerRow = 8;

const letter = (c: string): LayoutKey => ({ id: c, label: c, action: { type: 'char', char: c } });
const punct = (c: string, id = c): LayoutKey => ({ id, label: c, action: { type: 'punct', char: c } });
const named = (id: string, action: EntryKeyAction): LayoutKey => ({
  id,
  labelKey: `keyboard.keys.${id}`,
  action,
});

const space = named('space', { type: 'space' });
const backspace = named('backspace', { type: 'backspace' });
const shift = named('shift', { type: 'shift' });
const enter = named('enter', { type: 'enter' });
const close = named('close', { type: 'close' });
const clear = named('clear', { type: 'clear' });
const suggestionRow: LayoutRow = { id: suggestionRowId, keys: [] };
const digits: LayoutRow = { id: 'digits', keys: [...'1234567890'].map(letter) };

/** Cell by symbol, the symbol list being written out by rows (so the data reads as the keyboard looks). */
function rows(spec: Record<string, readonly (string | LayoutKey)[]>): LayoutRow[] {
  return Object.entries(spec).map(([id, keys]) => ({
    id,
    keys: keys.map((k) => (typeof k === 'string' ? letter(k) : k)),
  }));
}

/**
 * English letters by their frequency in English text (e t a o i n s h r…),
 * with Space first: it ends every word that a suggestion does not.
 */
export const latinLayout: KeyboardLayout = {
  id: 'latinFrequent',
  mode: 'latin',
  rows: [
    suggestionRow,
    ...rows({
      lettersFrequent: [space, 'e', 'a', 'n', 'd', 'u', 'g', 'b'],
      lettersCommon: ['t', 'o', 's', 'l', 'm', 'y', punct(','), 'k'],
      lettersLess: ['i', 'h', backspace, 'w', 'p', shift, punct('?'), 'j'],
      lettersRare: ['r', 'c', 'f', punct('.'), 'v', "'", 'x', 'q', 'z'],
      controls: [named('pinyin', { type: 'mode', mode: 'pinyin' }), enter, close],
    }),
    digits,
    ...rows({ symbols: [punct('!'), '-', '@', '_', '/', punct(':'), punct(';'), '&', '#'] }),
  ],
};

/**
 * Pinyin letters by how often they start and spell syllables (n i z s g h a y
 * j…, from the dictionary's readings weighted by log frequency, initials
 * counted twice), with the Chinese full stop and comma placed by how often
 * replies use them, and Delete and Clear for starting a spelling over.
 */
export const pinyinLayout: KeyboardLayout = {
  id: 'pinyinFrequent',
  mode: 'pinyin',
  rows: [
    suggestionRow,
    ...rows({
      pinyinFrequent: ['n', 'i', 's', 'a', 'd', 'c', 'q', 'm'],
      pinyinCommon: ['z', 'g', 'y', 'x', 'b', punct('。', 'fullStop'), 'f', 'r'],
      pinyinLess: ['h', 'j', punct('，', 'comma'), 'e', 't', backspace, 'k', punct('？', 'question')],
      pinyinRare: ['u', 'l', 'o', 'w', clear, 'p', punct('！', 'exclamation'), 'v'],
      controls: [named('latin', { type: 'mode', mode: 'latin' }), space, enter, close],
    }),
    digits,
  ],
};

/** The on-screen keyboard as it was: alphabetical rows, no suggestions. The bench's baseline. */
export const alphabeticalLayout: KeyboardLayout = {
  id: 'alphabetical',
  mode: 'latin',
  rows: rows({
    letters1: [...'abcdefghi'],
    letters2: [...'jklmnopqr'],
    letters3: [...'stuvwxyz-'],
    digits: [...'1234567890'],
    punctuation: [...".,?!'@_/:"],
    edit: [space, backspace, enter, shift, close],
  }),
};

/** The same pinyin keys with zh, ch, sh and common finals as keys of their own: measured by the bench. */
export const pinyinDigraphLayout: KeyboardLayout = {
  id: 'pinyinDigraphs',
  mode: 'pinyin',
  rows: [
    ...pinyinLayout.rows.slice(0, 5),
    ...rows({ pinyinChunks: ['zh', 'sh', 'ch', 'ng', 'an', 'en', 'ao', 'ai'] }),
    ...pinyinLayout.rows.slice(5),
  ],
};

/**
 * The rows with the suggestions filled in. The first `solo` suggestions get a
 * row each (one highlight and one press away); the rest share rows of at most
 * `perRow` (the first keeps the id 'suggestions', then 'suggestions2'…), and
 * More, when the candidates have a further page, ends the last of them.
 */
export function withSuggestions(
  layout: KeyboardLayout,
  suggestions: readonly string[],
  more: boolean,
  solo = 0,
  perRow = suggestionsPerRow,
): LayoutRow[] {
  const keys: LayoutKey[] = suggestions.map((text, slot) => ({
    id: `suggestion-${slot}`,
    label: text,
    action: { type: 'suggestion', slot },
  }));
  const alone = keys
    .slice(0, solo)
    .map((key, i): LayoutRow => ({ id: `${suggestionRowId}Best${i + 1}`, keys: [key] }));
  const rest = keys.slice(solo);
  const shared: LayoutKey[][] = [];
  for (let i = 0; i === 0 || i < rest.length; i += perRow) shared.push(rest.slice(i, i + perRow));
  if (more) shared.at(-1)?.push(named('more', { type: 'more' }));
  const rows = shared.map((row, i): LayoutRow => ({
    id: i === 0 ? suggestionRowId : `${suggestionRowId}${i + 1}`,
    keys: row,
  }));
  return layout.rows.flatMap((row) => (row.id === suggestionRowId ? [...alone, ...rows] : [row]));
}
