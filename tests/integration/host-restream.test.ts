import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handleBridgeCall } from '../../electron/host/bridge-dispatch';
import { createHostServices, type HostServices } from '../../electron/host/services';
import type { ChannelName, ChannelOutput } from '../../shared/bridge';
import type { Ack } from '../../shared/protocol';
import { startHub, tempDir, type TestHub } from '../support/hub-client';

/** The anchor's restream target through the bridge, signed in to a real demo hub as the renderer would. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ demo: true });
});
afterAll(async () => {
  await hub.stop();
});

const logged: string[] = [];
let opened: HostServices[] = [];
afterEach(() => {
  for (const s of opened) s.close();
  opened = [];
  logged.length = 0;
});

function host(dir: string): HostServices {
  const services = createHostServices({
    dataDir: dir,
    log: {
      warn: (obj, msg) => logged.push(JSON.stringify({ obj, msg })),
      error: (obj, msg) => logged.push(JSON.stringify({ obj, msg })),
    },
    hubInfo: () => ({ hubUrl: hub.hub.url, embeddedHub: true, version: 'test', demoPassword: 'wings-demo' }),
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

async function signIn(s: HostServices, username: string): Promise<string> {
  const answer = await call(s, 'session.signIn', { username, password: 'wings-demo' });
  if (!answer.ok) throw new Error(`sign-in as ${username}: ${answer.error.code}`);
  return answer.data.sessionId;
}

const target = { url: 'rtmp://push-rtmp-l1.douyincdn.com/stage', streamKey: 'stream-7788?sign=ab12' };

describe('restream.get and restream.put', { timeout: 30_000 }, () => {
  it("keeps the anchor's target for the anchor only, across a restart", async () => {
    const dir = tempDir('wings-host-');
    let s = host(dir);
    const anchor = await signIn(s, 'anchor');
    expect(await call(s, 'restream.get', { sessionId: anchor })).toEqual({ ok: true, data: null });
    expect(await call(s, 'restream.put', { sessionId: anchor, ...target })).toEqual({ ok: true, data: {} });
    expect(await call(s, 'restream.get', { sessionId: anchor })).toEqual({ ok: true, data: target });

    // A session id that is not the signed-in one learns nothing.
    expect(await call(s, 'restream.get', { sessionId: `${anchor}x` })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // Another worker signed in on the same workstation has no target, and cannot read hers.
    await call(s, 'session.signOut', { sessionId: anchor });
    const agent = await signIn(s, 'agent');
    expect(await call(s, 'restream.get', { sessionId: agent })).toEqual({ ok: true, data: null });
    await call(s, 'session.signOut', { sessionId: agent });
    s.close();

    s = host(dir);
    const again = await signIn(s, 'anchor');
    expect(await call(s, 'restream.get', { sessionId: again })).toEqual({ ok: true, data: target });
    // Emptying both forgets it.
    await call(s, 'restream.put', { sessionId: again, url: '', streamKey: '' });
    expect(await call(s, 'restream.get', { sessionId: again })).toEqual({ ok: true, data: null });
    expect(logged.join('\n')).not.toContain('stream-7788');
  });
});
