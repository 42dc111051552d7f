import { z } from 'zod';
import { commandIdSchema, text } from '../protocol';
import {
  clockListLimitMax,
  clockListOutputSchema,
  clockRecordInputSchema,
  localClockEventSchema,
  pdfFileNameSchema,
  printPdfOutputSchema,
} from './clock';
import { isExternalWebUrl } from './external-url';
import { notSentReasonSchema, outboxEntrySchema, outboxListSchema } from './outbox';
import { hostSessionSchema, sessionScoped, signInInputSchema } from './session';
import { settingsPatchSchema, settingsSchema } from './settings';

/** A composer's name, e.g. `team.note` or `ticket:42:reply`; the host stores it under the signed-in worker. */
const draftKeySchema = text().min(1).max(200);
/** Generous: a worker's long reply must never be cut, but a runaway paste must not fill the disk. */
const draftTextSchema = text().max(100_000);
/** Enough of a worker's own writing to learn their words, small enough to reread at every sign-in. */
export const typingHistoryLimit = 2000;
/** One teleprompter sentence at a time is rendered; a long script is split first (shared/domain/live/sentences.ts). */
export const speechTextMax = 1000;
/** Where an OS notification may lead: one ticket (`#/tickets/42`), as the renderer's router spells it. */
export const notificationRoutePattern = /^#\/tickets\/[1-9]\d{0,15}$/;

interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
}
function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}

const empty = z.object({}).strict();

/**
 * Renderer → host calls. The same contract travels over Electron IPC and, in
 * web mode, over the host's socket.io namespace; both sides validate with it.
 */
export const channels = {
  'host.info': channel({
    input: empty,
    output: z.object({
      hubUrl: z.string(),
      embeddedHub: z.boolean(),
      transport: z.enum(['electron', 'web']),
      version: z.string(),
      /** Filled only when the embedded hub seeded the demo organisation. */
      demoPassword: z.string().nullable(),
    }),
  }),
  'settings.get': channel({ input: empty, output: settingsSchema }),
  'settings.update': channel({ input: settingsPatchSchema, output: settingsSchema }),

  // The signed-in worker, kept by the host (see ./session.ts).
  'session.signIn': channel({ input: signInInputSchema, output: hostSessionSchema }),
  'session.current': channel({ input: empty, output: z.object({ session: hostSessionSchema.nullable() }) }),
  'session.signOut': channel({ input: z.object(sessionScoped).strict(), output: empty }),

  // Drafts and the outbox belong to the signed-in worker; the host picks the owner, never the renderer.
  'drafts.get': channel({
    input: z.object({ ...sessionScoped, key: draftKeySchema }).strict(),
    output: z.object({ text: z.string().nullable(), updatedAt: z.number().int().nullable() }),
  }),
  'drafts.put': channel({
    input: z.object({ ...sessionScoped, key: draftKeySchema, text: draftTextSchema }).strict(),
    output: z.object({ updatedAt: z.number().int() }),
  }),
  'drafts.delete': channel({
    input: z.object({ ...sessionScoped, key: draftKeySchema }).strict(),
    output: empty,
  }),
  /** Queues a command; the host checks it parses as that command, stamps lane and owner, and keeps it until settled. */
  'outbox.put': channel({
    input: z
      .object({
        ...sessionScoped,
        id: commandIdSchema,
        event: outboxEntrySchema.shape.event,
        payload: outboxEntrySchema.shape.payload,
        draftKey: draftKeySchema.nullable(),
      })
      .strict(),
    output: z.object({ entry: outboxEntrySchema }),
  }),
  'outbox.list': channel({ input: z.object(sessionScoped).strict(), output: outboxListSchema }),
  /** A send of it failed for a transient reason: counted on disk so the limit holds across restarts. */
  'outbox.attempted': channel({
    input: z.object({ ...sessionScoped, id: commandIdSchema }).strict(),
    output: z.object({ attempts: z.number().int().nonnegative() }),
  }),
  /** The hub applied it: it leaves the outbox. */
  'outbox.delivered': channel({
    input: z.object({ ...sessionScoped, id: commandIdSchema }).strict(),
    output: empty,
  }),
  /** Refused for good, given up or outdated: kept in "not sent" with its reason, never dropped. */
  'outbox.notSent': channel({
    input: z
      .object({
        ...sessionScoped,
        id: commandIdSchema,
        reason: notSentReasonSchema.extend({ message: text().max(2000) }),
      })
      .strict(),
    output: empty,
  }),
  /** The worker asked to send a "not sent" entry again: back in its lane with a fresh attempt count. */
  'outbox.retry': channel({
    input: z.object({ ...sessionScoped, id: commandIdSchema }).strict(),
    output: empty,
  }),
  /** The worker chose to throw a "not sent" entry away. Only "not sent" entries can be discarded. */
  'outbox.discard': channel({
    input: z.object({ ...sessionScoped, id: commandIdSchema }).strict(),
    output: empty,
  }),
  /**
   * The worker's own sent text, kept on this workstation to predict their words (never sent to the hub).
   * Oldest first, at most `typingHistoryLimit`. The host adds to it itself, from each outbox entry the hub
   * applied, so a page can neither write it nor flood it.
   */
  'typing.history': channel({
    input: z.object(sessionScoped).strict(),
    output: z.object({
      entries: z.array(z.object({ text: z.string(), at: z.number().int() })).max(typingHistoryLimit),
    }),
  }),
  'typing.forget': channel({
    input: z.object(sessionScoped).strict(),
    output: z.object({ forgotten: z.number().int().nonnegative() }),
  }),
  'window.flash': channel({ input: z.object({ reason: z.string().max(200) }).strict(), output: empty }),
  /**
   * An OS notification for the signed-in worker (Electron): clicking it brings Wings to the front and
   * sends `notification.clicked` with its route. The host shows at most one every few seconds and keeps
   * only the newest of a burst, so a page cannot flood the desktop; `shown` is false for one it did not
   * show (replaced by a newer one, or no OS notifications, as in web mode).
   */
  'notification.show': channel({
    input: z
      .object({
        ...sessionScoped,
        title: text().trim().min(1).max(120),
        body: text().trim().max(300),
        route: z.string().regex(notificationRoutePattern),
      })
      .strict(),
    output: z.object({ shown: z.boolean() }),
  }),
  'shell.openExternal': channel({
    input: z.object({ url: z.url().max(2048).refine(isExternalWebUrl, 'not an outside web link') }).strict(),
    output: empty,
  }),
  /**
   * The teleprompter's voice: the host renders text to speech with the system's engine (espeak-ng,
   * SAPI, `say`) and answers 16-bit mono PCM WAV, base64, which the renderer mixes into the broadcast.
   */
  'speech.voices': channel({
    input: empty,
    output: z.object({
      engine: z.string().nullable(),
      /** Languages a voice is installed for; empty when no engine is found (the console says so). */
      languages: z.array(z.enum(['zh-CN', 'en'])),
    }),
  }),
  'speech.render': channel({
    input: z
      .object({
        text: text().trim().min(1).max(speechTextMax),
        language: z.enum(['zh-CN', 'en']),
        /** Words per minute, the engine's own scale. */
        rate: z.number().int().min(80).max(400).optional(),
      })
      .strict(),
    output: z.object({
      wavBase64: z.string().max(16 * 1024 * 1024),
      durationMs: z.number().int().nonnegative(),
    }),
  }),
  /** While live the display must not sleep: `on` holds a blocker, `off` releases it (Electron's powerSaveBlocker). */
  'power.keepAwake': channel({
    input: z.object({ on: z.boolean() }).strict(),
    output: z.object({ held: z.boolean() }),
  }),
  /**
   * The anchor's RTMP restream target (a platform URL and stream key), kept in the host's store per
   * worker and never logged; `key` comes back only to the signed-in worker it belongs to.
   */
  'restream.get': channel({
    input: z.object(sessionScoped).strict(),
    output: z.object({ url: z.string(), streamKey: z.string() }).nullable(),
  }),
  'restream.put': channel({
    input: z
      .object({ ...sessionScoped, url: text().trim().max(500), streamKey: text().trim().max(300) })
      .strict(),
    output: empty,
  }),
  /**
   * A clock event of the signed-in worker: the host writes it to its own disk with this device's id and
   * next counter, and queues `shifts.clock` (lane 'clock') in the same transaction, so neither exists
   * without the other. It works with the hub unreachable; the outbox sends it when the hub is back.
   */
  'clock.record': channel({
    input: z.object({ ...sessionScoped, event: clockRecordInputSchema }).strict(),
    output: z.object({ event: localClockEventSchema, entry: outboxEntrySchema }),
  }),
  /** The signed-in worker's clock events on this workstation, newest first, so the state shows offline. */
  'clock.list': channel({
    input: z
      .object({ ...sessionScoped, limit: z.number().int().min(1).max(clockListLimitMax).optional() })
      .strict(),
    output: clockListOutputSchema,
  }),
  /**
   * The calling window as an A4 PDF (its print CSS shows only the `data-print-root` element), through a
   * save dialog the host draws. Web mode has no such window to print: `unsupported`, and the page
   * uses the browser's print dialog instead.
   */
  'print.pdf': channel({
    input: z.object({ fileName: pdfFileNameSchema }).strict(),
    output: printPdfOutputSchema,
  }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<N extends ChannelName> = z.input<Channels[N]['input']>;
export type ChannelOutput<N extends ChannelName> = z.output<Channels[N]['output']>;
export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/** The IPC channel Electron uses; one invoke channel carries every call. */
export const ipcChannel = 'wings:bridge';
/** The socket.io namespace web mode uses. */
export const webBridgeNamespace = '/bridge';
