import { z } from 'zod';
import { commandIdSchema, commandNames } from '../protocol';

/** A mutating hub command waiting on the worker's disk until the hub acknowledges it. */
export const outboxEntrySchema = z.object({
  id: commandIdSchema,
  event: z.enum(commandNames as [string, ...string[]]),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.number().int(),
  attempts: z.number().int().nonnegative(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
