import { z } from 'zod';
import { commandIdSchema } from '../protocol';
import { isExternalWebUrl } from './external-url';
import { outboxEntrySchema } from './outbox';
import { settingsPatchSchema, settingsSchema } from './settings';

const draftKeySchema = z.string().min(1).max(200);
/** Generous: a worker's long reply must never be cut, but a runaway paste must not fill the disk. */
const draftTextSchema = z.string().max(100_000);

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
  'drafts.get': channel({
    input: z.object({ key: draftKeySchema }).strict(),
    output: z.object({ text: z.string().nullable(), updatedAt: z.number().int().nullable() }),
  }),
  'drafts.put': channel({
    input: z.object({ key: draftKeySchema, text: draftTextSchema }).strict(),
    output: z.object({ updatedAt: z.number().int() }),
  }),
  'drafts.delete': channel({ input: z.object({ key: draftKeySchema }).strict(), output: empty }),
  'outbox.put': channel({ input: outboxEntrySchema.omit({ attempts: true }), output: empty }),
  'outbox.list': channel({
    input: z.object({ owner: outboxEntrySchema.shape.owner }).strict(),
    output: z.object({ entries: z.array(outboxEntrySchema) }),
  }),
  'outbox.attempted': channel({ input: z.object({ id: commandIdSchema }).strict(), output: empty }),
  'outbox.remove': channel({ input: z.object({ id: commandIdSchema }).strict(), output: empty }),
  'window.flash': channel({ input: z.object({ reason: z.string().max(200) }).strict(), output: empty }),
  'shell.openExternal': channel({
    input: z.object({ url: z.url().max(2048).refine(isExternalWebUrl, 'not an outside web link') }).strict(),
    output: empty,
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
