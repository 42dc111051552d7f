import { rmSync } from 'node:fs';
import * as parser from 'socket.io-parser';
import { v7 as uuidv7 } from 'uuid';
import type { HostSession, NotSentEntry, WingsBridge } from '../../shared/bridge';
import { handleBridgeCall } from '../../electron/host/bridge-dispatch';
import { createHostServices, type HostServices } from '../../electron/host/services';
import { Session, type SessionOptions } from '../../renderer/session/session';
import { startHub, tempDir, type TestHub } from './hub-client';
import { until } from './until';

export { until };

/**
 * A workstation for renderer tests, all real: a demo hub in this process,
 * the host's services on a temp directory, and the bridge between them the
 * way Electron's IPC carries it (every call through the host's one
 * dispatcher, answers and events copied, events delivered after the call
 * that raised them rather than inside it).
 */
export interface Workstation {
  hub: TestHub;
  dir: string;
  services: HostServices;
  bridge: WingsBridge;
  /** The host restarted on the same directory (same disk, nobody signed in). */
  restartHost(): void;
  close(): Promise<void>;
}

export interface WorkstationOptions {
  hub?: TestHub;
  /** Seed the demo's six months of shifts and pay into the hub this opens (off: most tests read none of it). */
  demoHistory?: boolean;
}

export async function openWorkstation(options: WorkstationOptions = {}): Promise<Workstation> {
  // In the DOM test project the host's fetch is happy-dom's, which sends the test window's Origin like a
  // browser would; the hub is told that origin is a workstation page, as web mode's is.
  const page = (globalThis as { location?: { origin: string } }).location;
  const pageOrigin = page ? [page.origin] : [];
  const hub =
    options.hub ??
    (await startHub({ demo: true, demoHistory: options.demoHistory ?? false, allowedOrigins: pageOrigin }));
  const dir = tempDir('wings-workstation-');
  const open = () =>
    createHostServices({
      dataDir: dir,
      log: { warn() {}, error() {} },
      hubInfo: () => ({
        hubUrl: hub.hub.url,
        embeddedHub: true,
        version: 'test',
        demoPassword: 'wings-demo',
      }),
    });
  let services = open();
  // Listeners subscribe to the services of the moment; a restart keeps the page's subscriptions working.
  const listeners = new Set<{ name: string; handler: (payload: unknown) => void }>();
  let offBus = services.events.subscribe((name, payload) => relay(name, payload));
  function relay(name: string, payload: unknown): void {
    for (const l of [...listeners]) {
      if (l.name !== name) continue;
      const copy = structuredClone(payload);
      queueMicrotask(() => l.handler(copy));
    }
  }
  const bridge: WingsBridge = {
    call: async (name, input) =>
      structuredClone(await handleBridgeCall(services, name, structuredClone(input))) as never,
    listen: (name, handler) => {
      const entry = { name, handler: handler as (payload: unknown) => void };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
  };
  return {
    hub,
    dir,
    get services() {
      return services;
    },
    bridge,
    restartHost() {
      offBus();
      services.close();
      services = open();
      offBus = services.events.subscribe((name, payload) => relay(name, payload));
    },
    async close() {
      offBus();
      services.close();
      rmSync(dir, { recursive: true, force: true });
      if (!options.hub) await hub.stop();
    },
  };
}

export async function signInOnHost(ws: Workstation, username: string): Promise<HostSession> {
  const answer = await ws.bridge.call('session.signIn', { username, password: 'wings-demo' });
  if (!answer.ok) throw new Error(`sign-in as ${username}: ${answer.error.code}`);
  return answer.data;
}

/** Websocket straight away (no long-polling first) and short waits: tests need no patience for a LAN. */
export function testSession(
  ws: Workstation,
  host: HostSession,
  options: Omit<SessionOptions, 'bridge' | 'host'> = {},
): Session {
  return new Session({
    bridge: ws.bridge,
    host,
    draftSaveDelayMs: 20,
    ...options,
    hub: {
      commandTimeoutMs: 2_000,
      ...options.hub,
      socketOptions: { transports: ['websocket'], reconnectionDelay: 50, ...options.hub?.socketOptions },
    },
  });
}

/**
 * A team note the real hub refuses for good. Nothing the page does can make
 * the hub refuse a note (both the page and the host check every note first),
 * so this uses what the hub does refuse: a command id it already answered
 * for another command. The signed-in admin (the demo "employer") creates an
 * account under id X, then queues a note under X: `conflict`, kept as not sent.
 */
export async function refusedNote(session: Session, body: string): Promise<NotSentEntry> {
  const id = uuidv7();
  const account = await session.outbox.enqueue(
    'admin.users.create',
    {
      id,
      username: `temp-${id.slice(-12)}`,
      displayName: 'Temporary account',
      password: 'temporary-password',
      roles: ['agent'],
    },
    null,
  );
  if (!account.ok) throw new Error(`not queued: ${account.error.code}`);
  await until(() => !session.outbox.pending.some((e) => e.id === id));
  if (session.outbox.notSent.some((e) => e.id === id)) throw new Error('the account was refused');
  const note = await session.outbox.enqueue('team.post', { id, body }, 'team.note');
  if (!note.ok) throw new Error(`not queued: ${note.error.code}`);
  await until(() => session.outbox.notSent.some((e) => e.id === id));
  const entry = session.outbox.notSent.find((e) => e.id === id);
  if (!entry) throw new Error('unreachable');
  return entry;
}

/**
 * A link that loses every packet of the named events on the way out: the hub
 * never hears them, so they never get an answer and time out, while every
 * other event goes through. socket.io's own encoder, with a filter in front.
 */
export function lossyParser(lost: readonly string[]): typeof parser {
  class LossyEncoder extends parser.Encoder {
    override encode(packet: parser.Packet): ReturnType<parser.Encoder['encode']> {
      const name: unknown = Array.isArray(packet.data) ? packet.data[0] : undefined;
      if (packet.type === parser.PacketType.EVENT && typeof name === 'string' && lost.includes(name))
        return [];
      return super.encode(packet);
    }
  }
  return { ...parser, Encoder: LossyEncoder };
}
