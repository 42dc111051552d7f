import { z } from 'zod';
import { ephemeral, mutation, push, query } from './command';
import { commandIdSchema, epochMsSchema, rowIdSchema } from './ids';
import {
  mediaSignalInputs,
  mediaSignalOutputs,
  mediaStatusSchema,
  roomProducersSchema,
  sendStatsSchema,
} from './media';
import { limitedText, text } from './text';

/**
 * The Live job: an anchor's broadcast room, the organisation's products,
 * flash sales, orders, comments and their moderation, and the teleprompter's
 * scripts. Anchors call these on the worker namespace; viewers on `/live`,
 * each bound to one room by the token `POST /api/live/join` gave (a viewer
 * cannot reach any command in `liveCommands`). Money is integer fen.
 */

export const anchorRoles = ['anchor'] as const;
/** Who may watch and read a room of their organisation without acting in it. */
export const liveReadRoles = ['anchor', 'supervisor', 'admin'] as const;

/** A room's slug in its viewer link `/live/<slug>`: lower-case letters, digits and dashes. */
export const roomSlugSchema = text()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{2,39}$/, 'letters, digits and dashes, 3 to 40 characters');
export const fenSchema = z.number().int().nonnegative().max(100_000_000_00);
export const priceFenSchema = fenSchema.min(1);
export const stockSchema = z.number().int().nonnegative().max(1_000_000);
export const broadcastTitleSchema = limitedText(80).min(1);
export const commentBodyMax = 200;
export const commentBodySchema = limitedText(commentBodyMax).min(1);
export const nicknameSchema = limitedText(24).min(1);
export const keywordMax = 200;
export const maxFlashSaleSeconds = 3600;

export const productSchema = z.object({
  id: rowIdSchema,
  name: z.string(),
  description: z.string(),
  /** A path on the hub (`/live-assets/…`) or an https URL; null shows a placeholder. */
  imageUrl: z.string().nullable(),
  priceFen: fenSchema,
  stock: stockSchema,
});
export type Product = z.infer<typeof productSchema>;

export const broadcastStatuses = ['live', 'ended'] as const;
export type BroadcastStatus = (typeof broadcastStatuses)[number];

export const flashSaleSchema = z.object({
  id: rowIdSchema,
  productId: rowIdSchema,
  priceFen: priceFenSchema,
  quantity: stockSchema,
  sold: stockSchema,
  startedAt: epochMsSchema,
  endsAt: epochMsSchema,
  /** Set when it ended early, sold out, or ran its time. */
  endedAt: epochMsSchema.nullable(),
});
export type FlashSale = z.infer<typeof flashSaleSchema>;

export const commentSchema = z.object({
  id: rowIdSchema,
  viewerId: rowIdSchema,
  nickname: z.string(),
  body: z.string(),
  createdAt: epochMsSchema,
});
export type LiveComment = z.infer<typeof commentSchema>;

export const orderSchema = z.object({
  id: rowIdSchema,
  productId: rowIdSchema,
  productName: z.string(),
  nickname: z.string(),
  quantity: z.number().int().positive(),
  totalFen: fenSchema,
  flashSaleId: rowIdSchema.nullable(),
  createdAt: epochMsSchema,
});
export type LiveOrder = z.infer<typeof orderSchema>;

/** The live figures: viewers now, likes, orders and GMV of this broadcast. */
export const liveFiguresSchema = z.object({
  viewers: z.number().int().nonnegative(),
  likes: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
  gmvFen: fenSchema,
});
export type LiveFigures = z.infer<typeof liveFiguresSchema>;

/** What everyone in a room sees: the anchor's console and each viewer page render from it. */
export const roomStateSchema = z.object({
  slug: z.string(),
  shop: z.string(),
  anchorName: z.string(),
  broadcast: z
    .object({
      id: rowIdSchema,
      title: z.string(),
      status: z.enum(broadcastStatuses),
      startedAt: epochMsSchema,
      endedAt: epochMsSchema.nullable(),
      /** The anchor's media is reconnecting: viewers are told the picture may freeze. */
      recovering: z.boolean(),
    })
    .nullable(),
  pinnedProduct: productSchema.nullable(),
  flashSale: flashSaleSchema.nullable(),
  pinnedComment: commentSchema.nullable(),
  figures: liveFiguresSchema,
});
export type RoomState = z.infer<typeof roomStateSchema>;

export const restreamStates = ['idle', 'starting', 'running', 'failed'] as const;
export const outputStatusSchema = z.object({
  state: z.enum(restreamStates),
  /** Plain words; never the stream key. */
  error: z.string().nullable(),
  /** The recording's file name on the hub, for replay. */
  file: z.string().nullable(),
  startedAt: epochMsSchema.nullable(),
});
export type OutputStatus = z.infer<typeof outputStatusSchema>;

export const consoleStateSchema = z.object({
  room: roomStateSchema,
  media: mediaStatusSchema,
  send: sendStatsSchema.nullable(),
  restream: outputStatusSchema,
  recording: outputStatusSchema,
});
export type ConsoleState = z.infer<typeof consoleStateSchema>;

export const scriptKinds = ['script', 'phrase'] as const;
export const scriptSchema = z.object({
  id: rowIdSchema,
  kind: z.enum(scriptKinds),
  /** A product's script belongs to it; phrases and general scripts have none. */
  productId: rowIdSchema.nullable(),
  title: z.string(),
  body: z.string(),
});
export type TeleprompterScript = z.infer<typeof scriptSchema>;

const broadcastRef = z.object({ broadcastId: rowIdSchema }).strict();

export const productSaveInput = z
  .object({
    id: commandIdSchema,
    productId: rowIdSchema.optional(),
    name: limitedText(60).min(1),
    description: limitedText(500),
    imageUrl: limitedText(500)
      .regex(/^(\/live-assets\/[A-Za-z0-9._-]+|https:\/\/\S+)$/, 'a hub asset path or an https URL')
      .nullable(),
    priceFen: priceFenSchema,
    stock: stockSchema,
  })
  .strict();

export const broadcastStartInput = z
  .object({ id: commandIdSchema, title: broadcastTitleSchema, slug: roomSlugSchema.optional() })
  .strict();
export const broadcastEndInput = z.object({ id: commandIdSchema, broadcastId: rowIdSchema }).strict();
export const pinProductInput = z
  .object({ id: commandIdSchema, broadcastId: rowIdSchema, productId: rowIdSchema.nullable() })
  .strict();
export const saleStartInput = z
  .object({
    id: commandIdSchema,
    broadcastId: rowIdSchema,
    productId: rowIdSchema,
    priceFen: priceFenSchema,
    quantity: stockSchema.min(1),
    seconds: z.number().int().min(10).max(maxFlashSaleSeconds),
  })
  .strict();
export const saleEndInput = z.object({ id: commandIdSchema, saleId: rowIdSchema }).strict();
export const commentModerateInput = z.object({ id: commandIdSchema, commentId: rowIdSchema }).strict();
export const commentPinInput = z
  .object({ id: commandIdSchema, broadcastId: rowIdSchema, commentId: rowIdSchema.nullable() })
  .strict();
export const viewerMuteInput = z
  .object({ id: commandIdSchema, broadcastId: rowIdSchema, viewerId: rowIdSchema })
  .strict();
export const keywordsSaveInput = z
  .object({ id: commandIdSchema, words: z.array(limitedText(30).min(1)).max(keywordMax) })
  .strict();
export const scriptSaveInput = z
  .object({
    id: commandIdSchema,
    scriptId: rowIdSchema.optional(),
    kind: z.enum(scriptKinds),
    productId: rowIdSchema.nullable(),
    title: limitedText(60).min(1),
    body: limitedText(4000).min(1),
  })
  .strict();
export const scriptDeleteInput = z.object({ id: commandIdSchema, scriptId: rowIdSchema }).strict();

/** An RTMP ingest: the URL is kept with the broadcast's output; the key is used and never stored or logged by the hub. */
export const restreamStartInput = z
  .object({
    broadcastId: rowIdSchema,
    url: limitedText(500).regex(/^rtmps?:\/\/[^\s/]+(\/\S*)?$/, 'an rtmp:// or rtmps:// address'),
    streamKey: limitedText(300).regex(/^[^\s]*$/, 'no spaces'),
  })
  .strict();

const ok = z.object({});
const lane = (input: { broadcastId?: number }) =>
  input.broadcastId === undefined ? 'live' : `live:${input.broadcastId}`;

export const liveCommands = {
  'live.console': query({ input: z.object({}).strict(), output: consoleStateSchema, roles: anchorRoles }),
  'live.rooms': query({
    input: z.object({}).strict(),
    output: z.object({ rooms: z.array(roomStateSchema).max(200) }),
    roles: liveReadRoles,
  }),
  'live.room': query({
    input: z.object({ slug: roomSlugSchema }).strict(),
    output: roomStateSchema,
    roles: liveReadRoles,
  }),
  'live.products': query({
    input: z.object({}).strict(),
    output: z.object({ products: z.array(productSchema).max(500) }),
    roles: liveReadRoles,
  }),
  'live.product.save': mutation({
    input: productSaveInput,
    output: z.object({ product: productSchema }),
    roles: anchorRoles,
    outbox: { lane: () => 'live', typed: (input) => input.name },
  }),
  'live.broadcast.start': mutation({
    input: broadcastStartInput,
    output: z.object({ room: roomStateSchema }),
    roles: anchorRoles,
    outbox: { lane: () => 'live', typed: () => null },
  }),
  'live.broadcast.end': mutation({
    input: broadcastEndInput,
    output: z.object({ room: roomStateSchema }),
    roles: anchorRoles,
    outbox: { lane, typed: () => null },
  }),
  'live.pin': mutation({
    input: pinProductInput,
    output: z.object({ room: roomStateSchema }),
    roles: anchorRoles,
    outbox: { lane, typed: () => null },
  }),
  'live.sale.start': mutation({
    input: saleStartInput,
    output: z.object({ sale: flashSaleSchema }),
    roles: anchorRoles,
    outbox: { lane, typed: () => null },
  }),
  'live.sale.end': mutation({
    input: saleEndInput,
    output: z.object({ sale: flashSaleSchema }),
    roles: anchorRoles,
    outbox: { lane: () => 'live', typed: () => null },
  }),
  'live.comments': query({
    input: broadcastRef,
    output: z.object({ comments: z.array(commentSchema).max(200) }),
    roles: liveReadRoles,
  }),
  'live.orders': query({
    input: broadcastRef,
    output: z.object({ orders: z.array(orderSchema).max(200) }),
    roles: liveReadRoles,
  }),
  'live.comment.delete': mutation({
    input: commentModerateInput,
    output: ok,
    roles: anchorRoles,
    outbox: { lane: () => 'live', typed: () => null },
  }),
  'live.comment.pin': mutation({
    input: commentPinInput,
    output: z.object({ room: roomStateSchema }),
    roles: anchorRoles,
    outbox: { lane, typed: () => null },
  }),
  'live.viewer.mute': mutation({
    input: viewerMuteInput,
    output: ok,
    roles: anchorRoles,
    outbox: { lane, typed: () => null },
  }),
  'live.keywords': query({
    input: z.object({}).strict(),
    output: z.object({ words: z.array(z.string()).max(keywordMax) }),
    roles: liveReadRoles,
  }),
  'live.keywords.save': mutation({
    input: keywordsSaveInput,
    output: z.object({ words: z.array(z.string()).max(keywordMax) }),
    roles: ['anchor', 'supervisor', 'admin'],
    outbox: { lane: () => 'live', typed: (input) => input.words.join('\n') },
  }),
  'live.scripts': query({
    input: z.object({}).strict(),
    output: z.object({ scripts: z.array(scriptSchema).max(500) }),
    roles: anchorRoles,
  }),
  'live.script.save': mutation({
    input: scriptSaveInput,
    output: z.object({ script: scriptSchema }),
    roles: anchorRoles,
    outbox: { lane: () => 'live', typed: (input) => input.body },
  }),
  'live.script.delete': mutation({
    input: scriptDeleteInput,
    output: ok,
    roles: anchorRoles,
    outbox: { lane: () => 'live', typed: () => null },
  }),
  // The broadcast's outputs act on processes, not stored state: queries in the dispatcher's sense.
  'live.restream.start': query({ input: restreamStartInput, output: outputStatusSchema, roles: anchorRoles }),
  'live.restream.stop': query({ input: broadcastRef, output: outputStatusSchema, roles: anchorRoles }),
  'live.recording.start': query({ input: broadcastRef, output: outputStatusSchema, roles: anchorRoles }),
  'live.recording.stop': query({ input: broadcastRef, output: outputStatusSchema, roles: anchorRoles }),
  // Signalling. The anchor sends; an anchor or supervisor of the organisation may also receive (watch).
  'media.capabilities': query({
    input: mediaSignalInputs.capabilities,
    output: mediaSignalOutputs.capabilities,
    roles: liveReadRoles,
  }),
  'media.transport.create': query({
    input: mediaSignalInputs.createTransport,
    output: mediaSignalOutputs.createTransport,
    roles: liveReadRoles,
  }),
  'media.transport.connect': query({
    input: mediaSignalInputs.connect,
    output: mediaSignalOutputs.connect,
    roles: liveReadRoles,
  }),
  'media.transport.restartIce': query({
    input: mediaSignalInputs.restartIce,
    output: mediaSignalOutputs.restartIce,
    roles: liveReadRoles,
  }),
  'media.produce': query({
    input: mediaSignalInputs.produce,
    output: mediaSignalOutputs.produce,
    roles: anchorRoles,
  }),
  'media.consume': query({
    input: mediaSignalInputs.consume,
    output: mediaSignalOutputs.consume,
    roles: liveReadRoles,
  }),
  'media.consumer.resume': query({
    input: mediaSignalInputs.resume,
    output: mediaSignalOutputs.resume,
    roles: liveReadRoles,
  }),
  'media.producers': query({ input: broadcastRef, output: roomProducersSchema, roles: liveReadRoles }),
};

/** Pushes on the worker namespace, to `rooms.live(orgId, slug)`: the console and watching supervisors. */
export const livePushes = {
  'live.state': push({ payload: roomStateSchema, durable: false }),
  'live.console': push({ payload: consoleStateSchema, durable: false }),
  'live.comments': push({
    payload: z.object({ comments: z.array(commentSchema).min(1).max(200) }),
    durable: false,
  }),
  'live.commentRemoved': push({ payload: z.object({ commentId: rowIdSchema }), durable: false }),
  'live.orders': push({
    payload: z.object({ orders: z.array(orderSchema).min(1).max(200) }),
    durable: false,
  }),
  'live.products': push({ payload: z.object({ products: z.array(productSchema).max(500) }), durable: false }),
  'live.producers': push({ payload: roomProducersSchema, durable: false }),
};

// ── Viewers, on `/live` ───────────────────────────────────────────────────────

export const liveJoinRequest = z
  .object({
    room: roomSlugSchema,
    nickname: nicknameSchema,
    /** A viewer's earlier token for this room: the same viewer comes back (mutes and orders follow them). */
    token: z.string().min(32).max(128).optional(),
  })
  .strict();
export type LiveJoinRequest = z.infer<typeof liveJoinRequest>;
export const liveJoinResponse = z.object({
  token: z.string().min(32).max(128),
  viewerId: rowIdSchema,
  nickname: z.string(),
});
export type LiveJoinResponse = z.infer<typeof liveJoinResponse>;

export const viewerCommentInput = z.object({ id: commandIdSchema, body: commentBodySchema }).strict();
export const viewerBuyInput = z
  .object({
    id: commandIdSchema,
    productId: rowIdSchema,
    /** The flash sale the viewer pressed "Buy" under, if any: its price holds only while it runs. */
    saleId: rowIdSchema.nullable(),
    quantity: z.number().int().min(1).max(10),
  })
  .strict();

export const viewerCommands = {
  'view.state': query({ input: z.object({}).strict(), output: roomStateSchema, roles: [] }),
  'view.comments': query({
    input: z.object({}).strict(),
    output: z.object({ comments: z.array(commentSchema).max(200) }),
    roles: [],
  }),
  'view.comment': mutation({
    input: viewerCommentInput,
    output: z.object({ comment: commentSchema.nullable(), held: z.boolean() }),
    roles: [],
    outbox: { lane: () => 'live', typed: (input) => input.body },
  }),
  'view.buy': mutation({
    input: viewerBuyInput,
    output: z.object({ order: orderSchema }),
    roles: [],
    outbox: { lane: () => 'live', typed: () => null },
  }),
  'media.capabilities': query({
    input: mediaSignalInputs.capabilities,
    output: mediaSignalOutputs.capabilities,
    roles: [],
  }),
  'media.transport.create': query({
    input: mediaSignalInputs.createTransport,
    output: mediaSignalOutputs.createTransport,
    roles: [],
  }),
  'media.transport.connect': query({
    input: mediaSignalInputs.connect,
    output: mediaSignalOutputs.connect,
    roles: [],
  }),
  'media.transport.restartIce': query({
    input: mediaSignalInputs.restartIce,
    output: mediaSignalOutputs.restartIce,
    roles: [],
  }),
  'media.consume': query({ input: mediaSignalInputs.consume, output: mediaSignalOutputs.consume, roles: [] }),
  'media.consumer.resume': query({
    input: mediaSignalInputs.resume,
    output: mediaSignalOutputs.resume,
    roles: [],
  }),
  'media.producers': query({
    input: z.object({ broadcastId: rowIdSchema }).strict(),
    output: roomProducersSchema,
    roles: [],
  }),
};

export const viewerEphemerals = {
  /** Taps of the like button since the last send, batched by the page (at most 2 sends a second). */
  'view.like': ephemeral({
    input: z.object({ count: z.number().int().min(1).max(50) }).strict(),
    roles: [],
    perSecond: 2,
  }),
};

/** Pushes on `/live`, to `rooms.liveViewers(orgId, slug)`. */
export const viewerPushes = {
  'view.state': push({ payload: roomStateSchema, durable: false }),
  'view.comments': push({
    payload: z.object({ comments: z.array(commentSchema).min(1).max(200) }),
    durable: false,
  }),
  'view.commentRemoved': push({ payload: z.object({ commentId: rowIdSchema }), durable: false }),
  'view.producers': push({ payload: roomProducersSchema, durable: false }),
};
