import { resolveKeyMap, type ScanSettings, type SwitchAction, type SwitchPress } from './scan-settings';

/**
 * Raw switch signals as the renderer sees them: `input` is a KeyboardEvent.code,
 * `gamepad:<index>` or `mouse:primary`. `reset` is for window blur, when the
 * matching key-up will never arrive.
 */
export type RawSwitchEvent =
  | { readonly type: 'down'; readonly input: string; readonly at: number; readonly repeat?: boolean }
  | { readonly type: 'up'; readonly input: string; readonly at: number }
  | { readonly type: 'tick'; readonly at: number }
  | { readonly type: 'reset' };

interface Held {
  readonly since: number;
  /** accepted: already turned into a press; ignored: filtered out, waits only for its key-up. */
  readonly status: 'pending' | 'accepted' | 'ignored';
}

export interface SwitchInputState {
  readonly keyMap: ReadonlyMap<string, SwitchAction>;
  readonly holdMs: number;
  readonly ignoreRepeatMs: number;
  readonly held: ReadonlyMap<string, Held>;
  readonly lastAcceptedAt: number | null;
}

export interface SwitchInputResult {
  readonly state: SwitchInputState;
  readonly presses: readonly SwitchPress[];
  /** The event belongs to a switch: the binding should preventDefault it even when it was filtered out. */
  readonly consumed: boolean;
  readonly nextDeadline: number | null;
}

export function createSwitchInput(settings: ScanSettings): SwitchInputState {
  return {
    keyMap: resolveKeyMap(settings),
    holdMs: settings.holdMs,
    ignoreRepeatMs: settings.ignoreRepeatMs,
    held: new Map(),
    lastAcceptedAt: null,
  };
}

/**
 * Hold time: a press counts once the switch has been down holdMs (on the tick at
 * that deadline, or at key-up if the timer was late), so feedback comes while
 * the user is still pressing. Ignore-repeat: a press whose key-down comes less
 * than ignoreRepeatMs after the previous accepted press is dropped, whichever
 * switch it is on, because tremor does not aim.
 */
export function reduceSwitchInput(state: SwitchInputState, event: RawSwitchEvent): SwitchInputResult {
  const held = new Map(state.held);
  const presses: SwitchPress[] = [];
  let lastAcceptedAt = state.lastAcceptedAt;
  const accept = (action: SwitchAction, at: number): void => {
    presses.push({ type: 'press', action, at });
    lastAcceptedAt = at;
  };
  let consumed = false;

  switch (event.type) {
    case 'down': {
      const action = state.keyMap.get(event.input);
      if (action === undefined) break;
      consumed = true;
      if (event.repeat === true && held.has(event.input)) break;
      const tooSoon = lastAcceptedAt !== null && event.at - lastAcceptedAt < state.ignoreRepeatMs;
      if (tooSoon) held.set(event.input, { since: event.at, status: 'ignored' });
      else if (state.holdMs === 0) {
        held.set(event.input, { since: event.at, status: 'accepted' });
        accept(action, event.at);
      } else held.set(event.input, { since: event.at, status: 'pending' });
      break;
    }
    case 'up': {
      const action = state.keyMap.get(event.input);
      if (action === undefined) break;
      consumed = true;
      const entry = held.get(event.input);
      held.delete(event.input);
      if (entry?.status === 'pending' && event.at - entry.since >= state.holdMs) accept(action, event.at);
      break;
    }
    case 'tick':
      for (const [input, entry] of held) {
        const action = state.keyMap.get(input);
        if (entry.status !== 'pending' || action === undefined || event.at - entry.since < state.holdMs)
          continue;
        held.set(input, { since: entry.since, status: 'accepted' });
        accept(action, event.at);
      }
      break;
    case 'reset':
      held.clear();
      break;
  }

  const next: SwitchInputState = { ...state, held, lastAcceptedAt };
  return { state: next, presses, consumed, nextDeadline: switchInputDeadline(next) };
}

export function switchInputDeadline(state: SwitchInputState): number | null {
  let deadline: number | null = null;
  for (const entry of state.held.values()) {
    if (entry.status !== 'pending') continue;
    const due = entry.since + state.holdMs;
    if (deadline === null || due < deadline) deadline = due;
  }
  return deadline;
}
