import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, ChannelOutput, HostEventName } from '../../shared/bridge';
import type { Ack } from '../../shared/protocol';
import { handleBridgeCall } from '../../electron/host/bridge-dispatch';
import { notificationGapMs, type OsNotification } from '../../electron/host/notifications';
import {
  createHostServices,
  webPlatform,
  type HostPlatform,
  type HostServices,
} from '../../electron/host/services';
import { startHub, tempDir, type TestHub } from '../support/hub-client';

/**
 * `notification.show` end to end through the host's dispatcher, for a worker
 * signed in to a real demo hub: web mode shows none; a platform with OS
 * notifications (the desktop stands in for Electron's Notification, the one
 * thing here that is not Wings) shows them at most one per gap, and a click
 * comes back to the page as `notification.clicked` with the route.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ demo: true });
});
afterAll(async () => {
  await hub.stop();
});

const opened: HostServices[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function host(platform: HostPlatform): HostServices {
  const services = createHostServices({
    dataDir: tempDir('wings-host-'),
    log: { warn() {}, error() {} },
    hubInfo: () => ({ hubUrl: hub.hub.url, embeddedHub: true, version: 'test', demoPassword: 'wings-demo' }),
    platform,
  });
  opened.push(services);
  return services;
}

function call<N extends ChannelName>(
  s: HostServices,
  name: N,
  input: unknown,
): Promise<Ack<ChannelOutput<N>>> {
  return handleBridgeCall(s, name, input) as Promise<Ack<ChannelOutput<N>>>;
}

async function signIn(s: HostServices): Promise<string> {
  const answer = await call(s, 'session.signIn', { username: 'agent', password: 'wings-demo' });
  if (!answer.ok) throw new Error(`sign-in: ${answer.error.code}`);
  return answer.data.sessionId;
}

function desktop() {
  const shown: (OsNotification & { click: () => void })[] = [];
  const platform: HostPlatform = {
    ...webPlatform,
    transport: 'electron',
    notify: (notification, clicked) => {
      shown.push({ ...notification, click: clicked });
      return true;
    },
  };
  return { shown, platform };
}

const notice = (sessionId: string, n: number) => ({
  sessionId,
  title: `New conversation #${n}`,
  body: `王丽娟: 我的金桔还没到 (${n})`,
  route: `#/tickets/${n}`,
});

describe('notification.show', () => {
  it('answers shown: false in web mode, where the page alone alerts', async () => {
    const s = host(webPlatform);
    const sessionId = await signIn(s);
    expect(await call(s, 'notification.show', notice(sessionId, 42))).toEqual({
      ok: true,
      data: { shown: false },
    });
  });

  it('shows one for the signed-in worker, and a click sends the page to its ticket', async () => {
    const os = desktop();
    const s = host(os.platform);
    const events: { name: HostEventName; payload: unknown }[] = [];
    s.events.subscribe((name, payload) => events.push({ name, payload }));
    const sessionId = await signIn(s);
    expect(await call(s, 'notification.show', notice(sessionId, 42))).toEqual({
      ok: true,
      data: { shown: true },
    });
    // The OS gets the words; where a click leads stays on the host.
    expect(os.shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'New conversation #42', body: '王丽娟: 我的金桔还没到 (42)' },
    ]);
    os.shown[0]?.click();
    expect(events.filter((e) => e.name === 'notification.clicked')).toEqual([
      { name: 'notification.clicked', payload: { route: '#/tickets/42' } },
    ]);
  });

  it('lets a page put at most one on the desktop per gap, the newest of a burst', async () => {
    const os = desktop();
    const s = host(os.platform);
    const sessionId = await signIn(s);
    const started = Date.now();
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => call(s, 'notification.show', notice(sessionId, n))),
    );
    expect(answers.map((a) => a.ok && a.data.shown)).toEqual([true, false, false, false, true]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(notificationGapMs - 50);
    expect(os.shown.map((n) => n.title)).toEqual(['New conversation #1', 'New conversation #5']);
  });

  it('refuses a worker who is not signed in here, and one who signed out', async () => {
    const os = desktop();
    const s = host(os.platform);
    const sessionId = await signIn(s);
    expect(await call(s, 'session.signOut', { sessionId })).toMatchObject({ ok: true });
    expect(await call(s, 'notification.show', notice(sessionId, 7))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(os.shown).toEqual([]);
  });
});
