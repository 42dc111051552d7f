import { z } from 'zod';
import { rowIdSchema } from './ids';

/**
 * WebRTC signalling against the hub's mediasoup SFU (`server/media`). The
 * parameters mediasoup and mediasoup-client exchange (RTP capabilities, DTLS
 * and ICE parameters, RTP parameters) are their own JSON shapes: the hub
 * checks that each is an object of bounded size here and mediasoup itself
 * validates its content (a malformed one is refused with `invalid_input`).
 *
 * These commands act on media state that lives only as long as the socket
 * (transports, producers, consumers): they are queries in the dispatcher's
 * sense, never recorded, and a resent one after a reconnect starts over.
 */

/** A mediasoup JSON object, at most 16 KiB as JSON: enough for any SDP-derived parameters, bounded for a hostile client. */
export const mediaJson = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 16 * 1024, 'media parameters are too large');
export type MediaJson = z.infer<typeof mediaJson>;

const idSchema = z.string().min(1).max(64);
export const transportDirections = ['send', 'recv'] as const;
export const mediaKinds = ['audio', 'video'] as const;
export type MediaKind = (typeof mediaKinds)[number];

/** What a transport's browser side needs to connect. */
export const transportOptionsSchema = z.object({
  id: idSchema,
  iceParameters: mediaJson,
  iceCandidates: z.array(mediaJson),
  dtlsParameters: mediaJson,
  sctpParameters: mediaJson.nullable(),
});
export type TransportOptions = z.infer<typeof transportOptionsSchema>;

export const consumerOptionsSchema = z.object({
  id: idSchema,
  producerId: idSchema,
  kind: z.enum(mediaKinds),
  rtpParameters: mediaJson,
});
export type ConsumerOptions = z.infer<typeof consumerOptionsSchema>;

export const mediaSignalInputs = {
  capabilities: z.object({ broadcastId: rowIdSchema }).strict(),
  createTransport: z.object({ broadcastId: rowIdSchema, direction: z.enum(transportDirections) }).strict(),
  connect: z.object({ transportId: idSchema, dtlsParameters: mediaJson }).strict(),
  restartIce: z.object({ transportId: idSchema }).strict(),
  produce: z.object({ transportId: idSchema, kind: z.enum(mediaKinds), rtpParameters: mediaJson }).strict(),
  consume: z.object({ transportId: idSchema, producerId: idSchema, rtpCapabilities: mediaJson }).strict(),
  resume: z.object({ consumerId: idSchema }).strict(),
  keyFrame: z.object({ consumerId: idSchema }).strict(),
} as const;

export const mediaSignalOutputs = {
  capabilities: z.object({ rtpCapabilities: mediaJson }),
  createTransport: transportOptionsSchema,
  connect: z.object({}),
  restartIce: z.object({ iceParameters: mediaJson }),
  produce: z.object({ producerId: idSchema }),
  consume: consumerOptionsSchema,
  resume: z.object({}),
  keyFrame: z.object({}),
} as const;

/** The producers a viewer can consume: the anchor's audio and video while live. */
export const roomProducersSchema = z.object({
  broadcastId: rowIdSchema,
  producers: z.array(z.object({ id: idSchema, kind: z.enum(mediaKinds) })).max(4),
});
export type RoomProducers = z.infer<typeof roomProducersSchema>;

/** The anchor's outgoing media as the SFU sees it, for the console. */
export const sendStatsSchema = z.object({
  /** Bits per second received from the anchor, all layers. */
  bitrate: z.number().nonnegative(),
  /** Fraction 0–1 of the anchor's packets lost on the way to the hub. */
  packetLoss: z.number().min(0).max(1),
  /** mediasoup's producer score, 0–10 (10 is perfect). */
  score: z.number().min(0).max(10),
});
export type SendStats = z.infer<typeof sendStatsSchema>;

/** Why the media plane is not available: the console says it plainly, the rest of Wings goes on. */
export const mediaStatusSchema = z.object({
  available: z.boolean(),
  /** Plain words for the anchor when unavailable (the worker binary is missing, it crashed). */
  reason: z.string().nullable(),
});
export type MediaStatus = z.infer<typeof mediaStatusSchema>;
