import type { BreakReason, ClockFlag, ClockKind, IgnoredReason } from './clock-event';
import { noticeableSkewMs } from '../clock-skew';

/**
 * A worker's shift as a state machine over their clock events:
 * off → on shift ⇄ break → off. Pure, and folded over the events in device
 * time order (`deriveShifts`), so the same events give the same shifts
 * whatever order they reached the hub in, and days of offline events that
 * arrive late rebuild the week as it happened. "Available or busy" while on
 * shift is not a clock event: it comes from the tickets and the live room
 * (see `onShiftActivity`).
 */

export type ShiftState =
  | {
      kind: 'off';
      /** The clock-out (or the edited end); null before any event. */
      since: number | null;
      /** A supervisor's edited end closed the last shift: its late events are "after the edited end". */
      closedByEdit: boolean;
    }
  | { kind: 'on'; since: number; shiftKey: string }
  | { kind: 'break'; since: number; shiftKey: string; reason: BreakReason | null };

export const offState: ShiftState = { kind: 'off', since: null, closedByEdit: false };

/** What the machine needs of an event. */
export interface ClockStepEvent {
  /** The command id: a clock-in's becomes the shift's key. */
  commandId: string;
  kind: ClockKind;
  deviceAt: number;
  breakReason: BreakReason | null;
}

export type ClockStep = { ok: true; state: ShiftState } | { ok: false; reason: IgnoredReason };

/** The next state, or why the event cannot apply in this one. */
export function applyClockEvent(state: ShiftState, event: ClockStepEvent): ClockStep {
  const at = event.deviceAt;
  switch (state.kind) {
    case 'off':
      if (event.kind === 'in')
        return { ok: true, state: { kind: 'on', since: at, shiftKey: event.commandId } };
      return { ok: false, reason: state.closedByEdit ? 'after_edited_end' : 'not_clocked_in' };
    case 'on':
      switch (event.kind) {
        case 'in':
          return { ok: false, reason: 'already_clocked_in' };
        case 'break_start':
          return {
            ok: true,
            state: { kind: 'break', since: at, shiftKey: state.shiftKey, reason: event.breakReason },
          };
        case 'break_end':
          return { ok: false, reason: 'not_on_break' };
        case 'out':
          return { ok: true, state: { kind: 'off', since: at, closedByEdit: false } };
      }
      break;
    case 'break':
      switch (event.kind) {
        case 'in':
          return { ok: false, reason: 'already_clocked_in' };
        case 'break_start':
          return { ok: false, reason: 'already_on_break' };
        case 'break_end':
          return { ok: true, state: { kind: 'on', since: at, shiftKey: state.shiftKey } };
        case 'out':
          return { ok: true, state: { kind: 'off', since: at, closedByEdit: false } };
      }
  }
  // Unreachable for a well-typed event; kept so a new kind fails loudly rather than silently.
  throw new Error(`unknown clock event kind ${String(event.kind)}`);
}

/** A clock event as the hub keeps it: device time, its counter, and when the hub received it. */
export interface ClockEvent extends ClockStepEvent {
  deviceId: string;
  counter: number;
  /** The hub's clock when it arrived. */
  receivedAt: number;
  /** The workstation's last measured hub − device skew; null if it had none. */
  deviceSkewMs: number | null;
}

/** A supervisor's times for a shift; the newest (highest id) of a shift's wins. */
export interface ShiftOverride {
  id: number;
  shiftKey: string;
  startedAt: number;
  endedAt: number;
}

export interface ShiftBreak {
  start: number;
  end: number | null;
  reason: BreakReason | null;
}

export interface DerivedShift {
  shiftKey: string;
  startedAt: number;
  endedAt: number | null;
  breaks: ShiftBreak[];
  /** An open shift's figures run to the derivation's `now`. */
  workedMs: number;
  breakMs: number;
  flags: ClockFlag[];
  edited: boolean;
  /** Command ids of the events it was built from (applied or not), in device time order. */
  events: string[];
}

export interface IgnoredEvent {
  commandId: string;
  reason: IgnoredReason;
}

export interface Derivation {
  shifts: DerivedShift[];
  ignored: IgnoredEvent[];
  /** Each event's flags by command id, in device time order (every event has an entry). */
  flags: Map<string, ClockFlag[]>;
  /** The state after the last event (and any edited end already past at `now`). */
  state: ShiftState;
}

const flagOrder: readonly ClockFlag[] = ['future', 'skewed', 'backwards'];

/**
 * The skew flags of one event against the hub's clock when it arrived:
 * `future` when the device time is more than 2 minutes past the hub's,
 * `skewed` when the workstation's own measured skew is over 2 minutes,
 * `backwards` when it is earlier than an event of a lower counter from the
 * same device (`latestEarlier`: the latest device time among those).
 * Flags never make the hub refuse a record; a supervisor sees them.
 */
export function skewFlags(
  event: Pick<ClockEvent, 'deviceAt' | 'receivedAt' | 'deviceSkewMs'>,
  latestEarlier: number | null,
): ClockFlag[] {
  const flags: ClockFlag[] = [];
  if (event.deviceAt > event.receivedAt + noticeableSkewMs) flags.push('future');
  if (event.deviceSkewMs !== null && Math.abs(event.deviceSkewMs) > noticeableSkewMs) flags.push('skewed');
  if (latestEarlier !== null && event.deviceAt < latestEarlier) flags.push('backwards');
  return flags;
}

/** Device time first, then the counter; device and command id only make the order total. */
export function compareClockEvents(a: ClockEvent, b: ClockEvent): number {
  return (
    a.deviceAt - b.deviceAt ||
    a.counter - b.counter ||
    (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0) ||
    (a.commandId < b.commandId ? -1 : a.commandId > b.commandId ? 1 : 0)
  );
}

function eventFlags(events: readonly ClockEvent[]): Map<string, ClockFlag[]> {
  const byDevice = new Map<string, ClockEvent[]>();
  for (const e of events) {
    const list = byDevice.get(e.deviceId) ?? [];
    list.push(e);
    byDevice.set(e.deviceId, list);
  }
  const flags = new Map<string, ClockFlag[]>();
  for (const list of byDevice.values()) {
    list.sort((a, b) => a.counter - b.counter || compareClockEvents(a, b));
    let latest: number | null = null;
    for (const e of list) {
      flags.set(e.commandId, skewFlags(e, latest));
      latest = latest === null ? e.deviceAt : Math.max(latest, e.deviceAt);
    }
  }
  return flags;
}

/** Worked and break time of a shift with its breaks, up to `until` while it is open. */
export function shiftFigures(
  shift: { startedAt: number; endedAt: number | null; breaks: readonly ShiftBreak[] },
  until: number,
): { workedMs: number; breakMs: number } {
  const end = Math.max(shift.startedAt, shift.endedAt ?? until);
  let breakMs = 0;
  for (const b of shift.breaks) {
    const from = Math.max(shift.startedAt, b.start);
    const to = Math.min(end, b.end ?? end);
    if (to > from) breakMs += to - from;
  }
  return { workedMs: end - shift.startedAt - breakMs, breakMs };
}

interface Building {
  shiftKey: string;
  startedAt: number;
  /** The supervisor's end, when the shift was edited. */
  editedEnd: number | null;
  edited: boolean;
  endedAt: number | null;
  breaks: ShiftBreak[];
  flags: Set<ClockFlag>;
  events: string[];
}

function finish(b: Building, now: number): DerivedShift {
  const endedAt = b.editedEnd ?? b.endedAt;
  const bound = endedAt ?? Math.max(now, b.startedAt);
  // Clipped to the shift (an edited start or end may cut a break), and an open break ends with the shift.
  const breaks: ShiftBreak[] = [];
  for (const br of b.breaks) {
    const start = Math.max(br.start, b.startedAt);
    const rawEnd = br.end ?? endedAt;
    const end = rawEnd === null ? null : Math.min(rawEnd, bound);
    if (end !== null && end <= start) continue;
    if (endedAt !== null && start >= endedAt) continue;
    breaks.push({ start, end, reason: br.reason });
  }
  const shift = { startedAt: b.startedAt, endedAt, breaks };
  return {
    shiftKey: b.shiftKey,
    startedAt: b.startedAt,
    endedAt,
    breaks,
    ...shiftFigures(shift, bound),
    flags: flagOrder.filter((f) => b.flags.has(f)),
    edited: b.edited,
    events: b.events,
  };
}

/**
 * The worker's shifts from all their clock events (any order: they are
 * sorted here by device time, then counter) and a supervisor's overrides.
 * An overridden shift runs exactly from its edited start to its edited end:
 * a clock-in before that end is "already clocked in", and events of the
 * shift after it are "after the edited end".
 */
export function deriveShifts(
  events: readonly ClockEvent[],
  overrides: readonly ShiftOverride[],
  now: number,
): Derivation {
  const sorted = [...events].sort(compareClockEvents);
  const flags = eventFlags(sorted);
  const override = new Map<string, ShiftOverride>();
  for (const o of overrides) {
    const had = override.get(o.shiftKey);
    if (!had || o.id > had.id) override.set(o.shiftKey, o);
  }

  const shifts: DerivedShift[] = [];
  const ignored: IgnoredEvent[] = [];
  let state: ShiftState = offState;
  /**
   * The shift being built: open in the machine, or edited and clocked out
   * before the supervisor's end, which it still runs to.
   */
  let current: Building | null = null;

  const passEditedEnd = (at: number): void => {
    if (current?.editedEnd == null || at < current.editedEnd) return;
    // The supervisor's end has passed: the shift is over, whatever the worker's clock said.
    closedByEdit = finish(current, now);
    shifts.push(closedByEdit);
    state = { kind: 'off', since: current.editedEnd, closedByEdit: true };
    current = null;
  };
  /** The shift an edited end closed: its worker's later events of it still belong to it. */
  let closedByEdit: DerivedShift | null = null;
  const attachClosed = (shift: DerivedShift, e: ClockEvent): void => {
    shift.events.push(e.commandId);
    const seen = new Set([...shift.flags, ...(flags.get(e.commandId) ?? [])]);
    shift.flags = flagOrder.filter((f) => seen.has(f));
  };
  const attach = (b: Building | null, e: ClockEvent): void => {
    if (!b) return;
    b.events.push(e.commandId);
    for (const f of flags.get(e.commandId) ?? []) b.flags.add(f);
  };

  for (const e of sorted) {
    passEditedEnd(e.deviceAt);
    if (e.kind === 'in' && state.kind === 'off' && current) {
      // Clocked out early, but the supervisor says the shift was still running.
      ignored.push({ commandId: e.commandId, reason: 'already_clocked_in' });
      attach(current, e);
      continue;
    }
    const step = applyClockEvent(state, e);
    if (!step.ok) {
      ignored.push({ commandId: e.commandId, reason: step.reason });
      if (step.reason === 'after_edited_end' && closedByEdit) attachClosed(closedByEdit, e);
      else attach(current, e);
      continue;
    }
    state = step.state;
    if (e.kind === 'in') {
      closedByEdit = null;
      const o = override.get(e.commandId);
      current = {
        shiftKey: e.commandId,
        startedAt: o ? o.startedAt : e.deviceAt,
        editedEnd: o ? o.endedAt : null,
        edited: o !== undefined,
        endedAt: null,
        breaks: [],
        flags: new Set(),
        events: [],
      };
      attach(current, e);
      continue;
    }
    // The machine was on shift or on a break, so a shift is being built.
    const b = current as Building;
    attach(b, e);
    if (e.kind === 'break_start') b.breaks.push({ start: e.deviceAt, end: null, reason: e.breakReason });
    const lastBreak = b.breaks.at(-1);
    if ((e.kind === 'break_end' || e.kind === 'out') && lastBreak && lastBreak.end === null) {
      lastBreak.end = e.deviceAt;
    }
    if (e.kind === 'out') {
      b.endedAt = e.deviceAt;
      if (b.editedEnd === null) {
        shifts.push(finish(b, now));
        current = null;
      }
    }
  }
  passEditedEnd(now);
  if (current) shifts.push(finish(current, now));
  shifts.sort((a, b) => a.startedAt - b.startedAt || (a.shiftKey < b.shiftKey ? -1 : 1));
  return { shifts, ignored, flags, state };
}

/**
 * "Available" or "busy" while on shift: an anchor broadcasting, or an
 * agent whose open tickets reach their limit, is busy. Clock events never
 * say it; the roster and the worker's own view read it from the tickets and
 * the live rooms.
 */
export function onShiftActivity(facts: { live: boolean; atTicketLimit: boolean }): 'available' | 'busy' {
  return facts.live || facts.atTicketLimit ? 'busy' : 'available';
}

/**
 * What the employer's roster shows for a state: a break is only
 * "unavailable". An anchor broadcasting is working whatever their clock
 * says, so a live room is "busy" first.
 */
export function rosterStateOf(
  state: ShiftState,
  facts: { live: boolean; atTicketLimit: boolean },
): 'off' | 'available' | 'busy' | 'unavailable' {
  if (facts.live) return 'busy';
  if (state.kind === 'off') return 'off';
  if (state.kind === 'break') return 'unavailable';
  return onShiftActivity(facts);
}
