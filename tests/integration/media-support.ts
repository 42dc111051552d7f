import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { Writable } from 'node:stream';
import type { PlainIngest } from '../../server/media/plain-rtp';

/** The worker binary the environment built; the media tests fail, never skip, without it. */
export function workerBinFromEnv(): string {
  const bin = process.env['MEDIASOUP_WORKER_BIN'];
  if (!bin)
    throw new Error('MEDIASOUP_WORKER_BIN is not set: the media tests need the real mediasoup worker');
  return bin;
}

/** A pino logger whose every line is kept, so a test can check what was (and was not) logged. */
export function capturedLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { log: pino({ level: 'trace' }, sink), lines };
}

export function scratchDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'wings-media-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** ffmpeg sends a 640x360 VP8 test picture and a 440 Hz opus tone into a plain-RTP ingest. */
export function feedTestSource(ingest: PlainIngest, seconds = 30): ChildProcess {
  const rtp = (s: PlainIngest['audio'], kind: 'a' | 'v') =>
    `[select=${kind}:f=rtp:ssrc=${s.ssrc}:payload_type=${s.payloadType}]rtp://${ingest.ip}:${s.port}?rtcpport=${s.rtcpPort}&pkt_size=1200`;
  return spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-re',
      '-f',
      'lavfi',
      '-i',
      `testsrc=size=640x360:rate=30:duration=${seconds}`,
      '-re',
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
      '-map',
      '0:v',
      '-map',
      '1:a',
      '-c:v',
      'libvpx',
      '-b:v',
      '800k',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-g',
      '30',
      '-c:a',
      'libopus',
      '-ac',
      '2',
      '-ar',
      '48000',
      '-b:a',
      '64k',
      '-f',
      'tee',
      `${rtp(ingest.audio, 'a')}|${rtp(ingest.video, 'v')}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

/** Ends a child we started and waits for it. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.kill(signal);
  await closed;
}

/** The codec types ffprobe finds in a media file. */
export function probeStreams(file: string): string[] {
  const result = spawnSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'csv=p=0', file],
    { encoding: 'utf8' },
  );
  return result.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export async function waitFor<T>(
  what: string,
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
