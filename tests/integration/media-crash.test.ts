import { afterEach, describe, expect, it } from 'vitest';
import { startMediaPlane } from '../../server/media';
import { MediasoupPlane } from '../../server/media/plane';
import type { MediaPlaneEvents } from '../../server/media/types';
import {
  capturedLogger,
  feedTestSource,
  scratchDir,
  stopChild,
  waitFor,
  workerBinFromEnv,
} from './media-support';

describe('a media worker that dies', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  it('is reported, loses its rooms, is replaced, and the room can go live again', async () => {
    const { log } = capturedLogger();
    const scratch = scratchDir();
    cleanup.push(() => scratch.remove());
    const plane = await startMediaPlane({
      dataDir: scratch.dir,
      log,
      workers: 1,
      workerBin: workerBinFromEnv(),
    });
    if (!(plane instanceof MediasoupPlane)) throw new Error(`no worker: ${plane.status().reason ?? ''}`);
    cleanup.push(() => plane.close());

    const statuses: MediaPlaneEvents['status'][] = [];
    const lost: number[] = [];
    plane.on('status', (s) => statuses.push(s));
    plane.on('roomLost', ({ broadcastId }) => lost.push(broadcastId));

    await plane.openRoom(9);
    const ingest = await plane.ingestPlain(9);
    const feed = feedTestSource(ingest);
    cleanup.push(() => stopChild(feed));
    await waitFor('media from ffmpeg', async () => ((await plane.sendStats(9))?.bitrate ?? 0) > 0);

    const pid = plane.workerPid(9);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid ?? 0, 'SIGKILL');

    await waitFor('the room reported lost', () => lost.includes(9));
    expect(statuses[0]).toMatchObject({ available: false });
    expect(statuses[0]?.reason).toMatch(/restarting/);
    await waitFor('the replacement worker', () => plane.status().available);
    expect(statuses.at(-1)).toEqual({ available: true, reason: null });
    expect(plane.producers(9)).toEqual([]);
    await stopChild(feed);

    // The anchor goes live again on the replacement worker.
    await plane.openRoom(9);
    expect(plane.workerPid(9)).not.toBe(pid);
    const again = await plane.ingestPlain(9);
    const feedAgain = feedTestSource(again);
    cleanup.push(() => stopChild(feedAgain));
    await waitFor('media after the restart', async () => ((await plane.sendStats(9))?.bitrate ?? 0) > 0);
  });
});
