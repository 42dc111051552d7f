import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMediaPlane } from '../../server/media';
import { MediasoupPlane } from '../../server/media/plane';
import type { MediaPlaneEvents } from '../../server/media/types';
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('restream and recording through ffmpeg', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  async function liveRoom(broadcastId: number, ffmpegBin?: string) {
    const { log, lines } = capturedLogger();
    const scratch = scratchDir();
    cleanup.push(() => scratch.remove());
    const plane = await startMediaPlane({
      dataDir: scratch.dir,
      log,
      workers: 1,
      workerBin: workerBinFromEnv(),
      ...(ffmpegBin ? { ffmpegBin } : {}),
    });
    if (!(plane instanceof MediasoupPlane)) throw new Error(`no worker: ${plane.status().reason ?? ''}`);
    cleanup.push(() => plane.close());
    await plane.openRoom(broadcastId);
    const ingest = await plane.ingestPlain(broadcastId);
    const feed = feedTestSource(ingest);
    cleanup.push(() => stopChild(feed));
    await waitFor('media from ffmpeg', async () => ((await plane.sendStats(broadcastId))?.bitrate ?? 0) > 0);
    const outputs: MediaPlaneEvents['output'][] = [];
    plane.on('output', (o) => outputs.push(o));
    return { plane, lines, scratch, outputs };
  }

  it('restreams into a local RTMP listener with video and audio, never logging the key', async () => {
    const { plane, lines, scratch, outputs } = await liveRoom(10);
    const port = await freeTcpPort();
    const key = 'sk-9f3c2a7d41e8b6';
    const flv = join(scratch.dir, 'out.flv');
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
    cleanup.push(() => stopChild(listener));
    await sleep(700); // the listener binds its port

    const started = await plane.startRestream(10, { url: `rtmp://127.0.0.1:${port}/live`, streamKey: key });
    expect(started.state).toBe('starting');
    await waitFor('the restream running', () => plane.outputStatus(10, 'restream').state === 'running');
    await sleep(6000);
    const stopped = await plane.stopRestream(10);
    expect(stopped.state).toBe('idle');
    await waitFor(
      'the listener to finish the file',
      () => listener.exitCode !== null || listener.signalCode !== null,
      10_000,
    ).catch(() => stopChild(listener, 'SIGINT'));

    expect(probeStreams(flv).sort()).toEqual(['audio', 'video']);
    expect(outputs.map((o) => o.status.state)).toEqual(
      expect.arrayContaining(['starting', 'running', 'idle']),
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain(key);
    for (const o of outputs) expect(JSON.stringify(o)).not.toContain(key);
  });

  it('reports a refused RTMP ingest in plain words without the key', async () => {
    const { plane, lines } = await liveRoom(11);
    const port = await freeTcpPort(); // nothing listens there
    const key = 'sk-refused-5521';
    await plane.startRestream(11, { url: `rtmp://127.0.0.1:${port}/live`, streamKey: key });
    const failed = await waitFor('the restream to fail', () => {
      const s = plane.outputStatus(11, 'restream');
      return s.state === 'failed' ? s : null;
    });
    expect(failed.error).toMatch(/refused/);
    expect(failed.error).not.toContain(key);
    for (const line of lines) expect(line).not.toContain(key);
    await expect(
      plane.startRestream(11, { url: 'http://example.com/live', streamKey: key }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('records a fragmented MP4 on the hub that ffprobe reads', async () => {
    const { plane, scratch } = await liveRoom(12);
    const started = await plane.startRecording(12);
    expect(started.file).toMatch(/^12-.+\.mp4$/);
    await waitFor('the recording running', () => plane.outputStatus(12, 'recording').state === 'running');
    await sleep(4000);
    const stopped = await plane.stopRecording(12);
    expect(stopped).toMatchObject({ state: 'idle', file: started.file });
    const file = join(scratch.dir, 'recordings', started.file ?? '');
    expect(existsSync(file)).toBe(true);
    expect(probeStreams(file).sort()).toEqual(['audio', 'video']);
  });

  it('says plainly when ffmpeg is missing', async () => {
    const { plane } = await liveRoom(13, '/nonexistent/ffmpeg');
    await plane.startRecording(13);
    const failed = await waitFor('the recording to fail', () => {
      const s = plane.outputStatus(13, 'recording');
      return s.state === 'failed' ? s : null;
    });
    expect(failed.error).toBe('ffmpeg is not installed on the hub');
  });
});
