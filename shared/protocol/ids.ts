import { z } from 'zod';

/** Command ids are UUIDv7 so they sort by creation time in the outbox and the hub's ledger. */
export const commandIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'must be a UUIDv7');
export type CommandId = z.infer<typeof commandIdSchema>;

/** Row ids on the wire are positive integers. */
export const rowIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Epoch milliseconds, UTC. */
export const epochMsSchema = z.number().int().nonnegative();
