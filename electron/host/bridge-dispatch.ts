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

/** Another worker is signed in (or nobody is): a call for a session that is not the host's is refused. */
const notYourSession = fail('forbidden', 'This is not the worker signed in on this workstation.');

/** Runs `then` with the owner of the signed-in session the call names. */
function owned<T>(s: HostServices, sessionId: string, then: (owner: string) => Ack<T>): Ack<T> {
  const owner = s.session.ownerFor(sessionId);
  return owner === null ? notYourSession : then(owner);
}

/** A change to the outbox, then the event every window hears. */
function changingOutbox<T>(s: HostServices, answer: Ack<T>): Ack<T> {
  if (answer.ok) s.outboxChanged();
  return answer;
}

const handlers: { [N in ChannelName]: Handler<N> } = {
  'host.info': (s) => hostInfo(s),
  'settings.get': (s) => ok(s.settings.get()),
  'settings.update': async (s, patch) => {
    if (patch.hubUrl !== undefined && patch.hubUrl !== s.settings.get().hubUrl) {
      // Where passwords go next is the worker's call, confirmed outside the page.
      const confirmed = await s.platform.confirmHubChange(patch.hubUrl);
      if (!confirmed.ok) return confirmed;
    }
    return ok(s.settings.update(patch));
  },

  'session.signIn': (s, { username, password }) => s.session.signIn(username, password),
  'session.current': (s) => ok({ session: s.session.current() }),
  'session.signOut': (s, { sessionId }) => s.session.signOut(sessionId),

  'drafts.get': (s, { sessionId, key }) => owned(s, sessionId, (owner) => ok(s.drafts.get(owner, key))),
  'drafts.put': (s, { sessionId, key, text }) =>
    owned(s, sessionId, (owner) => ok(s.drafts.put(owner, key, text, s.now()))),
  'drafts.delete': (s, { sessionId, key }) =>
    owned(s, sessionId, (owner) => {
      s.drafts.delete(owner, key);
      return ok({});
    }),

  'outbox.put': (s, { sessionId, ...input }) =>
    owned(s, sessionId, (owner) => {
      const put = s.outbox.put(owner, input, s.now());
      if (!put.ok)
        return fail(put.reason.code === 'conflict' ? 'conflict' : 'invalid_input', put.reason.message);
      return changingOutbox(s, ok({ entry: put.entry }));
    }),
  'outbox.list': (s, { sessionId }) => owned(s, sessionId, (owner) => ok(s.outbox.list(owner))),
  'outbox.attempted': (s, { sessionId, id }) =>
    owned(s, sessionId, (owner) => ok({ attempts: s.outbox.attempted(owner, id) })),
  'outbox.delivered': (s, { sessionId, id }) =>
    owned(s, sessionId, (owner) => {
      const typed = s.outbox.delivered(owner, id);
      // What the hub applied is what the worker sent: the keyboard learns their words from it, here and only here.
      if (typed !== null && typed.trim() !== '') s.typingHistory.add(owner, typed.trim(), s.now());
      return changingOutbox(s, ok({}));
    }),
  'outbox.notSent': (s, { sessionId, id, reason }) =>
    owned(s, sessionId, (owner) => {
      s.outbox.notSent(owner, id, reason, s.now());
      return changingOutbox(s, ok({}));
    }),
  'outbox.retry': (s, { sessionId, id }) =>
    owned(s, sessionId, (owner) =>
      s.outbox.retry(owner, id)
        ? changingOutbox(s, ok({}))
        : fail('not_found', 'There is no such unsent entry.'),
    ),
  'outbox.discard': (s, { sessionId, id }) =>
    owned(s, sessionId, (owner) =>
      s.outbox.discard(owner, id)
        ? changingOutbox(s, ok({}))
        : fail('not_found', 'There is no such unsent entry.'),
    ),

  'typing.history': (s, { sessionId }) =>
    owned(s, sessionId, (owner) => ok({ entries: s.typingHistory.list(owner) })),
  'typing.forget': (s, { sessionId }) =>
    owned(s, sessionId, (owner) => ok({ forgotten: s.typingHistory.forget(owner) })),

  'window.flash': async (s, { reason }) => {
    await s.platform.flash(reason);
    return ok({});
  },
  'shell.openExternal': (s, { url }) => s.platform.openExternal(url),
  // Only for the worker signed in here: a page left over from the last one cannot put their customers on screen.
  'notification.show': async (s, { sessionId, title, body, route }) => {
    if (s.session.ownerFor(sessionId) === null) return notYourSession;
    return ok({ shown: await s.notifications.request({ title, body, route }) });
  },

  'speech.voices': async (s) => ok(await s.speech.voices()),
  'speech.render': (s, input) => s.speech.render(input),
  // Web mode has no blocker to hold: `held: false` tells the page to use the browser's Wake Lock.
  'power.keepAwake': (s, { on }) => ok({ held: s.platform.keepAwake?.(on) ?? false }),
  'restream.get': (s, { sessionId }) => owned(s, sessionId, (owner) => ok(s.restream.get(owner))),
  'restream.put': (s, { sessionId, url, streamKey }) =>
    owned(s, sessionId, (owner) => {
      s.restream.put(owner, { url, streamKey }, s.now());
      return ok({});
    }),
  'clock.record': (s, { sessionId, event }) =>
    owned(s, sessionId, (owner) => {
      const recorded = s.clock.record(owner, event, s.now());
      // Refused only if this version cannot form the command at all: nothing was written.
      if (!recorded.ok) return fail('invalid_input', recorded.reason.message);
      return changingOutbox(s, ok({ event: recorded.event, entry: recorded.entry }));
    }),
  'clock.list': (s, { sessionId, limit }) =>
    owned(s, sessionId, (owner) => ok(s.clock.list(owner, limit ?? 50))),
  // Electron prints the one app window (the only caller the IPC lets through); web mode cannot.
  'print.pdf': async (s, { fileName }) =>
    ok(s.platform.printPdf ? await s.platform.printPdf(fileName) : { unsupported: true as const }),
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
