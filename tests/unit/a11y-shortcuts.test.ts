import { describe, expect, it } from 'vitest';
import {
  createShortcutMatcher,
  findClashes,
  isCharacterOnly,
  normalizeBinding,
  reduceShortcutMatcher,
  resolveShortcuts,
  shortcutPreferencesSchema,
  strokeFromEvent,
  type KeyStroke,
  type ShortcutAction,
  type ShortcutMatcherEvent,
  type ShortcutTable,
} from '../../shared/a11y';

describe('binding normalization', () => {
  it('orders modifiers Ctrl, Alt, Shift, Meta and names keys by code', () => {
    expect(normalizeBinding('ctrl+k')).toBe('Ctrl+K');
    expect(normalizeBinding('meta + shift + alt + control + k')).toBe('Ctrl+Alt+Shift+Meta+K');
    expect(normalizeBinding('Cmd+/')).toBe('Meta+Slash');
    expect(normalizeBinding('option+esc')).toBe('Alt+Escape');
    expect(normalizeBinding('Ctrl+KeyK')).toBe('Ctrl+K');
    expect(normalizeBinding('Shift+Digit1')).toBe('Shift+1');
    expect(normalizeBinding('f5')).toBe('F5');
    expect(normalizeBinding('Numpad1')).toBe('Numpad1');
    expect(normalizeBinding('up')).toBe('ArrowUp');
  });

  it('normalizes sequences to single-spaced strokes', () => {
    expect(normalizeBinding('  g   t ')).toBe('G T');
    expect(normalizeBinding('F6 ctrl+t')).toBe('F6 Ctrl+T');
  });

  it('refuses what is not a binding', () => {
    for (const bad of [
      '',
      'Ctrl',
      'Ctrl+Shift',
      'Ctrl+Ctrl+K',
      'Hyper+K',
      'Ctrl+',
      'k k k k k',
      'ControlLeft',
      'é',
    ]) {
      expect(normalizeBinding(bad), bad).toBeNull();
    }
  });

  it('turns a keyboard event into the same canonical stroke', () => {
    const stroke = strokeFromEvent({
      code: 'KeyK',
      ctrlKey: true,
      altKey: false,
      shiftKey: true,
      metaKey: false,
    });
    expect(stroke).toEqual({ code: 'KeyK', ctrl: true, alt: false, shift: true, meta: false });
  });

  it('knows which bindings only type characters (WCAG 2.1.4)', () => {
    expect(isCharacterOnly('K')).toBe(true);
    expect(isCharacterOnly('Shift+K')).toBe(true);
    expect(isCharacterOnly('G T')).toBe(true);
    expect(isCharacterOnly('Slash')).toBe(true);
    expect(isCharacterOnly('Ctrl+K')).toBe(false);
    expect(isCharacterOnly('F6 T')).toBe(false);
    expect(isCharacterOnly('Escape')).toBe(false);
  });
});

const actions: ShortcutAction[] = [
  { id: 'search', labelKey: 'shortcuts.search', defaults: ['Ctrl+K'] },
  { id: 'gotoTickets', labelKey: 'shortcuts.gotoTickets', defaults: ['F6 T', 'g t'] },
  { id: 'help', labelKey: 'shortcuts.help', defaults: ['Shift+/'] },
];

describe('shortcut registry', () => {
  it('keeps character-only shortcuts off by default and on when the user asks', () => {
    const off = resolveShortcuts(actions);
    expect(off.bindings.map((b) => [b.actionId, b.binding, b.active])).toEqual([
      ['search', 'Ctrl+K', true],
      ['gotoTickets', 'F6 T', true],
      ['gotoTickets', 'G T', false],
      ['help', 'Shift+Slash', false],
    ]);
    const on = resolveShortcuts(actions, { characterKeys: true });
    expect(on.bindings.every((b) => b.active)).toBe(true);
  });

  it('lets the user remap or unbind, and reports bindings it cannot read', () => {
    const table = resolveShortcuts(actions, {
      overrides: { search: ['alt+s', 'ctrl+k'], help: [] },
    });
    expect(table.bindings.map((b) => `${b.actionId}=${b.binding}:${b.source}`)).toEqual([
      'search=Alt+S:user',
      'search=Ctrl+K:user',
      'gotoTickets=F6 T:default',
      'gotoTickets=G T:default',
    ]);
    const broken = resolveShortcuts([{ id: 'x', labelKey: 'x', defaults: ['Ctrl+Nope'] }]);
    expect(broken.invalid).toEqual([{ actionId: 'x', text: 'Ctrl+Nope' }]);
    expect(shortcutPreferencesSchema.safeParse({ overrides: { x: ['Ctrl+Nope'] } }).success).toBe(false);
  });

  it('reports one binding on two actions and a binding that shadows a longer one', () => {
    const table = resolveShortcuts([
      { id: 'a', labelKey: 'a', defaults: ['Ctrl+K'] },
      { id: 'b', labelKey: 'b', defaults: ['ctrl+k'] },
      { id: 'c', labelKey: 'c', defaults: ['F6'] },
      { id: 'd', labelKey: 'd', defaults: ['F6 T'] },
    ]);
    expect(findClashes(table)).toEqual([
      { kind: 'duplicate', binding: 'Ctrl+K', actionIds: ['a', 'b'] },
      { kind: 'prefix', binding: 'F6', longer: 'F6 T', actionIds: ['c', 'd'] },
    ]);
  });

  it('reports keys that screen readers take', () => {
    const clashesOf = (binding: string) =>
      findClashes(
        resolveShortcuts([{ id: 'x', labelKey: 'x', defaults: [binding] }], { characterKeys: true }),
      ).map((c) => (c.kind === 'screen-reader' ? `${c.reason}:${c.screenReaders.join('/')}` : c.kind));
    expect(clashesOf('Insert')).toEqual(['screen-reader-key:NVDA/JAWS/Narrator']);
    expect(clashesOf('Shift+CapsLock')).toEqual(['screen-reader-key:NVDA/JAWS/Narrator/VoiceOver']);
    expect(clashesOf('Ctrl+Alt+ArrowLeft')).toEqual([
      'table-navigation:NVDA/JAWS',
      'voiceover-keys:VoiceOver',
    ]);
    expect(clashesOf('Ctrl+Alt+N')).toEqual(['voiceover-keys:VoiceOver', 'toggle:NVDA']);
    expect(clashesOf('Ctrl+Meta+Enter')).toEqual(['toggle:Narrator']);
    expect(clashesOf('Meta+F5')).toEqual(['toggle:VoiceOver']);
    expect(clashesOf('H')).toEqual(['quick-navigation:NVDA/JAWS/Narrator']);
    expect(clashesOf('F6 Insert')).toEqual(['screen-reader-key:NVDA/JAWS/Narrator']);
    expect(clashesOf('Ctrl+K')).toEqual([]);
    expect(clashesOf('Alt+Shift+ArrowUp')).toEqual([]);
  });
});

const key = (code: string, mods: Partial<KeyStroke> = {}): KeyStroke => ({
  code,
  ctrl: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
});

/** Runs matcher events and returns, per event, the actions it fired and whether it consumed the key. */
function match(table: ShortcutTable, events: ShortcutMatcherEvent[]): string[] {
  let state = createShortcutMatcher(table);
  return events.map((event) => {
    const result = reduceShortcutMatcher(state, event);
    state = result.state;
    expect(result.nextDeadline).toBe(state.nextDeadline);
    return `${result.actions.join(',') || '-'}${result.consumed ? '!' : ''}`;
  });
}

describe('shortcut matcher', () => {
  const table = resolveShortcuts(actions);

  it('matches a chord and lets other keys through', () => {
    expect(
      match(table, [
        { type: 'key', stroke: key('ControlLeft', { ctrl: true }), at: 0 },
        { type: 'key', stroke: key('KeyK', { ctrl: true }), at: 10 },
        { type: 'key', stroke: key('KeyK'), at: 20 },
      ]),
    ).toEqual(['-', 'search!', '-']);
  });

  it('matches a sequence within the timeout and forgets it after', () => {
    expect(
      match(table, [
        { type: 'key', stroke: key('F6'), at: 0 },
        { type: 'key', stroke: key('KeyT'), at: 2999 },
        { type: 'key', stroke: key('F6'), at: 5000 },
        { type: 'tick', at: 7999 },
        { type: 'tick', at: 8000 },
        { type: 'key', stroke: key('KeyT'), at: 8001 },
      ]),
    ).toEqual(['-!', 'gotoTickets!', '-!', '-', '-', '-']);
  });

  it('treats a late key after an expired sequence as a fresh start even without a tick', () => {
    expect(
      match(table, [
        { type: 'key', stroke: key('F6'), at: 0 },
        { type: 'key', stroke: key('KeyK', { ctrl: true }), at: 4000 },
      ]),
    ).toEqual(['-!', 'search!']);
  });

  it('runs a shadowed binding on timeout, on a breaking key, and never on Escape', () => {
    const shadow = resolveShortcuts([
      { id: 'short', labelKey: 's', defaults: ['F6'] },
      { id: 'long', labelKey: 'l', defaults: ['F6 T'] },
      { id: 'search', labelKey: 'k', defaults: ['Ctrl+K'] },
    ]);
    expect(
      match(shadow, [
        { type: 'key', stroke: key('F6'), at: 0 },
        { type: 'tick', at: 3000 },
        { type: 'key', stroke: key('F6'), at: 4000 },
        { type: 'key', stroke: key('KeyK', { ctrl: true }), at: 4100 },
        { type: 'key', stroke: key('F6'), at: 5000 },
        { type: 'key', stroke: key('Escape'), at: 5100 },
        { type: 'key', stroke: key('F6'), at: 6000 },
        { type: 'key', stroke: key('KeyT'), at: 6100 },
      ]),
    ).toEqual(['-!', 'short', '-!', 'short,search!', '-!', '-!', '-!', 'long!']);
  });

  it('matches character sequences only when enabled, and never in a text field', () => {
    const on = resolveShortcuts(actions, { characterKeys: true });
    const typed = (t: ShortcutTable, editable: boolean) =>
      match(t, [
        { type: 'key', stroke: key('KeyG'), at: 0, editable },
        { type: 'key', stroke: key('KeyT'), at: 100, editable },
      ]);
    expect(typed(table, false)).toEqual(['-', '-']);
    expect(typed(on, false)).toEqual(['-!', 'gotoTickets!']);
    expect(typed(on, true)).toEqual(['-', '-']);
  });

  it('waits for the next key when the user turned the timeout off', () => {
    const patient = resolveShortcuts(actions, { sequenceTimeoutMs: null });
    expect(
      match(patient, [
        { type: 'key', stroke: key('F6'), at: 0 },
        { type: 'tick', at: 1_000_000 },
        { type: 'key', stroke: key('KeyT'), at: 2_000_000 },
      ]),
    ).toEqual(['-!', '-', 'gotoTickets!']);
  });
});
