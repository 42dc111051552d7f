import { z } from 'zod';
import { commandIdSchema, errorCodes, mutatingCommandNames } from '../protocol';

/**
 * A mutating hub command waiting on the worker's disk until the hub
 * acknowledges it. The host stamps whose it is (the signed-in worker), its
 * lane (from the command's outbox policy) and what the worker typed; the
 * renderer only ever sees and sends its own worker's entries.
 */
export const outboxEntrySchema = z.object({
  id: commandIdSchema,
  /** Queue order on the host's disk: lanes keep it, whatever the clocks or ids say. */
  seq: z.number().int().positive(),
  event: z.enum(mutatingCommandNames as [string, ...string[]]),
  payload: z.record(z.string(), z.unknown()),
  /** Order is kept within a lane; lanes never wait on each other. */
  lane: z.string().min(1).max(200),
  /** What the worker typed, for the "not sent" list and to put back into the composer. */
  typed: z.string().nullable(),
  /** The composer the text came from (a draft key), so it can go back there. */
  draftKey: z.string().max(200).nullable(),
  createdAt: z.number().int(),
  /** Sends that failed for a transient reason; past the limit the entry is kept as not sent. */
  attempts: z.number().int().nonnegative(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** Why an entry was not sent: the hub's refusal, or the outbox's own reason. */
export const notSentCodes = [
  ...errorCodes,
  /** Kept failing for a transient reason past the attempt limit. */
  'gave_up',
  /** No longer a valid command for this version of Wings (it was queued by an older one). */
  'outdated',
  /** Waited longer than the hub remembers command ids: resending could apply it twice. */
  'expired',
] as const;
export const notSentReasonSchema = z.object({
  code: z.enum(notSentCodes),
  message: z.string().max(2000),
});
export type NotSentReason = z.infer<typeof notSentReasonSchema>;

export const notSentEntrySchema = outboxEntrySchema.extend({
  reason: notSentReasonSchema,
  failedAt: z.number().int(),
});
export type NotSentEntry = z.infer<typeof notSentEntrySchema>;

export const outboxListSchema = z.object({
  pending: z.array(outboxEntrySchema),
  notSent: z.array(notSentEntrySchema),
});
export type OutboxList = z.infer<typeof outboxListSchema>;

/**
 * The owner of outbox entries and drafts: one user on one hub, the hub named
 * by its URL or, for the embedded one, by `embeddedHubKey`. Host-internal;
 * never sent by the renderer.
 */
export function ownerKey(hub: string, userId: number): string {
  return `${hub.replace(/\/+$/, '')}#${userId}`;
}

/**
 * The embedded hub in owner keys. It keeps its store in this install's
 * `<userData>/hub` but listens on whatever port is free at each launch, so
 * its URL would hand the same worker a new, empty outbox every restart.
 */
export const embeddedHubKey = 'embedded';
