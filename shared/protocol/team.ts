import { z } from 'zod';
import { ephemeral, mutation, push, query } from './command';
import { commandIdSchema, epochMsSchema } from './ids';
import { maxStreamPage, streamPageInput, streamPageOutput } from './stream';
import { limitedText } from './text';

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

/** A note's length limit, in characters as a person counts them (code points). */
export const teamBodyMax = 2000;
export const teamBodySchema = limitedText(teamBodyMax).min(1);

export const teamPostInput = z.object({ id: commandIdSchema, body: teamBodySchema }).strict();
export const teamPostOutput = z.object({ message: teamMessageSchema });

export const teamHistoryInput = streamPageInput;
export const teamHistoryOutput = streamPageOutput(teamMessageSchema);

/**
 * hub → client push, on the org's team stream: the notes committed together,
 * in seq order (one push per commit batch, not one per note).
 */
export const teamMessagesPush = z.object({
  stream: z.literal('team'),
  messages: z.array(teamMessageSchema).min(1).max(maxStreamPage),
});

/** "Someone is writing a note": shown for a few seconds, never stored. */
export const teamTypingInput = z.object({}).strict();
export const teamTypingPush = z.object({
  author: z.object({ id: z.number().int(), displayName: z.string() }),
});

export const teamCommands = {
  'team.post': mutation({
    input: teamPostInput,
    output: teamPostOutput,
    roles: [],
    outbox: { lane: () => 'team', typed: (input) => input.body },
  }),
  'team.history': query({ input: teamHistoryInput, output: teamHistoryOutput, roles: [] }),
};

export const teamEphemerals = {
  'team.typing': ephemeral({ input: teamTypingInput, roles: [], perSecond: 1 }),
};

export const teamPushes = {
  'team.messages': push({ payload: teamMessagesPush, durable: true }),
  'team.typing': push({ payload: teamTypingPush, durable: false }),
};
