import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { startMediaPlane } from '../../server/media';
import { MediasoupPlane } from '../../server/media/plane';
import { MediaError, type MediaPlane } from '../../server/media/types';
import {
  capturedLogger,
  feedTestSource,
  scratchDir,
  stopChild,
  waitFor,
  workerBinFromEnv,
} from './media-support';

async function startPlane(options: { workers?: number; maxConsumersPerWorker?: number } = {}) {
  const { log, lines } = capturedLogger();
  const scratch = scratchDir();
  const plane = await startMediaPlane({
    dataDir: scratch.dir,
    log,
    workerBin: workerBinFromEnv(),
    workers: options.workers ?? 1,
    ...(options.maxConsumersPerWorker !== undefined
      ? { maxConsumersPerWorker: options.maxConsumersPerWorker }
      : {}),
  });
  expect(plane.status()).toEqual({ available: true, reason: null });
  if (!(plane instanceof MediasoupPlane)) throw new Error('expected the mediasoup plane');
  return { plane, lines, scratch };
}

describe('media plane on a real mediasoup worker', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  it('forwards plain RTP from ffmpeg to a consumer and reports send stats', async () => {
    const { plane, scratch } = await startPlane();
    cleanup.push(
      () => scratch.remove(),
      () => plane.close(),
    );
    await plane.openRoom(7);
    await plane.openRoom(7); // idempotent
    const changes: number[] = [];
    plane.on('producers', (p) => changes.push(p.producers.length));
    const ingest = await plane.ingestPlain(7);
    expect(
      plane
        .producers(7)
        .map((p) => p.kind)
        .sort(),
    ).toEqual(['audio', 'video']);
    expect(changes).toEqual([1, 2]);
    const feed = feedTestSource(ingest);
    cleanup.push(() => stopChild(feed));

    // A receiver on loopback gets the hub's RTP for the video producer.
    const socket = createSocket('udp4');
    const rtcp = createSocket('udp4');
    cleanup.push(() => {
      socket.close();
      rtcp.close();
    });
    let packets = 0;
    const payloadTypes = new Set<number>();
    socket.on('message', (msg) => {
      packets++;
      payloadTypes.add((msg[1] ?? 0) & 0x7f);
    });
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    await new Promise<void>((r) => rtcp.bind(0, '127.0.0.1', () => r()));
    const out = await plane.consumePlain(7, ingest.video.producerId, {
      ip: '127.0.0.1',
      port: socket.address().port,
      rtcpPort: rtcp.address().port,
    });
    cleanup.push(() => out.close());
    await waitFor('RTP from the hub', () => packets > 50);
    expect([...payloadTypes]).toContain(out.payloadType);

    const stats = await waitFor('send stats', async () => {
      const s = await plane.sendStats(7);
      return s && s.bitrate > 100_000 && s.score > 0 ? s : null;
    });
    expect(stats.packetLoss).toBeGreaterThanOrEqual(0);
    expect(stats.packetLoss).toBeLessThanOrEqual(1);

    // A browser-side transport goes through the WebRtcServer; the consumer starts paused.
    const viewer = { peerId: 'viewer-1', broadcastId: 7, role: 'viewer' as const };
    const transport = await plane.createTransport(viewer, 'recv');
    expect(transport.iceCandidates.length).toBeGreaterThanOrEqual(2);
    const caps = await plane.rtpCapabilities(7);
    const consumer = await plane.consume(viewer, transport.id, ingest.video.producerId, caps);
    expect(consumer.kind).toBe('video');
    await plane.resume('viewer-1', consumer.id);

    // Only the anchor produces, and a peer reaches only its own transports and consumers.
    await expect(plane.createTransport(viewer, 'send')).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      plane.produce(viewer, transport.id, 'video', { codecs: [], encodings: [] }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(plane.resume('someone-else', consumer.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      plane.connectTransport('someone-else', transport.id, { role: 'client', fingerprints: [] }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(plane.connectTransport('viewer-1', transport.id, { nonsense: true })).rejects.toBeInstanceOf(
      MediaError,
    );
    await expect(
      plane.consume(viewer, transport.id, ingest.audio.producerId, { codecs: 'not a list' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const anchor = { peerId: 'anchor-1', broadcastId: 7, role: 'anchor' as const };
    const send = await plane.createTransport(anchor, 'send');
    await expect(
      plane.produce(anchor, send.id, 'video', { codecs: [{ mimeType: 'video/nope' }] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });

    plane.closePeer('viewer-1');
    await expect(plane.resume('viewer-1', consumer.id)).rejects.toMatchObject({ code: 'not_found' });
    await plane.closeRoom(7);
    expect(plane.producers(7)).toEqual([]);
    expect(changes.at(-1)).toBe(0);
  });

  it('spreads a room to the next worker with pipeToRouter once a worker is full', async () => {
    const { plane, scratch } = await startPlane({ workers: 2, maxConsumersPerWorker: 1 });
    cleanup.push(
      () => scratch.remove(),
      () => plane.close(),
    );
    await plane.openRoom(8);
    const ingest = await plane.ingestPlain(8);
    const feed = feedTestSource(ingest);
    cleanup.push(() => stopChild(feed));
    const caps = await plane.rtpCapabilities(8);

    const first = { peerId: 'v1', broadcastId: 8, role: 'viewer' as const };
    const t1 = await plane.createTransport(first, 'recv');
    await plane.consume(first, t1.id, ingest.video.producerId, caps);
    expect(plane.roomSlots(8)).toHaveLength(1);

    const second = { peerId: 'v2', broadcastId: 8, role: 'viewer' as const };
    const t2 = await plane.createTransport(second, 'recv');
    const slots = plane.roomSlots(8);
    expect(slots).toHaveLength(2);
    expect(new Set(slots).size).toBe(2);
    // The piped producer keeps its id, so the viewer on the other worker consumes the same producer.
    const c2 = await plane.consume(second, t2.id, ingest.video.producerId, caps);
    const a2 = await plane.consume(second, t2.id, ingest.audio.producerId, caps);
    await plane.resume('v2', c2.id);
    await plane.resume('v2', a2.id);
    expect(c2.producerId).toBe(ingest.video.producerId);
  });

  it('reports a worker binary that cannot run as unavailable, in plain words', async () => {
    const { log } = capturedLogger();
    const scratch = scratchDir();
    cleanup.push(() => scratch.remove());
    const plane: MediaPlane = await startMediaPlane({
      dataDir: scratch.dir,
      log,
      workers: 1,
      workerBin: `${scratch.dir}/no-such-mediasoup-worker`,
    });
    const status = plane.status();
    expect(status.available).toBe(false);
    expect(status.reason).toMatch(/mediasoup-worker/);
    await expect(plane.openRoom(1)).rejects.toMatchObject({ code: 'unavailable' });

    const notExecutable = await startMediaPlane({
      dataDir: scratch.dir,
      log,
      workers: 1,
      workerBin: scratch.dir,
    });
    expect(notExecutable.status().available).toBe(false);
    await notExecutable.close();
  });
});
