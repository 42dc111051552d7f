import { z } from 'zod';
import { isDayKey } from '../domain/calendar';
import {
  breakReasons,
  clockFlags,
  clockKinds,
  ignoredReasons,
  rosterStates,
  shiftStateKinds,
} from '../domain/shifts/clock-event';
import { roleSchema } from './auth';
import { mutation, push, query } from './command';
import type { CommandTable, PushTable } from './command';
import { commandIdSchema, epochMsSchema, rowIdSchema } from './ids';
import { limitedText, text } from './text';

/**
 * Shifts: the worker's clock events and shift state, the employer's live
 * roster, and timesheets with their decisions and audit trail.
 *
 * A break's reason is the worker's own: it is in `shifts.mine`,
 * `timesheets.mine` and the clock answer, and null in every employer answer.
 */

export const clockKindSchema = z.enum(clockKinds);
export const breakReasonSchema = z.enum(breakReasons);
export const clockFlagSchema = z.enum(clockFlags);
export const ignoredReasonSchema = z.enum(ignoredReasons);
export const shiftStateKindSchema = z.enum(shiftStateKinds);
export const rosterStateSchema = z.enum(rosterStates);
export type ClockFlagValue = z.infer<typeof clockFlagSchema>;

/** YYYY-MM-DD, a real calendar day. */
export const dayKeySchema = text().refine(isDayKey, 'must be a day, YYYY-MM-DD');
export const timesheetPeriodSchema = z.enum(['week', 'month']);
export type TimesheetPeriod = z.infer<typeof timesheetPeriodSchema>;
export const timesheetStatusSchema = z.enum(['open', 'approved', 'returned']);
export type TimesheetStatus = z.infer<typeof timesheetStatusSchema>;

const person = z.object({ id: z.number().int(), displayName: z.string() });
export type ShiftPerson = z.infer<typeof person>;

/** Longest comment on a decision, reason for an edit. */
export const timesheetCommentMax = 500;

export const clockInput = z
  .object({
    id: commandIdSchema,
    kind: clockKindSchema,
    /** The workstation's own id (its clock store's), so counters of two devices never collide. */
    deviceId: z.string().uuid(),
    /** Monotonic per device, never reused: a resend is the same (user, device, counter). */
    counter: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    /** The device's clock when the worker pressed the button. */
    deviceAt: epochMsSchema,
    /** The workstation's last measured hub − device skew; null when it never reached the hub. */
    deviceSkewMs: z.number().int().min(-1e12).max(1e12).nullable(),
    /** With `break_start` only. */
    breakReason: breakReasonSchema.optional(),
  })
  .strict()
  .refine((i) => i.breakReason === undefined || i.kind === 'break_start', {
    message: 'breakReason goes with kind break_start only',
    path: ['breakReason'],
  });
export type ClockInput = z.input<typeof clockInput>;

/** The worker's state now. `activity` is set while on shift: busy while live or at their ticket limit. */
export const myShiftStateSchema = z.object({
  kind: shiftStateKindSchema,
  /** When this state began (the clock-in, the break's start, the clock-out); null before any event. */
  since: epochMsSchema.nullable(),
  activity: z.enum(['available', 'busy']).nullable(),
  /** The open break's reason (their own answer only). */
  breakReason: breakReasonSchema.nullable(),
  /** The open shift's key (its clock-in's command id), when on shift or on a break. */
  shiftKey: z.string().nullable(),
});
export type MyShiftState = z.infer<typeof myShiftStateSchema>;

/** One clock event as the hub keeps it. */
export const clockEventSchema = z.object({
  commandId: z.string(),
  deviceId: z.string(),
  counter: z.number().int().positive(),
  kind: clockKindSchema,
  deviceAt: epochMsSchema,
  receivedAt: epochMsSchema,
  /** Null in employer answers. */
  breakReason: breakReasonSchema.nullable(),
  flags: z.array(clockFlagSchema),
  ignoredReason: ignoredReasonSchema.nullable(),
});
export type ClockEventView = z.infer<typeof clockEventSchema>;

export const breakSchema = z.object({
  start: epochMsSchema,
  end: epochMsSchema.nullable(),
  /** Null in employer answers. */
  reason: breakReasonSchema.nullable(),
});
export type ShiftBreak = z.infer<typeof breakSchema>;

export const shiftSchema = z.object({
  /** The clock-in's command id: stable across rebuilds and edits. */
  shiftKey: z.string(),
  /** The organisation's day it started on. */
  day: z.string(),
  startedAt: epochMsSchema,
  /** Null while it is open. */
  endedAt: epochMsSchema.nullable(),
  breaks: z.array(breakSchema),
  /** An open shift's figures run to the hub's now. */
  workedMs: z.number().int().nonnegative(),
  breakMs: z.number().int().nonnegative(),
  flags: z.array(clockFlagSchema),
  /** A supervisor changed its times (the audit says who and why). */
  edited: z.boolean(),
});
export type ShiftView = z.infer<typeof shiftSchema>;

export const clockOutput = z.object({
  state: myShiftStateSchema,
  /** What the hub made of this event (the first answer, for a resend). */
  event: clockEventSchema,
});

export const shiftsMineOutput = z.object({
  state: myShiftStateSchema,
  /** Today in the organisation's zone: shifts that started today, and the open one. */
  today: z.object({
    day: z.string(),
    shifts: z.array(shiftSchema),
    workedMs: z.number().int().nonnegative(),
    breakMs: z.number().int().nonnegative(),
  }),
  /** Skew seen on the worker's events of the last 7 days, for a notice. */
  flags: z.array(clockFlagSchema),
  timeZone: z.string(),
});
export type ShiftsMine = z.infer<typeof shiftsMineOutput>;

export const rosterRowSchema = z.object({
  user: person,
  roles: z.array(roleSchema),
  team: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** A break is 'unavailable', never its reason; live anchors and agents at their limit are 'busy'. */
  state: rosterStateSchema,
  since: epochMsSchema.nullable(),
  openTickets: z.number().int().nonnegative(),
  /** The anchor's room, and whether it is broadcasting now. */
  liveRoom: z.object({ slug: z.string(), live: z.boolean() }).nullable(),
  /** Skew flags on the open shift (or the last one). */
  flags: z.array(clockFlagSchema),
});
export type RosterRow = z.infer<typeof rosterRowSchema>;
export const rosterOutput = z.object({ rows: z.array(rosterRowSchema), at: epochMsSchema });

const periodFields = {
  period: timesheetPeriodSchema,
  /** Any day of the period: the hub answers for the Monday (week) or the 1st (month) it falls in. */
  start: dayKeySchema,
};

export const timesheetsListInput = z.object(periodFields).strict();
export const timesheetRowSchema = z.object({
  user: person,
  team: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  workedMs: z.number().int().nonnegative(),
  breakMs: z.number().int().nonnegative(),
  shifts: z.number().int().nonnegative(),
  status: timesheetStatusSchema,
  /** Any skew flag, ignored event or open shift in the period: worth a look before approving. */
  flagged: z.boolean(),
  edited: z.boolean(),
});
export type TimesheetRow = z.infer<typeof timesheetRowSchema>;
export const timesheetsListOutput = z.object({
  period: timesheetPeriodSchema,
  start: z.string(),
  /** The day after the period's last. */
  end: z.string(),
  rows: z.array(timesheetRowSchema),
});

export const timesheetShiftSchema = shiftSchema.extend({ events: z.array(clockEventSchema) });
export type TimesheetShift = z.infer<typeof timesheetShiftSchema>;

/** Before and after of an audited change: times of a shift, a status, an amount. */
export const auditValuesSchema = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));
export const timesheetAuditSchema = z.object({
  id: z.number().int(),
  action: z.enum(['approved', 'returned', 'reopened', 'shift_edited', 'correction']),
  actor: person,
  shiftKey: z.string().nullable(),
  comment: z.string().nullable(),
  before: auditValuesSchema.nullable(),
  after: auditValuesSchema.nullable(),
  at: epochMsSchema,
});
export type TimesheetAudit = z.infer<typeof timesheetAuditSchema>;

export const timesheetDecisionSchema = z.object({
  status: timesheetStatusSchema,
  comment: z.string().nullable(),
  decidedBy: person.nullable(),
  decidedAt: epochMsSchema.nullable(),
});
export type TimesheetDecision = z.infer<typeof timesheetDecisionSchema>;

export const timesheetSchema = timesheetDecisionSchema.extend({
  user: person,
  period: timesheetPeriodSchema,
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  workedMs: z.number().int().nonnegative(),
  breakMs: z.number().int().nonnegative(),
  /** Every day of the period, in order, with the shifts that started on it. */
  days: z.array(
    z.object({
      day: z.string(),
      workedMs: z.number().int().nonnegative(),
      breakMs: z.number().int().nonnegative(),
      shifts: z.array(timesheetShiftSchema),
    }),
  ),
  /** Events the state machine could not apply in the period, for the same look. */
  ignored: z.array(clockEventSchema),
  /** Newest first: decisions, edits and corrections of the period's shifts. */
  audit: z.array(timesheetAuditSchema),
});
export type Timesheet = z.infer<typeof timesheetSchema>;

export const timesheetsGetInput = z.object({ userId: rowIdSchema, ...periodFields }).strict();
export const timesheetsMineInput = z.object(periodFields).strict();

const decisionFields = { id: commandIdSchema, userId: rowIdSchema, ...periodFields };
export const timesheetsApproveInput = z
  .object({ ...decisionFields, comment: limitedText(timesheetCommentMax).optional() })
  .strict();
/** A return says what to fix. */
export const timesheetsReturnInput = z
  .object({ ...decisionFields, comment: limitedText(timesheetCommentMax).min(1) })
  .strict();
export const timesheetDecisionOutput = z.object({ timesheet: timesheetDecisionSchema });

export const editShiftInput = z
  .object({
    id: commandIdSchema,
    userId: rowIdSchema,
    shiftKey: text().min(1).max(64),
    startedAt: epochMsSchema,
    endedAt: epochMsSchema,
    reason: limitedText(timesheetCommentMax).min(1),
  })
  .strict()
  .refine((i) => i.endedAt > i.startedAt, { message: 'endedAt is after startedAt', path: ['endedAt'] })
  .refine((i) => i.endedAt - i.startedAt <= 24 * 3_600_000, {
    message: 'a shift is at most 24 hours',
    path: ['endedAt'],
  });
export const editShiftOutput = z.object({ shift: timesheetShiftSchema });

const employerRoles = ['supervisor', 'admin'] as const;
const nothingTyped = (): null => null;
/** One lane per worker's timesheet: an edit and the approval after it arrive in the order they were made. */
const timesheetLane = (input: { userId: number }): string => `timesheet:${input.userId}`;

export const shiftsCommands = {
  'shifts.clock': mutation({
    input: clockInput,
    output: clockOutput,
    roles: [],
    // Its own lane: a clock-out never waits behind a reply stuck on a conversation.
    outbox: { lane: () => 'clock', typed: nothingTyped },
  }),
  'shifts.mine': query({ input: z.object({}).strict(), output: shiftsMineOutput, roles: [] }),
  'roster.list': query({ input: z.object({}).strict(), output: rosterOutput, roles: employerRoles }),
  'timesheets.list': query({
    input: timesheetsListInput,
    output: timesheetsListOutput,
    roles: employerRoles,
  }),
  'timesheets.get': query({ input: timesheetsGetInput, output: timesheetSchema, roles: employerRoles }),
  'timesheets.mine': query({ input: timesheetsMineInput, output: timesheetSchema, roles: [] }),
  'timesheets.approve': mutation({
    input: timesheetsApproveInput,
    output: timesheetDecisionOutput,
    roles: employerRoles,
    outbox: { lane: timesheetLane, typed: (input) => input.comment ?? null },
  }),
  'timesheets.return': mutation({
    input: timesheetsReturnInput,
    output: timesheetDecisionOutput,
    roles: employerRoles,
    outbox: { lane: timesheetLane, typed: (input) => input.comment },
  }),
  'timesheets.editShift': mutation({
    input: editShiftInput,
    output: editShiftOutput,
    roles: employerRoles,
    outbox: { lane: timesheetLane, typed: (input) => input.reason },
  }),
} satisfies CommandTable;

/** To the organisation's employer sockets: these workers' rows changed (a clock event, presence, a room). */
export const rosterChangedPush = z.object({ rows: z.array(rosterRowSchema).min(1) });
/** To the worker's own sockets: their shifts changed (their clock, another device, a supervisor's edit or decision). */
export const shiftsChangedPush = z.object({
  state: myShiftStateSchema,
  cause: z.enum(['clock', 'edit', 'decision']),
});

export const shiftsPushes = {
  'roster.changed': push({ payload: rosterChangedPush, durable: true }),
  'shifts.changed': push({ payload: shiftsChangedPush, durable: true }),
} satisfies PushTable;
