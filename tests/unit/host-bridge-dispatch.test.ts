import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, isChannelName } from '../../shared/bridge';
import { handleBridgeCall } from '../../electron/host/bridge-dispatch';
import { createHostServices, webPlatform } from '../../electron/host/services';
import { hostFixture, type HostFixture } from './host-fixture';

let fx: HostFixture;
beforeEach(() => {
  fx = hostFixture();
});
afterEach(() => fx.cleanup());

describe('handleBridgeCall', () => {
  it('refuses any name that is not a channel with invalid_input, never a throw', async () => {
    const s = fx.open();
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((name) => !isChannelName(name)),
        fc.anything(),
        async (name, input) => {
          const answer = await handleBridgeCall(s, name, input);
          expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        },
      ),
      { numRuns: 300 },
    );
    // Names that exist on every object must not pass for channels.
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await handleBridgeCall(s, name, {})).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });

  it('answers every channel with an ack for arbitrary input, and only invalid_input when refused', async () => {
    const s = fx.open();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), fc.anything(), async (name, input) => {
        const answer = await handleBridgeCall(s, name, input);
        expect(typeof answer.ok).toBe('boolean');
        // `unavailable` is web mode's answer to a well-formed openExternal.
        if (!answer.ok) expect(['invalid_input', 'unavailable']).toContain(answer.error.code);
      }),
      { numRuns: 500 },
    );
  });

  it('reports the input issues with paths', async () => {
    const answer = await handleBridgeCall(fx.open(), 'drafts.put', { key: '', text: 5 });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('invalid_input');
      expect(answer.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining([['key'], ['text']]));
    }
  });

  it('survives inputs whose getters throw', async () => {
    const hostile = Object.defineProperty({}, 'key', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const answer = await handleBridgeCall(fx.open(), 'drafts.get', hostile);
    expect(answer.ok).toBe(false);
  });

  it('wraps a failing service as internal and logs it', async () => {
    const s = fx.open({
      platform: {
        ...webPlatform,
        flash() {
          throw new Error('window is gone');
        },
      },
    });
    expect(await handleBridgeCall(s, 'window.flash', { reason: 'new ticket' })).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.any(String) },
    });
    expect(fx.logged).toContainEqual({ level: 'error', msg: 'bridge call failed' });
  });

  it('answers internal when the store is closed underneath a call', async () => {
    const s = fx.open();
    s.close();
    expect(await handleBridgeCall(s, 'settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('web mode: window.flash is ok, shell.openExternal is unavailable, and only outside http(s) links pass', async () => {
    const s = fx.open();
    expect(await handleBridgeCall(s, 'window.flash', { reason: 'customer waiting' })).toEqual({
      ok: true,
      data: {},
    });
    expect(await handleBridgeCall(s, 'shell.openExternal', { url: 'https://example.com/' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      expect(await handleBridgeCall(s, 'shell.openExternal', { url })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });

  it('host.info names the hub and the transport, and is unavailable until the hub is settled', async () => {
    expect(await handleBridgeCall(fx.open(), 'host.info', {})).toEqual({
      ok: true,
      data: {
        hubUrl: 'http://127.0.0.1:1',
        embeddedHub: true,
        transport: 'web',
        version: '0.0.0-test',
        demoPassword: null,
      },
    });
    const pending = createHostServices({ dataDir: fx.dir + '/pending', hubInfo: () => null, log: console });
    try {
      expect(await handleBridgeCall(pending, 'host.info', {})).toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
    } finally {
      pending.close();
    }
  });
});
