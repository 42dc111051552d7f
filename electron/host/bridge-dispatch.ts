import type { z } from 'zod';
import {
  channels,
  isChannelName,
  type ChannelName,
  type ChannelOutput,
  type Channels,
} from '../../shared/bridge';
import { fail, invalidInput, ok, type Ack } from '../../shared/protocol';
import { hostInfo, type HostServices } from './services';

type Handler<N extends ChannelName> = (
  services: HostServices,
  input: z.output<Channels[N]['input']>,
  raw: unknown,
) => Ack<ChannelOutput<N>> | Promise<Ack<ChannelOutput<N>>>;

const handlers: { [N in ChannelName]: Handler<N> } = {
  'host.info': (s) => hostInfo(s),
  'settings.get': (s) => ok(s.settings.get()),
  'settings.update': (s, patch) => ok(s.settings.update(patch)),
  'drafts.get': (s, { key }) => ok(s.drafts.get(key)),
  'drafts.put': (s, { key, text }) => ok(s.drafts.put(key, text, s.now())),
  'drafts.delete': (s, { key }) => {
    s.drafts.delete(key);
    return ok({});
  },
  'outbox.put': (s, entry) => {
    s.outbox.put(entry);
    return ok({});
  },
  'outbox.list': (s, { owner }) => ok({ entries: s.outbox.list(owner) }),
  'outbox.attempted': (s, { id }) => {
    s.outbox.markAttempted(id);
    return ok({});
  },
  'outbox.remove': (s, { id }) => {
    s.outbox.remove(id);
    return ok({});
  },
  'window.flash': async (s, { reason }) => {
    await s.platform.flash(reason);
    return ok({});
  },
  'shell.openExternal': (s, { url }) => s.platform.openExternal(url),
};

/**
 * The one entry point for renderer → host calls, over IPC or the web bridge.
 * Everything from the renderer is untrusted: the name must be a known channel
 * and the input must pass that channel's schema before any service sees it.
 * Never throws; failures come back as acks.
 */
export async function handleBridgeCall(
  services: HostServices,
  name: unknown,
  input: unknown,
): Promise<Ack<unknown>> {
  try {
    if (!isChannelName(name)) {
      return fail('invalid_input', 'Unknown bridge channel.', [
        { path: [], message: `not a bridge channel: ${describe(name)}` },
      ]);
    }
    const spec = channels[name];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    // The schema just checked the input, so the handler for this name accepts it.
    const handler = handlers[name] as (
      s: HostServices,
      input: unknown,
      raw: unknown,
    ) => Promise<Ack<unknown>> | Ack<unknown>;
    const result = await handler(services, parsed.data, input);
    if (!result.ok) return result;
    // Answers are checked too, so a host bug surfaces as `internal`, not as a renderer crash later.
    const checked = spec.output.safeParse(result.data);
    if (!checked.success) {
      services.log.error({ channel: name, issues: checked.error.issues }, 'bridge answer broke its contract');
      return fail('internal', 'The workstation could not complete the request.');
    }
    return ok(checked.data);
  } catch (error) {
    try {
      services.log.error(
        { err: error, channel: typeof name === 'string' ? name : null },
        'bridge call failed',
      );
    } catch {
      // Logging must not turn a handled failure into a throw.
    }
    return fail('internal', 'The workstation could not complete the request.');
  }
}

function describe(name: unknown): string {
  if (typeof name === 'string') return JSON.stringify(name.slice(0, 100));
  return typeof name;
}
