/**
 * The words of a clock event, shared by the workstation, the hub and the
 * protocol: what a worker can record, why they took a break (theirs alone),
 * what the hub saw about the device's clock, and why an event could not be
 * applied. The hub never refuses a record for its time: it keeps it and says
 * which of these applies.
 */

export const clockKinds = ['in', 'break_start', 'break_end', 'out'] as const;
export type ClockKind = (typeof clockKinds)[number];

export const breakReasons = ['rest', 'meal', 'medical', 'family', 'other'] as const;
export type BreakReason = (typeof breakReasons)[number];

/**
 * - `future`: the device said it happened more than 2 minutes after the hub's now.
 * - `skewed`: the workstation's last measured skew against the hub is over 2 minutes.
 * - `backwards`: its device time is before an earlier counter's from the same device.
 */
export const clockFlags = ['future', 'skewed', 'backwards'] as const;
export type ClockFlag = (typeof clockFlags)[number];

/** Why the state machine could not apply an event; it is kept, shown and not counted. */
export const ignoredReasons = [
  'already_clocked_in',
  'not_clocked_in',
  'already_on_break',
  'not_on_break',
  /** After the end a supervisor set for the shift it belonged to. */
  'after_edited_end',
] as const;
export type IgnoredReason = (typeof ignoredReasons)[number];

/** Off, on shift, or on a break: the worker's own view. */
export const shiftStateKinds = ['off', 'on', 'break'] as const;
export type ShiftStateKind = (typeof shiftStateKinds)[number];

/** What the employer's roster shows: a break is only "unavailable", never why. */
export const rosterStates = ['off', 'available', 'busy', 'unavailable'] as const;
export type RosterState = (typeof rosterStates)[number];
