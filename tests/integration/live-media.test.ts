import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomProducers } from '../../shared/protocol/media';
import type { ConsoleState, RoomState } from '../../shared/protocol/live';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub } from '../support/hub-client';
import { capturedLogger, workerBinFromEnv } from './media-support';
import { nextPush, viewer, viewerCall } from './live-fixture';

/** What an anchor's browser would send for one Opus track: mediasoup checks it against the router. */
const opusParameters = {
  codecs: [
    {
      mimeType: 'audio/opus',
      payloadType: 111,
      clockRate: 48000,
      channels: 2,
      parameters: { minptime: 10, useinbandfec: 1 },
      rtcpFeedback: [],
    },
  ],
  headerExtensions: [],
  encodings: [{ ssrc: 11_111_111 }],
  rtcp: { cname: 'wings-test', reducedSize: true },
};

/**
 * The Live job's media signalling on a real mediasoup worker: the anchor
 * sends into their own broadcast, a viewer receives only, producers are
 * pushed, a closed socket's media goes with it, and a crashed worker ends
 * the broadcast, which can then go live again.
 */
describe('live media signalling', () => {
  let t: TestHub;
  let anchor: ClientSocket;
  let employer: ClientSocket;
  let broadcastId = 0;
  const sockets: ClientSocket[] = [];
  const logged = capturedLogger();

  beforeAll(async () => {
    workerBinFromEnv();
    t = await startHub({ demo: true, media: { workers: 1 }, logger: logged.log });
    anchor = await signIn(t.hub.url, 'anchor', 'wings-demo');
    employer = await signIn(t.hub.url, 'employer', 'wings-demo');
    const { room } = expectOk(await call(anchor, 'live.broadcast.start', { id: newId(), title: '金桔直播' }));
    broadcastId = room.broadcast?.id ?? 0;
  }, 30_000);
  afterAll(async () => {
    for (const s of [anchor, employer, ...sockets]) s.close();
    await t.stop();
  });

  it('the console says the media plane is available', async () => {
    const state: ConsoleState = expectOk(await call(anchor, 'live.console', {}));
    expect(state.media).toEqual({ available: true, reason: null });
    expect(state.restream.state).toBe('idle');
  });

  it('the anchor produces; a viewer and a supervisor consume, receiving only', async () => {
    const { rtpCapabilities } = expectOk(await call(anchor, 'media.capabilities', { broadcastId }));
    expect(Array.isArray(rtpCapabilities['codecs'])).toBe(true);
    const send = expectOk(await call(anchor, 'media.transport.create', { broadcastId, direction: 'send' }));
    const v = await viewer(t.hub.url, '看直播的');
    sockets.push(v.socket);
    const pushed = nextPush<RoomProducers>(v.socket, 'view.producers', (p) => p.producers.length > 0);
    const { producerId } = expectOk(
      await call(anchor, 'media.produce', {
        transportId: send.id,
        kind: 'audio',
        rtpParameters: opusParameters,
      }),
    );
    expect((await pushed).producers).toEqual([{ id: producerId, kind: 'audio' }]);

    expectOk(await viewerCall(v.socket, 'media.capabilities', { broadcastId }));
    const refused = await viewerCall(v.socket, 'media.transport.create', { broadcastId, direction: 'send' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const recv = expectOk(
      await viewerCall(v.socket, 'media.transport.create', { broadcastId, direction: 'recv' }),
    );
    const consumer = expectOk(
      await viewerCall(v.socket, 'media.consume', { transportId: recv.id, producerId, rtpCapabilities }),
    );
    expect(consumer).toMatchObject({ producerId, kind: 'audio' });
    expectOk(await viewerCall(v.socket, 'media.consumer.resume', { consumerId: consumer.id }));
    expect(expectOk(await viewerCall(v.socket, 'media.producers', { broadcastId })).producers).toHaveLength(
      1,
    );

    // A supervisor watches: a receive transport yes, a send transport or a producer no.
    expect(await call(employer, 'media.transport.create', { broadcastId, direction: 'send' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const watch = expectOk(
      await call(employer, 'media.transport.create', { broadcastId, direction: 'recv' }),
    );
    expect(
      await call(employer, 'media.produce', {
        transportId: watch.id,
        kind: 'audio',
        rtpParameters: opusParameters,
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expectOk(await call(employer, 'media.consume', { transportId: watch.id, producerId, rtpCapabilities }));
  });

  it('a malformed parameter from the client is refused, not a crash', async () => {
    const send = expectOk(await call(anchor, 'media.transport.create', { broadcastId, direction: 'send' }));
    const bad = await call(anchor, 'media.produce', {
      transportId: send.id,
      kind: 'video',
      rtpParameters: { codecs: 'nonsense' },
    });
    expect(bad.ok).toBe(false);
    expect(expectOk(await call(anchor, 'live.console', {})).media.available).toBe(true);
  });

  it('lets only the anchor of the broadcast drive its outputs', async () => {
    const key = 'sk-live-7f3a9c1e-secret';
    const target = { broadcastId, url: 'rtmp://127.0.0.1:9/live', streamKey: key };
    expect(await call(employer, 'live.restream.start', target)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(employer, 'live.recording.start', { broadcastId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const mine = await call(anchor, 'live.restream.start', target);
    expect(JSON.stringify(mine)).not.toContain(key);
    if (mine.ok) expectOk(await call(anchor, 'live.restream.stop', { broadcastId }));
    expect(logged.lines.filter((l) => l.includes(key))).toEqual([]);
  });

  it('a closed anchor socket takes its producers with it', async () => {
    const v = await viewer(t.hub.url, '等主播');
    sockets.push(v.socket);
    const gone = nextPush<RoomProducers>(v.socket, 'view.producers', (p) => p.producers.length === 0);
    anchor.close();
    expect((await gone).broadcastId).toBe(broadcastId);
    anchor = await signIn(t.hub.url, 'anchor', 'wings-demo');
  });

  it('a crashed worker ends the broadcast, and the room can go live again', async () => {
    expectOk(await call(anchor, 'media.capabilities', { broadcastId }));
    const bin = workerBinFromEnv();
    const pids = execFileSync('pgrep', ['-P', String(process.pid), '-f', bin], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(pids.length).toBeGreaterThan(0);
    const ended = nextPush<RoomState>(anchor, 'live.state', (s) => s.broadcast?.status === 'ended', 10_000);
    for (const pid of pids) process.kill(Number(pid), 'SIGKILL');
    expect((await ended).broadcast?.id).toBe(broadcastId);
    // The pool brings a worker back; once it has, "Go live" works again with media.
    let again: number | null = null;
    for (let i = 0; i < 50 && again === null; i++) {
      const state = expectOk(await call(anchor, 'live.console', {}));
      if (state.media.available) {
        const { room } = expectOk(
          await call(anchor, 'live.broadcast.start', { id: newId(), title: '再来一场' }),
        );
        again = room.broadcast?.id ?? null;
      } else await new Promise((r) => setTimeout(r, 200));
    }
    expect(again).not.toBeNull();
    if (again === null) return;
    expectOk(await call(anchor, 'media.capabilities', { broadcastId: again }));
  }, 20_000);
});
