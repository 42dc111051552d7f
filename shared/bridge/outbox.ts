import { z } from 'zod';
import { commandIdSchema, commandNames } from '../protocol';

/** A mutating hub command waiting on the worker's disk until the hub acknowledges it. */
export const outboxEntrySchema = z.object({
  id: commandIdSchema,
  /**
   * Who queued it, as `ownerKey(hubUrl, userId)`: a command waits for the
   * worker who typed it, never goes out under whoever signs in next.
   */
  owner: z.string().min(1).max(2200),
  event: z.enum(commandNames as [string, ...string[]]),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.number().int(),
  attempts: z.number().int().nonnegative(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** The owner of outbox entries and drafts: one user on one hub. */
export function ownerKey(hubUrl: string, userId: number): string {
  return `${hubUrl.replace(/\/+$/, '')}#${userId}`;
}
