/**
 * Slow keys and bounce keys for the app's own key handling (shortcuts,
 * switch input, custom widgets), pure over timestamped events. They mirror
 * Windows FilterKeys and macOS Slow Keys for users who brush keys or bounce
 * on them; the OS features remain the way to filter typing into text fields.
 */

export interface KeyFilterSettings {
  /** A key counts only once held this long; 0 is off. */
  readonly slowKeysMs: number;
  /** A key pressed again less than this after its last accepted release is ignored; 0 is off. */
  readonly bounceKeysMs: number;
}

export interface Modifiers {
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
}

/** `key` (KeyboardEvent.key) is carried through for widgets that insert the character themselves. */
export type RawKeyEvent =
  | {
      readonly type: 'down';
      readonly code: string;
      readonly at: number;
      readonly key?: string;
      readonly repeat?: boolean;
    }
  | { readonly type: 'up'; readonly code: string; readonly at: number }
  | { readonly type: 'tick'; readonly at: number }
  /** Window blur: the key-ups will never come, so accepted keys are released now. */
  | { readonly type: 'reset'; readonly at: number };

/** An accepted key event; modifiers reflect accepted modifier keys only, not the raw DOM flags. */
export interface FilteredKeyEvent {
  readonly type: 'down' | 'up';
  readonly code: string;
  readonly at: number;
  readonly key?: string;
  readonly repeat: boolean;
  readonly modifiers: Modifiers;
}

interface KeyHold {
  readonly since: number;
  readonly key?: string;
  readonly status: 'pending' | 'accepted' | 'ignored';
}

export interface KeyFilterState {
  readonly settings: KeyFilterSettings;
  readonly held: ReadonlyMap<string, KeyHold>;
  readonly lastRelease: ReadonlyMap<string, number>;
}

export interface KeyFilterResult {
  readonly state: KeyFilterState;
  readonly events: readonly FilteredKeyEvent[];
  /** The raw event was held back or dropped: the binding should preventDefault it. */
  readonly blocked: boolean;
  readonly nextDeadline: number | null;
}

const modifierOf: Readonly<Record<string, keyof Modifiers>> = {
  ControlLeft: 'ctrl',
  ControlRight: 'ctrl',
  AltLeft: 'alt',
  AltRight: 'alt',
  ShiftLeft: 'shift',
  ShiftRight: 'shift',
  MetaLeft: 'meta',
  MetaRight: 'meta',
  OSLeft: 'meta',
  OSRight: 'meta',
};

export const isModifierCode = (code: string): boolean => code in modifierOf;

export function createKeyFilter(settings: KeyFilterSettings): KeyFilterState {
  return { settings, held: new Map(), lastRelease: new Map() };
}

function modifiersOf(held: ReadonlyMap<string, KeyHold>): Modifiers {
  const mods = { ctrl: false, alt: false, shift: false, meta: false };
  for (const [code, hold] of held) {
    const name = modifierOf[code];
    if (name !== undefined && hold.status === 'accepted') mods[name] = true;
  }
  return mods;
}

export function reduceKeyFilter(state: KeyFilterState, event: RawKeyEvent): KeyFilterResult {
  const { slowKeysMs, bounceKeysMs } = state.settings;
  const held = new Map(state.held);
  const lastRelease = new Map(state.lastRelease);
  const events: FilteredKeyEvent[] = [];
  let blocked = false;
  const emit = (
    type: 'down' | 'up',
    code: string,
    at: number,
    key: string | undefined,
    repeat: boolean,
  ): void => {
    events.push({
      type,
      code,
      at,
      repeat,
      modifiers: modifiersOf(held),
      ...(key === undefined ? {} : { key }),
    });
  };

  switch (event.type) {
    case 'down': {
      const current = held.get(event.code);
      if (event.repeat === true && current !== undefined) {
        if (current.status === 'accepted') emit('down', event.code, event.at, event.key, true);
        else blocked = true;
        break;
      }
      const released = lastRelease.get(event.code);
      if (released !== undefined && event.at - released < bounceKeysMs) {
        held.set(event.code, { since: event.at, status: 'ignored' });
        blocked = true;
      } else if (slowKeysMs === 0) {
        held.set(event.code, { since: event.at, key: event.key, status: 'accepted' });
        emit('down', event.code, event.at, event.key, false);
      } else {
        held.set(event.code, { since: event.at, key: event.key, status: 'pending' });
        blocked = true;
      }
      break;
    }
    case 'up': {
      const hold = held.get(event.code);
      if (hold === undefined) break;
      if (hold.status === 'pending' && event.at - hold.since >= slowKeysMs) {
        // The timer was late: the key did qualify, so it still counts.
        held.set(event.code, { ...hold, status: 'accepted' });
        emit('down', event.code, event.at, hold.key, false);
      }
      const accepted = held.get(event.code)?.status === 'accepted';
      held.delete(event.code);
      if (accepted) {
        emit('up', event.code, event.at, undefined, false);
        lastRelease.set(event.code, event.at);
      } else blocked = true;
      break;
    }
    case 'tick':
      for (const [code, hold] of held) {
        if (hold.status !== 'pending' || event.at - hold.since < slowKeysMs) continue;
        held.set(code, { ...hold, status: 'accepted' });
        emit('down', code, event.at, hold.key, false);
      }
      break;
    case 'reset':
      for (const [code, hold] of held) {
        if (hold.status !== 'accepted') continue;
        held.delete(code);
        emit('up', code, event.at, undefined, false);
      }
      held.clear();
      break;
  }

  const next: KeyFilterState = { ...state, held, lastRelease };
  return { state: next, events, blocked, nextDeadline: keyFilterDeadline(next) };
}

export function keyFilterDeadline(state: KeyFilterState): number | null {
  let deadline: number | null = null;
  for (const hold of state.held.values()) {
    if (hold.status !== 'pending') continue;
    const due = hold.since + state.settings.slowKeysMs;
    if (deadline === null || due < deadline) deadline = due;
  }
  return deadline;
}
