import type { BreakReason, LocalClockEvent } from '../../shared/bridge';
import type { ClockKind } from '../../shared/domain/shifts/clock-event';
import type { MyShiftState } from '../../shared/protocol/shifts';

/** What the Shifts view shows as the worker's state, and where it came from. */
export interface ShownShiftState {
  kind: 'off' | 'on' | 'break';
  since: number | null;
  activity: 'available' | 'busy' | null;
  breakReason: BreakReason | null;
  /**
   * `local`: an event the hub has not heard yet decides it (offline, or on its way); `hub`: the hub's
   * fold of every device's events and any supervisor edit.
   */
  source: 'local' | 'hub' | 'none';
}

const kindAfter: Record<ClockKind, ShownShiftState['kind']> = {
  in: 'on',
  break_end: 'on',
  break_start: 'break',
  out: 'off',
};

/**
 * The state to show. The hub's answer is the truth once it has every event
 * (it also knows other devices and edits), so it wins unless this
 * workstation holds a newer event the hub's answer may not reflect yet
 * (waiting to be sent, or delivered after that answer was asked for): that
 * press is what the worker last did, and the view must show it with the hub
 * away, and without flickering back while the hub catches up.
 */
export function shownShiftState(
  local: readonly LocalClockEvent[],
  hub: MyShiftState | null,
  unconfirmed: ReadonlySet<string> = new Set(),
): ShownShiftState {
  const waiting = local.find((e) => e.status === 'pending' || unconfirmed.has(e.commandId));
  if (waiting || !hub) {
    const newest = waiting ?? local[0];
    if (!newest) return { kind: 'off', since: null, activity: null, breakReason: null, source: 'none' };
    const kind = kindAfter[newest.kind];
    return {
      kind,
      since: newest.deviceAt,
      // Busy or not is the hub's knowledge (a live room, a full queue): unknown offline.
      activity: kind === 'on' ? (hub?.kind === 'on' ? hub.activity : 'available') : null,
      breakReason: kind === 'break' ? newest.breakReason : null,
      source: 'local',
    };
  }
  return {
    kind: hub.kind,
    since: hub.since,
    activity: hub.kind === 'on' ? hub.activity : null,
    breakReason: hub.kind === 'break' ? hub.breakReason : null,
    source: 'hub',
  };
}

/** The buttons a state offers, in the order they are shown. */
export function actionsFor(kind: ShownShiftState['kind']): readonly ClockKind[] {
  switch (kind) {
    case 'off':
      return ['in'];
    case 'on':
      return ['break_start', 'out'];
    case 'break':
      return ['break_end', 'out'];
  }
}

/**
 * When the shift now open began, for "on shift since" in the clock-out question: the hub's open
 * shift, or else this workstation's last clock-in with no clock-out after it.
 */
export function openShiftStart(
  hubShifts: readonly { startedAt: number; endedAt: number | null }[],
  local: readonly LocalClockEvent[],
): number | null {
  const open = hubShifts.find((s) => s.endedAt === null);
  if (open) return open.startedAt;
  for (const event of local) {
    if (event.kind === 'out') return null;
    if (event.kind === 'in') return event.deviceAt;
  }
  return null;
}
