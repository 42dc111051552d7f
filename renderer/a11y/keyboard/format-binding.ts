/**
 * Canonical bindings (`Ctrl+Shift+Slash`, `F8 1`) as people read them and as
 * aria-keyshortcuts wants them. Pure, so the palette, the settings and tests
 * agree on one spelling.
 */

/** Punctuation keys by code: the character both people and aria-keyshortcuts expect. */
const punctuation: Readonly<Record<string, string>> = {
  Slash: '/',
  Backslash: '\\',
  Comma: ',',
  Period: '.',
  Semicolon: ';',
  Quote: "'",
  BracketLeft: '[',
  BracketRight: ']',
  Minus: '-',
  Equal: '=',
  Backquote: '`',
};

const printable: Readonly<Record<string, string>> = {
  ...punctuation,
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
  CapsLock: 'Caps Lock',
};

/** One stroke for the eye: `Ctrl+Slash` → `Ctrl+/`. */
export function displayStroke(stroke: string): string {
  const parts = stroke.split('+');
  const key = parts.pop() ?? '';
  return [...parts, printable[key] ?? key].join('+');
}

/** A binding as a list of strokes to show one after another. */
export function displayStrokes(binding: string): string[] {
  return binding.split(' ').map(displayStroke);
}

/** `F8 1` → `F8 then 1`, with `then` in the user's language. */
export function describeBinding(binding: string, then: string): string {
  return displayStrokes(binding).join(` ${then} `);
}

const ariaModifiers: Readonly<Record<string, string>> = {
  Ctrl: 'Control',
  Alt: 'Alt',
  Shift: 'Shift',
  Meta: 'Meta',
};

/**
 * aria-keyshortcuts separates alternatives with spaces, so it cannot express a
 * sequence: only single-stroke bindings go in; the visible text shows the rest.
 */
export function toAriaKeyShortcuts(bindings: readonly string[]): string | undefined {
  const chords = bindings
    .filter((b) => !b.includes(' '))
    .map((b) => {
      const parts = b.split('+');
      const key = parts.pop() ?? '';
      return [...parts.map((m) => ariaModifiers[m] ?? m), punctuation[key] ?? key].join('+');
    });
  return chords.length > 0 ? chords.join(' ') : undefined;
}
