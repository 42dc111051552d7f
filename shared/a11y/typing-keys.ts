import { resolveKeyMap, switchActions, type ScanSettings, type SwitchAction } from './scan-settings';

/**
 * Which switch inputs typing also needs. A switch interface box often sends
 * Space or Enter; scanning takes those keys, so the worker must be told what
 * they lose (a space in a note, Enter submitting a form) and offered keys that
 * typing never uses.
 */
export type TypingKeyKind = 'space' | 'enter' | 'letter' | 'digit' | 'punctuation' | 'editing';

const punctuation = new Set([
  'Minus',
  'Equal',
  'BracketLeft',
  'BracketRight',
  'Backslash',
  'Semicolon',
  'Quote',
  'Backquote',
  'Comma',
  'Period',
  'Slash',
  'IntlBackslash',
  'IntlRo',
  'IntlYen',
  'NumpadAdd',
  'NumpadSubtract',
  'NumpadMultiply',
  'NumpadDivide',
  'NumpadDecimal',
  'NumpadComma',
  'NumpadEqual',
]);
const editing = new Set([
  'Tab',
  'Backspace',
  'Delete',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
]);

/** null: typing never uses this input (F13, a gamepad button, a mouse button…). */
export function typingKeyKind(input: string): TypingKeyKind | null {
  if (input === 'Space') return 'space';
  if (input === 'Enter' || input === 'NumpadEnter') return 'enter';
  if (/^Key[A-Z]$/.test(input)) return 'letter';
  if (/^(?:Digit|Numpad)\d$/.test(input)) return 'digit';
  if (punctuation.has(input)) return 'punctuation';
  if (editing.has(input)) return 'editing';
  return null;
}

export const isTypingKey = (input: string): boolean => typingKeyKind(input) !== null;

/** Offered instead of a typing key, in this order: keys no keyboard layout types with, then non-keys. */
export const suggestedSwitchInputs = [
  'F13',
  'F14',
  'F15',
  'F24',
  'F9',
  'gamepad:0',
  'mouse:primary',
] as const;

export interface SwitchKeyUse {
  readonly input: string;
  readonly action: SwitchAction;
  readonly typing: TypingKeyKind | null;
}

/** The worker's switches in action order (Select first), each with what typing loses to it. */
export function describeKeyMap(settings: ScanSettings): SwitchKeyUse[] {
  const order = (action: SwitchAction) => switchActions.indexOf(action);
  return [...resolveKeyMap(settings)]
    .map(([input, action]) => ({ input, action, typing: typingKeyKind(input) }))
    .sort((a, b) => order(a.action) - order(b.action) || a.input.localeCompare(b.input));
}

/** Where focus is when a switch key arrives. */
export interface KeyContext {
  /** Focus is in a field that takes typed text. */
  readonly inTextField: boolean;
  /** The on-screen keyboard is open: typing goes through it, so switches are switches. */
  readonly keyboardOpen: boolean;
}

/**
 * Whether a switch key goes to the text field instead of scanning. Only with
 * switchKeysType on, only a key typing needs, only in a text field and only
 * while the on-screen keyboard is closed: everywhere else a switch is a switch.
 */
export function switchKeyTypes(settings: ScanSettings, input: string, where: KeyContext): boolean {
  return settings.switchKeysType && where.inTextField && !where.keyboardOpen && isTypingKey(input);
}
