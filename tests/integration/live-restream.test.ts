import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleState } from '../../shared/protocol/live';
import { startMediaPlane } from '../../server/media';
import { MediasoupPlane } from '../../server/media/plane';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub } from '../support/hub-client';
import { nextPush } from './live-fixture';
import {
  capturedLogger,
  feedTestSource,
  probeStreams,
  scratchDir,
  stopChild,
  waitFor,
  workerBinFromEnv,
} from './media-support';

function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The anchor's restream through the hub's commands: the broadcast (fed by
 * ffmpeg as plain RTP) reaches a local RTMP listener with video and audio,
 * the console hears the output's state, and the stream key is in no log line.
 */
describe('live restream through the hub', () => {
  const logged = capturedLogger();
  const scratch = scratchDir();
  let t: TestHub;
  let anchor: ClientSocket;
  let plane: MediasoupPlane;
  const children: ReturnType<typeof spawn>[] = [];

  beforeAll(async () => {
    const started = await startMediaPlane({
      dataDir: scratch.dir,
      log: logged.log,
      workers: 1,
      workerBin: workerBinFromEnv(),
    });
    if (!(started instanceof MediasoupPlane)) throw new Error(`no worker: ${started.status().reason ?? ''}`);
    plane = started;
    t = await startHub({ demo: true, mediaPlane: plane, logger: logged.log });
    anchor = await signIn(t.hub.url, 'anchor', 'wings-demo');
  }, 30_000);
  afterAll(async () => {
    anchor.close();
    for (const c of children) await stopChild(c);
    await t.stop();
    scratch.remove();
  });

  it('pushes the broadcast to RTMP with video and audio, and never logs the key', async () => {
    const { room } = expectOk(await call(anchor, 'live.broadcast.start', { id: newId(), title: '金桔' }));
    const broadcastId = room.broadcast?.id ?? 0;
    await plane.openRoom(broadcastId);
    const feed = feedTestSource(await plane.ingestPlain(broadcastId), 20);
    children.push(feed);
    await waitFor('media from ffmpeg', async () => ((await plane.sendStats(broadcastId))?.bitrate ?? 0) > 0);

    const port = await freeTcpPort();
    const key = 'sk-hub-5be1d0c9a7';
    const flv = join(scratch.dir, 'hub-out.flv');
    const listener = spawn(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-listen',
        '1',
        '-i',
        `rtmp://127.0.0.1:${port}/live/${key}`,
        '-c',
        'copy',
        '-y',
        flv,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    children.push(listener);
    await new Promise((r) => setTimeout(r, 700));

    const running = nextPush<ConsoleState>(
      anchor,
      'live.console',
      (c) => c.restream.state === 'running',
      15_000,
    );
    const started = expectOk(
      await call(anchor, 'live.restream.start', {
        broadcastId,
        url: `rtmp://127.0.0.1:${port}/live`,
        streamKey: key,
      }),
    );
    expect(['starting', 'running']).toContain(started.state);
    const console = await running;
    expect(console.send?.bitrate ?? 0).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 4000));
    expect(expectOk(await call(anchor, 'live.restream.stop', { broadcastId })).state).toBe('idle');
    await waitFor(
      'the listener to finish',
      () => listener.exitCode !== null || listener.signalCode !== null,
      10_000,
    ).catch(() => stopChild(listener, 'SIGINT'));
    expect(probeStreams(flv).sort()).toEqual(['audio', 'video']);
    expect(logged.lines.length).toBeGreaterThan(0);
    expect(logged.lines.filter((l) => l.includes(key))).toEqual([]);
  }, 60_000);
});
