import { z } from 'zod';
import { isModifierCode } from './key-filters';

/**
 * Keyboard shortcuts as data: actions with default bindings, the user's
 * remapping, a clash check, and a matcher for chords (`Ctrl+K`) and key
 * sequences (`F6 T`, for users who cannot hold two keys at once).
 *
 * Bindings are code-based (KeyboardEvent.code), so they stay on the same
 * physical key whatever the keyboard layout or IME. Canonical form: modifiers
 * in the order Ctrl, Alt, Shift, Meta, then the key (`KeyK` → `K`,
 * `Digit1` → `1`, anything else its code); a sequence is strokes joined by one space.
 */

export interface KeyStroke {
  readonly code: string;
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
}

/** Structural, so the React side can pass a KeyboardEvent (or a FilteredKeyEvent's parts) straight in. */
export function strokeFromEvent(event: {
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
}): KeyStroke {
  return {
    code: event.code,
    ctrl: event.ctrlKey,
    alt: event.altKey,
    shift: event.shiftKey,
    meta: event.metaKey,
  };
}

export function keyNameOf(code: string): string {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1] !== undefined) return letter[1];
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit?.[1] !== undefined) return digit[1];
  return code;
}

export function strokeToString(stroke: KeyStroke): string {
  const parts: string[] = [];
  if (stroke.ctrl) parts.push('Ctrl');
  if (stroke.alt) parts.push('Alt');
  if (stroke.shift) parts.push('Shift');
  if (stroke.meta) parts.push('Meta');
  parts.push(keyNameOf(stroke.code));
  return parts.join('+');
}

const modifierAliases: Readonly<Record<string, 'ctrl' | 'alt' | 'shift' | 'meta'>> = {
  ctrl: 'ctrl',
  control: 'ctrl',
  alt: 'alt',
  option: 'alt',
  opt: 'alt',
  shift: 'shift',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
  win: 'meta',
  super: 'meta',
  os: 'meta',
};

const keyAliases: Readonly<Record<string, string>> = {
  esc: 'Escape',
  return: 'Enter',
  spacebar: 'Space',
  del: 'Delete',
  ins: 'Insert',
  pgup: 'PageUp',
  pgdn: 'PageDown',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  '/': 'Slash',
  '\\': 'Backslash',
  ',': 'Comma',
  '.': 'Period',
  ';': 'Semicolon',
  "'": 'Quote',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '-': 'Minus',
  '=': 'Equal',
  '`': 'Backquote',
};

const namedKeys = [
  'Escape',
  'Enter',
  'Space',
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'CapsLock',
  'ContextMenu',
];
const punctuationKeys = new Set([
  'Slash',
  'Backslash',
  'Comma',
  'Period',
  'Semicolon',
  'Quote',
  'BracketLeft',
  'BracketRight',
  'Minus',
  'Equal',
  'Backquote',
  'IntlBackslash',
  'IntlRo',
  'IntlYen',
  'Space',
  'NumpadAdd',
  'NumpadSubtract',
  'NumpadMultiply',
  'NumpadDivide',
  'NumpadDecimal',
]);

const namedByLower = new Map(namedKeys.map((k) => [k.toLowerCase(), k] as const));
const otherCodes = new Set(['PrintScreen', 'ScrollLock', 'Pause', 'NumLock']);

function parseKey(token: string): string | null {
  if (/^[a-z]$/i.test(token)) return token.toUpperCase();
  if (/^[0-9]$/.test(token)) return token;
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(token)) return token.toUpperCase();
  const lower = token.toLowerCase();
  const named = keyAliases[lower] ?? namedByLower.get(lower);
  if (named !== undefined) return named;
  // Other keys are written as their KeyboardEvent.code; a typo must not become a dead binding.
  if (/^(?:Key[A-Z]|Digit[0-9])$/.test(token)) return keyNameOf(token);
  if (/^Numpad(?:[0-9]|Add|Subtract|Multiply|Divide|Decimal|Enter|Equal|Comma)$/.test(token)) return token;
  if (punctuationKeys.has(token) || otherCodes.has(token)) return token;
  return null;
}

/** `ctrl+k`, `Control + K`, `cmd+shift+/` → canonical chord; null if it is not one key plus modifiers. */
export function parseChord(text: string): string | null {
  const tokens = text.split('+').map((t) => t.trim());
  const keyToken = tokens.pop();
  if (keyToken === undefined || keyToken === '') return null;
  const mods = { ctrl: false, alt: false, shift: false, meta: false };
  for (const token of tokens) {
    const mod = modifierAliases[token.toLowerCase()];
    if (mod === undefined || mods[mod]) return null;
    mods[mod] = true;
  }
  if (modifierAliases[keyToken.toLowerCase()] !== undefined) return null;
  const key = parseKey(keyToken);
  if (key === null) return null;
  return strokeToString({ code: key, ...mods });
}

export const maxSequenceLength = 4;

/** A chord or a space-separated sequence of chords, canonical; null if invalid. */
export function normalizeBinding(text: string): string | null {
  const strokes = text
    .replace(/\s*\+\s*/g, '+')
    .trim()
    .split(/\s+/)
    .filter((s) => s !== '');
  if (strokes.length === 0 || strokes.length > maxSequenceLength) return null;
  const parsed = strokes.map(parseChord);
  return parsed.every((s): s is string => s !== null) ? parsed.join(' ') : null;
}

interface ParsedStroke {
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
  readonly key: string;
}

/** Splits a canonical stroke (`Ctrl+Shift+K`) back into its parts. */
function splitStroke(stroke: string): ParsedStroke {
  const parts = stroke.split('+');
  const key = parts.pop() ?? '';
  return {
    ctrl: parts.includes('Ctrl'),
    alt: parts.includes('Alt'),
    shift: parts.includes('Shift'),
    meta: parts.includes('Meta'),
    key,
  };
}

const isCharacterKey = (key: string): boolean =>
  /^[A-Z0-9]$/.test(key) || /^Numpad[0-9]$/.test(key) || punctuationKeys.has(key);

/**
 * WCAG 2.1.4: a shortcut made only of keys that type a character (Shift
 * allowed, since it only changes case) fires by accident for speech-input and
 * switch users, so such shortcuts are off unless the user turns them on.
 */
export function isCharacterOnly(binding: string): boolean {
  return binding.split(' ').every((stroke) => {
    const s = splitStroke(stroke);
    return !s.ctrl && !s.alt && !s.meta && isCharacterKey(s.key);
  });
}

export interface ShortcutAction {
  readonly id: string;
  /** Translation key for the settings screen; the registry never shows text itself. */
  readonly labelKey: string;
  readonly defaults: readonly string[];
}

export const shortcutPreferencesSchema = z.object({
  /** WCAG 2.1.4: single-character shortcuts are off until the user turns them on. */
  characterKeys: z.boolean().default(false),
  /** Action id → the user's bindings, replacing the defaults; [] unbinds the action. */
  overrides: z
    .record(
      z.string().min(1).max(100),
      z
        .array(
          z
            .string()
            .max(100)
            .refine((b) => normalizeBinding(b) !== null, 'not a key binding'),
        )
        .max(8),
    )
    .default({}),
  /** Time allowed between the strokes of a sequence; null waits until the next key (Escape cancels). */
  sequenceTimeoutMs: z.number().int().min(500).max(10000).nullable().default(3000),
});
export type ShortcutPreferences = z.infer<typeof shortcutPreferencesSchema>;

export interface ResolvedBinding {
  readonly actionId: string;
  readonly binding: string;
  readonly strokes: readonly string[];
  readonly characterOnly: boolean;
  /** False for a character-only binding while character shortcuts are off. */
  readonly active: boolean;
  readonly source: 'default' | 'user';
}

export interface ShortcutTable {
  /** In action order, then binding order: on a duplicate the first one wins. */
  readonly bindings: readonly ResolvedBinding[];
  readonly invalid: readonly { readonly actionId: string; readonly text: string }[];
  readonly sequenceTimeoutMs: number | null;
}

export function resolveShortcuts(
  actions: readonly ShortcutAction[],
  preferences: Partial<ShortcutPreferences> = {},
): ShortcutTable {
  const prefs = shortcutPreferencesSchema.parse(preferences);
  const bindings: ResolvedBinding[] = [];
  const invalid: { actionId: string; text: string }[] = [];
  for (const action of actions) {
    const user = prefs.overrides[action.id];
    const source = user === undefined ? 'default' : 'user';
    const seen = new Set<string>();
    for (const text of user ?? action.defaults) {
      const binding = normalizeBinding(text);
      if (binding === null) {
        invalid.push({ actionId: action.id, text });
        continue;
      }
      if (seen.has(binding)) continue;
      seen.add(binding);
      const characterOnly = isCharacterOnly(binding);
      bindings.push({
        actionId: action.id,
        binding,
        strokes: binding.split(' '),
        characterOnly,
        active: prefs.characterKeys || !characterOnly,
        source,
      });
    }
  }
  return { bindings, invalid, sequenceTimeoutMs: prefs.sequenceTimeoutMs };
}

export type ScreenReader = 'NVDA' | 'JAWS' | 'Narrator' | 'VoiceOver';

export type ScreenReaderReason =
  'screen-reader-key' | 'table-navigation' | 'voiceover-keys' | 'toggle' | 'quick-navigation';

export type ShortcutClash =
  | { readonly kind: 'duplicate'; readonly binding: string; readonly actionIds: readonly string[] }
  | {
      readonly kind: 'prefix';
      /** Matching `binding` must wait for the timeout, in case `longer` is coming. */
      readonly binding: string;
      readonly longer: string;
      readonly actionIds: readonly [string, string];
    }
  | {
      readonly kind: 'screen-reader';
      readonly binding: string;
      readonly actionId: string;
      readonly reason: ScreenReaderReason;
      readonly screenReaders: readonly ScreenReader[];
    };

const arrows = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/** Keys that a running screen reader takes before the app sees them, or that it needs for itself. */
export function screenReaderConflicts(
  binding: string,
): { reason: ScreenReaderReason; screenReaders: ScreenReader[] }[] {
  const found: { reason: ScreenReaderReason; screenReaders: ScreenReader[] }[] = [];
  const add = (reason: ScreenReaderReason, screenReaders: ScreenReader[]): void => {
    if (!found.some((f) => f.reason === reason)) found.push({ reason, screenReaders });
  };
  for (const stroke of binding.split(' ')) {
    const s = splitStroke(stroke);
    // Insert and CapsLock are the NVDA/JAWS/Narrator modifier; Numpad0 is Insert with NumLock off.
    if (s.key === 'Insert') add('screen-reader-key', ['NVDA', 'JAWS', 'Narrator']);
    if (s.key === 'Numpad0') add('screen-reader-key', ['NVDA', 'JAWS']);
    if (s.key === 'CapsLock') add('screen-reader-key', ['NVDA', 'JAWS', 'Narrator', 'VoiceOver']);
    if (s.ctrl && s.alt && arrows.has(s.key)) add('table-navigation', ['NVDA', 'JAWS']);
    if (s.ctrl && s.alt) add('voiceover-keys', ['VoiceOver']);
    if (s.ctrl && s.meta && s.key === 'Enter') add('toggle', ['Narrator']);
    if (s.meta && !s.ctrl && !s.alt && s.key === 'F5') add('toggle', ['VoiceOver']);
    if (s.ctrl && s.alt && !s.shift && !s.meta && s.key === 'N') add('toggle', ['NVDA']);
  }
  // Browse-mode quick navigation (H for heading, K for link…) eats plain letters and digits.
  const first = splitStroke(binding.split(' ')[0] ?? '');
  if (!first.ctrl && !first.alt && !first.meta && /^[A-Z0-9]$/.test(first.key)) {
    add('quick-navigation', ['NVDA', 'JAWS', 'Narrator']);
  }
  return found;
}

/** Every problem in a table: one binding on two actions, a binding that shadows a longer one, screen-reader keys. */
export function findClashes(table: ShortcutTable): ShortcutClash[] {
  const clashes: ShortcutClash[] = [];
  const byBinding = new Map<string, string[]>();
  for (const b of table.bindings) byBinding.set(b.binding, [...(byBinding.get(b.binding) ?? []), b.actionId]);
  for (const [binding, actionIds] of byBinding) {
    if (actionIds.length > 1) clashes.push({ kind: 'duplicate', binding, actionIds });
  }
  for (const short of table.bindings) {
    for (const long of table.bindings) {
      const isPrefix =
        long.strokes.length > short.strokes.length && short.strokes.every((s, i) => long.strokes[i] === s);
      if (isPrefix) {
        clashes.push({
          kind: 'prefix',
          binding: short.binding,
          longer: long.binding,
          actionIds: [short.actionId, long.actionId],
        });
      }
    }
  }
  for (const b of table.bindings) {
    for (const conflict of screenReaderConflicts(b.binding)) {
      clashes.push({ kind: 'screen-reader', binding: b.binding, actionId: b.actionId, ...conflict });
    }
  }
  return clashes;
}

export interface ShortcutMatcherState {
  readonly table: ShortcutTable;
  /** Strokes typed so far of a sequence that may still complete. */
  readonly pending: readonly string[];
  /** A binding equal to `pending` that waits because a longer one starts the same way. */
  readonly pendingMatch: string | null;
  readonly nextDeadline: number | null;
}

export type ShortcutMatcherEvent =
  | {
      readonly type: 'key';
      readonly stroke: KeyStroke;
      readonly at: number;
      /** Focus is in a text field: character-only bindings must let the character through. */
      readonly editable?: boolean;
    }
  | { readonly type: 'tick'; readonly at: number };

export interface ShortcutMatchResult {
  readonly state: ShortcutMatcherState;
  /** Action ids to run, in order (two when an ambiguous prefix resolves and a new chord matches at once). */
  readonly actions: readonly string[];
  /** The key was used by a shortcut: the binding should preventDefault it. */
  readonly consumed: boolean;
  readonly nextDeadline: number | null;
}

export function createShortcutMatcher(table: ShortcutTable): ShortcutMatcherState {
  return { table, pending: [], pendingMatch: null, nextDeadline: null };
}

export function reduceShortcutMatcher(
  state: ShortcutMatcherState,
  event: ShortcutMatcherEvent,
): ShortcutMatchResult {
  const actions: string[] = [];
  const cleared: ShortcutMatcherState = { ...state, pending: [], pendingMatch: null, nextDeadline: null };
  const expired = state.nextDeadline !== null && event.at >= state.nextDeadline;
  const flush = (): void => {
    if (state.pendingMatch !== null) actions.push(state.pendingMatch);
  };

  if (event.type === 'tick') {
    if (!expired) return { state, actions, consumed: false, nextDeadline: state.nextDeadline };
    flush();
    return { state: cleared, actions, consumed: false, nextDeadline: null };
  }
  if (isModifierCode(event.stroke.code)) {
    return { state, actions, consumed: false, nextDeadline: state.nextDeadline };
  }

  const candidates = state.table.bindings.filter(
    (b) => b.active && !(event.editable === true && b.characterOnly),
  );
  const stroke = strokeToString(event.stroke);
  const attempt = (pending: readonly string[]): ShortcutMatchResult | null => {
    const buffer = [...pending, stroke];
    const same = (b: ResolvedBinding): boolean => buffer.every((s, i) => b.strokes[i] === s);
    const exact = candidates.find((b) => b.strokes.length === buffer.length && same(b));
    const longer = candidates.some((b) => b.strokes.length > buffer.length && same(b));
    if (longer) {
      const timeout = state.table.sequenceTimeoutMs;
      const nextDeadline = timeout === null ? null : event.at + timeout;
      const next = {
        table: state.table,
        pending: buffer,
        pendingMatch: exact?.actionId ?? null,
        nextDeadline,
      };
      return { state: next, actions, consumed: true, nextDeadline };
    }
    if (exact !== undefined) {
      actions.push(exact.actionId);
      return { state: cleared, actions, consumed: true, nextDeadline: null };
    }
    return null;
  };

  const live = expired ? [] : state.pending;
  if (expired) flush();
  if (live.length > 0) {
    const continued = attempt(live);
    if (continued !== null) return continued;
    const { code, ctrl, alt, shift, meta } = event.stroke;
    if (code === 'Escape' && !ctrl && !alt && !shift && !meta) {
      return { state: cleared, actions, consumed: true, nextDeadline: null };
    }
    // The sequence is broken: what it already matched runs, and this key starts afresh.
    flush();
  }
  return attempt([]) ?? { state: cleared, actions, consumed: false, nextDeadline: null };
}
