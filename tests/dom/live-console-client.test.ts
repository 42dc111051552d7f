import { FakeHandler, testFakeParameters, type types } from 'mediasoup-client';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveClient, type SignalLink } from '../../renderer/live/client/live-client';
import { Emitter } from '../../renderer/net/emitter';
import { ok, type Ack } from '../../shared/protocol';

/**
 * The client's own rules over mediasoup-client's FakeHandler (its shipped
 * test handler: no WebRTC in a DOM test): what it asks the hub, in which
 * order, and how it recovers. The real path, Chromium into the hub's
 * mediasoup, is the e2e test's and was run by hand (see the report).
 */

type Handler = ReturnType<ReturnType<typeof FakeHandler.createFactory>['factory']> & {
  setConnectionState(state: types.ConnectionState): void;
};

function harness() {
  const asked: string[] = [];
  const connects = new Emitter();
  const handlers: Handler[] = [];
  const base = FakeHandler.createFactory(testFakeParameters);
  const handlerFactory = {
    ...base,
    factory: (options: Parameters<typeof base.factory>[0]) => {
      const handler = base.factory(options) as Handler;
      handlers.push(handler);
      return handler;
    },
  };
  let transports = 0;
  let producers = 0;
  const answers: Record<string, () => unknown> = {
    'media.capabilities': () => ({ rtpCapabilities: testFakeParameters.generateRouterRtpCapabilities() }),
    'media.transport.create': () => {
      const remote = testFakeParameters.generateTransportRemoteParameters();
      transports += 1;
      return { ...remote, id: `t${transports}`, sctpParameters: null };
    },
    'media.transport.connect': () => ({}),
    'media.transport.restartIce': () => ({
      iceParameters: testFakeParameters.generateTransportRemoteParameters().iceParameters,
    }),
    'media.produce': () => ({ producerId: `p${++producers}` }),
  };
  const signal: SignalLink = {
    request: (name, input) => {
      asked.push(`${name}${'direction' in input ? `:${input.direction}` : ''}`);
      const answer = answers[name];
      return Promise.resolve((answer ? ok(answer()) : ok({})) as Ack<never>);
    },
    onConnected: (listener) => connects.subscribe(listener),
  };
  const client = new LiveClient({ signal, iceRestartGraceMs: 50, deviceOptions: { handlerFactory } });
  return { client, asked, handlers, reconnectSocket: () => connects.emit() };
}

function track(kind: 'audio' | 'video'): MediaStreamTrack {
  return Object.assign(new EventTarget(), {
    kind,
    id: `${kind}-${Math.random()}`,
    readyState: 'live',
    enabled: true,
    stop() {},
    clone() {
      return track(kind);
    },
  }) as unknown as MediaStreamTrack;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

let made: LiveClient | null = null;
afterEach(() => made?.dispose());

describe('LiveClient', () => {
  it('loads the device, makes a send transport and publishes simulcast video and the mixer audio', async () => {
    const { client, asked, handlers } = harness();
    made = client;
    await client.start(7, { video: track('video'), audio: track('audio'), preset: '720p' });
    expect(asked).toEqual([
      'media.capabilities',
      'media.transport.create:send',
      'media.transport.connect',
      'media.produce',
      'media.produce',
    ]);
    handlers[0]?.setConnectionState('connected');
    expect(client.snapshot).toEqual({ state: 'live', error: null });
  });

  it('restarts ICE on a disconnected transport, then replaces it when it does not come back', async () => {
    const { client, asked, handlers } = harness();
    made = client;
    await client.start(7, { video: track('video'), audio: track('audio'), preset: '720p' });
    handlers[0]?.setConnectionState('connected');
    asked.length = 0;
    handlers[0]?.setConnectionState('disconnected');
    expect(client.snapshot.state).toBe('reconnecting');
    await until(() => asked.includes('media.transport.restartIce'));
    // Still not connected after the grace time: new transport, new producers, same broadcast.
    await until(() => asked.filter((a) => a === 'media.produce').length === 2);
    expect(asked.slice(0, 3)).toEqual([
      'media.transport.restartIce',
      'media.capabilities',
      'media.transport.create:send',
    ]);
    await until(() => handlers.length === 2);
    handlers[1]?.setConnectionState('connected');
    expect(client.snapshot.state).toBe('live');
  });

  it('is back on air without a rebuild when the ICE restart works in time', async () => {
    const { client, asked, handlers } = harness();
    made = client;
    await client.start(7, { video: track('video'), audio: track('audio'), preset: '720p' });
    handlers[0]?.setConnectionState('connected');
    asked.length = 0;
    handlers[0]?.setConnectionState('failed');
    await until(() => asked.includes('media.transport.restartIce'));
    handlers[0]?.setConnectionState('connected');
    await new Promise((r) => setTimeout(r, 120));
    expect(asked).toEqual(['media.transport.restartIce']);
    expect(client.snapshot.state).toBe('live');
  });

  it('publishes again on new transports after the hub socket reconnects', async () => {
    const { client, asked, reconnectSocket, handlers } = harness();
    made = client;
    await client.start(7, { video: track('video'), audio: track('audio'), preset: '720p' });
    asked.length = 0;
    reconnectSocket();
    await until(() => asked.filter((a) => a === 'media.produce').length === 2);
    expect(asked[0]).toBe('media.capabilities');
    expect(handlers).toHaveLength(2);
  });

  it('sends sound only without a camera, and stops asking once stopped', async () => {
    const { client, asked, reconnectSocket } = harness();
    made = client;
    await client.start(7, { video: null, audio: track('audio'), preset: '720p' });
    expect(asked.filter((a) => a === 'media.produce')).toHaveLength(1);
    client.stop();
    asked.length = 0;
    reconnectSocket();
    await new Promise((r) => setTimeout(r, 30));
    expect(asked).toEqual([]);
    expect(client.snapshot.state).toBe('idle');
  });
});
