import { z } from 'zod';
import { ticketStatuses } from '../domain/tickets/ticket-status';
import { ephemeral, mutation, push, query } from './command';
import { commandIdSchema, epochMsSchema, rowIdSchema } from './ids';
import { maxStreamPage, streamPageInput, streamPageOutput } from './stream';
import { limitedText, text } from './text';
import { attachmentSchema, ticketBodyMax } from './tickets';

/**
 * The customer's side of a conversation, on the `/chat` namespace. A
 * customer is a principal of their own: `POST /api/chat/start` opens a
 * ticket and answers with a token the page keeps in the browser, and a socket
 * opened with that token can reach exactly that one conversation and nothing
 * else (no worker command exists on this namespace). The customer sees their
 * own stream (`publicSeq`): agents' internal notes are not in it, so it has
 * no gaps for the page to ask about.
 */

export const chatNameSchema = limitedText(60).min(1);
export const chatMessageBodySchema = limitedText(ticketBodyMax);
/** What customers type as an order number: letters, digits and dashes. */
export const orderRefSchema = text()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and dashes only');

export const chatStartRequest = z
  .object({
    /** Client-made, so a resent start (a lost answer) opens one conversation, not two. */
    id: commandIdSchema,
    /** The shop: organisation id; may be left out on a hub that serves one organisation. */
    org: rowIdSchema.optional(),
    name: chatNameSchema,
    orderNumber: orderRefSchema.optional(),
    message: chatMessageBodySchema.min(1),
    locale: z.enum(['zh-CN', 'en']),
  })
  .strict();
export type ChatStartRequest = z.infer<typeof chatStartRequest>;
export const chatStartResponse = z.object({
  /** Kept in the browser; sent as the socket's auth and as `Authorization: Bearer` for photos. */
  token: z.string().min(32).max(128),
  ticketNumber: z.number().int().positive(),
});
export type ChatStartResponse = z.infer<typeof chatStartResponse>;

/** Photo uploads: `POST /api/chat/attachments`, the image bytes as the body. */
export const attachmentMaxBytes = 5 * 1024 * 1024;
export const attachmentMimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const chatAttachmentResponse = z.object({ attachment: attachmentSchema });

export const chatMessageSchema = z.object({
  /** The customer's own stream: consecutive, no notes. */
  seq: z.number().int().positive(),
  /** Set on the customer's own messages: the page matches its pending copies by it. */
  commandId: z.string().nullable(),
  author: z.enum(['customer', 'agent', 'system']),
  /** The agent's display name; the customer's own name; empty for the system. */
  name: z.string(),
  body: z.string(),
  /** For system lines: what happened, for the page to word in its language. */
  event: z.enum(['created', 'assigned', 'resolved', 'reopened']).nullable(),
  attachment: attachmentSchema.nullable(),
  createdAt: epochMsSchema,
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatStateSchema = z.object({
  shop: z.string(),
  ticketNumber: z.number().int().positive(),
  customerName: z.string(),
  status: z.enum(ticketStatuses),
  /** The agent on the conversation now, by display name. */
  agentName: z.string().nullable(),
  rating: z.object({ score: z.number().int().min(1).max(5), comment: z.string().nullable() }).nullable(),
  /** True once resolved and not yet rated. */
  canRate: z.boolean(),
});
export type ChatState = z.infer<typeof chatStateSchema>;

export const chatSendInput = z
  .object({
    id: commandIdSchema,
    body: chatMessageBodySchema,
    attachmentId: attachmentSchema.shape.id.optional(),
  })
  .strict()
  .refine((i) => i.body.length > 0 || i.attachmentId !== undefined, {
    message: 'write a message or attach a photo',
  });
export const chatSendOutput = z.object({ message: chatMessageSchema });

export const chatRateInput = z
  .object({
    id: commandIdSchema,
    score: z.number().int().min(1).max(5),
    comment: limitedText(1000).optional(),
  })
  .strict();
export const chatRateOutput = z.object({ state: chatStateSchema });

export const chatCommands = {
  'chat.state': query({ input: z.object({}).strict(), output: chatStateSchema, roles: [] }),
  'chat.history': query({ input: streamPageInput, output: streamPageOutput(chatMessageSchema), roles: [] }),
  'chat.send': mutation({
    input: chatSendInput,
    output: chatSendOutput,
    roles: [],
    outbox: { lane: () => 'chat', typed: (input) => input.body },
  }),
  'chat.rate': mutation({
    input: chatRateInput,
    output: chatRateOutput,
    roles: [],
    outbox: { lane: () => 'chat', typed: (input) => input.comment ?? null },
  }),
};

export const chatEphemerals = {
  'chat.typing': ephemeral({ input: z.object({}).strict(), roles: [], perSecond: 1 }),
};

export const chatPushes = {
  'chat.messages': push({
    payload: z.object({ messages: z.array(chatMessageSchema).min(1).max(maxStreamPage) }),
    durable: true,
  }),
  'chat.state': push({ payload: chatStateSchema, durable: true }),
  /** The agent is typing a reply (never a note). */
  'chat.typing': push({ payload: z.object({ name: z.string() }), durable: false }),
};
