import { createWorker, type types as ms } from 'mediasoup';
import { afterEach, describe, expect, it } from 'vitest';
import { startMediaPlane } from '../../server/media';
import { mediaCodecs } from '../../server/media/codecs';
import { MediaFlowWatch } from '../../server/media/media-flow-watch';
import { ingestPlain } from '../../server/media/plain-rtp';
import { MediasoupPlane } from '../../server/media/plane';
import { Room } from '../../server/media/room';
import {
  capturedLogger,
  feedTestSource,
  scratchDir,
  stopChild,
  waitFor,
  workerBinFromEnv,
} from './media-support';

describe('recovering from the anchor’s stalled picture', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  it('says recovering within seconds of the picture stopping, and clears when it flows again', async () => {
    const { log } = capturedLogger();
    const scratch = scratchDir();
    const plane = await startMediaPlane({
      dataDir: scratch.dir,
      log,
      workerBin: workerBinFromEnv(),
      workers: 1,
    });
    cleanup.push(
      () => scratch.remove(),
      () => plane.close(),
    );
    if (!(plane instanceof MediasoupPlane)) throw new Error('expected the mediasoup plane');
    await plane.openRoom(11);
    const events: { recovering: boolean; at: number }[] = [];
    plane.on('recovering', (e) => {
      if (e.broadcastId === 11) events.push({ recovering: e.recovering, at: Date.now() });
    });
    const ingest = await plane.ingestPlain(11);
    const first = feedTestSource(ingest);
    cleanup.push(() => stopChild(first));
    await waitFor('bytes into the hub', async () => ((await plane.sendStats(11))?.bitrate ?? 0) > 0);
    // Flowing for a few polls: nothing to report.
    await new Promise((r) => setTimeout(r, 2500));
    expect(events).toEqual([]);

    const cutAt = Date.now();
    await stopChild(first);
    const stalled = await waitFor('recovering: true', () => events.find((e) => e.recovering), 6000);
    expect(stalled.at - cutAt).toBeGreaterThanOrEqual(2500);
    expect(stalled.at - cutAt).toBeLessThan(5500);

    // The anchor comes back with a new producer (as a reconnecting anchor does): its bytes clear the stall.
    const again = await plane.ingestPlain(11);
    const second = feedTestSource(again);
    cleanup.push(() => stopChild(second));
    await waitFor('recovering: false', () => events.length === 2 && events[1]?.recovering === false, 6000);
    expect(events.map((e) => e.recovering)).toEqual([true, false]);
  }, 30_000);

  it('does not count a paused picture as a drop, and watches again once it resumes', async () => {
    const worker = await createWorker({ workerBin: workerBinFromEnv(), logLevel: 'error' });
    cleanup.push(() => worker.close());
    const router = await worker.createRouter({ mediaCodecs });
    const producers: ms.Producer[] = [];
    const ingest = await ingestPlain(new Room(12, { slot: 0, router }), '127.0.0.1', (p) =>
      producers.push(p),
    );
    const video = producers.find((p) => p.kind === 'video');
    if (!video) throw new Error('expected a video producer');
    const changes: boolean[] = [];
    const watch = new MediaFlowWatch(video, (stalled) => changes.push(stalled), {
      intervalMs: 200,
      stallMs: 1000,
    });
    cleanup.push(() => watch.stop());
    const feed = feedTestSource(ingest);
    cleanup.push(() => stopChild(feed));
    await waitFor('the picture flowing', () => changes.length > 0);
    expect(changes).toEqual([false]);

    await video.pause();
    await stopChild(feed);
    await new Promise((r) => setTimeout(r, 2000));
    expect(changes).toEqual([false]);

    // Resumed but nothing arrives: that is a drop.
    await video.resume();
    await waitFor('the stall after resuming', () => changes.length > 1, 3000);
    expect(changes).toEqual([false, true]);
  }, 30_000);
});
