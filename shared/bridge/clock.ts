import { z } from 'zod';
import { breakReasons, clockKinds, type BreakReason, type ClockKind } from '../domain/shifts/clock-event';
import { commandIdSchema } from '../protocol/ids';

/** The same words the hub's `shifts.clock` takes (shared/domain/shifts/clock-event.ts). */
export const clockKindSchema = z.enum(clockKinds);
export type { ClockKind, BreakReason };
/** Why a break is taken: the worker's own business. The employer only ever sees "unavailable". */
export const breakReasonSchema = z.enum(breakReasons);

/** As wide as the hub takes: a clock years off is exactly what the supervisor should see flagged. */
const skewSchema = z.number().int().min(-1e12).max(1e12);

export const clockRecordInputSchema = z
  .object({
    kind: clockKindSchema,
    breakReason: breakReasonSchema.optional(),
    /**
     * The hub's clock minus this computer's, as the page last measured it (null: not measured in this
     * launch). The host keeps the last one it was given, so an event recorded offline still carries it.
     */
    deviceSkewMs: skewSchema.nullable().optional(),
  })
  .strict()
  .refine((input) => input.breakReason === undefined || input.kind === 'break_start', {
    message: 'only a break has a reason',
    path: ['breakReason'],
  });

/**
 * Where a local event is on its way to the hub: still waiting in the outbox, kept as "not sent"
 * (the hub refused it, or it waited too long), or gone from the outbox because the hub applied it.
 */
export const clockEventStatusSchema = z.enum(['pending', 'not_sent', 'sent']);

export const localClockEventSchema = z.object({
  commandId: commandIdSchema,
  deviceId: z.uuid(),
  counter: z.number().int().positive(),
  kind: clockKindSchema,
  /** This computer's clock when the worker pressed the button (epoch ms). */
  deviceAt: z.number().int().nonnegative(),
  breakReason: breakReasonSchema.nullable(),
  deviceSkewMs: skewSchema.nullable(),
  status: clockEventStatusSchema,
});
export type LocalClockEvent = z.infer<typeof localClockEventSchema>;

/** Newest events first; a view needs the last few to show the state, a day's worth at most. */
export const clockListLimitMax = 200;

export const clockListOutputSchema = z.object({
  deviceId: z.uuid().nullable(),
  events: z.array(localClockEventSchema).max(clockListLimitMax),
  /** This worker's clock events waiting in the outbox for the hub. */
  pending: z.number().int().nonnegative(),
  /** Kept as "not sent" (refused, or waited too long): the outbox panel shows them with their reason. */
  notSent: z.number().int().nonnegative(),
  /** The last skew the host was given, for the notice while the hub is unreachable. */
  skewMs: skewSchema.nullable(),
});
export type ClockList = z.infer<typeof clockListOutputSchema>;

/** A PDF's file name as offered in the save dialog: no folders, no characters Windows refuses. */
export const pdfFileNameSchema = z
  .string()
  .min(5)
  .max(120)
  .regex(/^[^\\/:*?"<>|]+\.pdf$/i, 'a file name ending in .pdf')
  .refine((name) => !name.startsWith('.'), 'not a hidden file')
  .refine((name) => ![...name].some((c) => c.charCodeAt(0) < 0x20), 'no control characters');

export const printPdfOutputSchema = z.union([
  z.object({ saved: z.string().min(1).max(4096) }).strict(),
  z.object({ cancelled: z.literal(true) }).strict(),
  z.object({ unsupported: z.literal(true) }).strict(),
]);
export type PrintPdfOutput = z.infer<typeof printPdfOutputSchema>;
