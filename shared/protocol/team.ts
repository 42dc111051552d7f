import { z } from 'zod';
import { commandIdSchema, epochMsSchema } from './ids';

/**
 * The team board: short notes between home-based workers and their supervisor
 * (“back in 10 minutes”, “ticket 12 needs a refund approval”). It is the
 * foundation's append-only stream, so it carries the per-stream sequence number
 * every later push stream follows.
 */
export const teamMessageSchema = z.object({
  seq: z.number().int().positive(),
  commandId: z.string(),
  author: z.object({ id: z.number().int(), displayName: z.string() }),
  body: z.string(),
  createdAt: epochMsSchema,
});
export type TeamMessage = z.infer<typeof teamMessageSchema>;

export const teamBodySchema = z.string().trim().min(1).max(2000);

export const teamPostInput = z.object({ id: commandIdSchema, body: teamBodySchema }).strict();
export const teamPostOutput = z.object({ message: teamMessageSchema });

export const teamHistoryInput = z
  .object({
    afterSeq: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict();
export const teamHistoryOutput = z.object({
  messages: z.array(teamMessageSchema),
  lastSeq: z.number().int().nonnegative(),
});

/** hub → client push, on the org's team stream. */
export const teamMessagePush = z.object({ stream: z.literal('team'), message: teamMessageSchema });
