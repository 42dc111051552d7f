import { availableParallelism } from 'node:os';
import { sep } from 'node:path';
import { setLogEventListeners, workerBin as mediasoupWorkerBin } from 'mediasoup';
import type { Logger } from 'pino';
import { MediasoupPlane } from './plane';
import type { MediaPlane } from './types';
import { unavailablePlane } from './unavailable-plane';
import { WorkerPool } from './worker-pool';

export type { MediaPlane } from './types';
export { MediasoupPlane } from './plane';
export type { PlainIngest, PlainIngestStream } from './plain-rtp';

export interface MediaPlaneOptions {
  /** Where recordings go (`<dataDir>/recordings`). */
  dataDir: string;
  log: Logger;
  /** The WebRtcServer's UDP+TCP port (`--rtc-port`); 0 picks a free one per worker. */
  rtcPort?: number;
  /** The address clients are told to reach (`--announced-address`, a hub behind NAT); default the listen IP. */
  announcedAddress?: string | null;
  /** Default 127.0.0.1, like the hub's HTTP listener. */
  listenIp?: string;
  /** Default one per CPU core. */
  workers?: number;
  /** Consumers one worker's router takes before a room spreads to another worker with pipeToRouter. */
  maxConsumersPerWorker?: number;
  /** The mediasoup-worker binary; default mediasoup's own (which honours MEDIASOUP_WORKER_BIN). */
  workerBin?: string;
  /** The ffmpeg binary for restream and recording; default `ffmpeg` on the PATH. */
  ffmpegBin?: string;
}

const defaultMaxConsumersPerWorker = 500;

/** Starts the hub's mediasoup workers. Never rejects: without a worker the plane says why. */
export async function startMediaPlane(options: MediaPlaneOptions): Promise<MediaPlane> {
  const { log } = options;
  const listenIp = options.listenIp ?? '127.0.0.1';
  // mediasoup logs through `debug`; its warnings and errors belong in the hub's log.
  setLogEventListeners({
    onwarn: (namespace, message) => log.warn({ namespace }, message),
    onerror: (namespace, message, err) => log.error({ namespace, err }, message),
  });
  let plane: MediasoupPlane | null = null;
  try {
    const pool = await WorkerPool.start(
      {
        count: Math.max(1, options.workers ?? availableParallelism()),
        rtcPort: options.rtcPort ?? 0,
        listenIp,
        announcedAddress: options.announcedAddress ?? null,
        workerBin: options.workerBin ?? unpackedWorkerBin(),
        log,
      },
      {
        lost: (slot) => plane?.workerLost(slot),
        restored: () => plane?.workerRestored(),
      },
    );
    plane = new MediasoupPlane(pool, {
      dataDir: options.dataDir,
      log,
      maxConsumersPerWorker: Math.max(1, options.maxConsumersPerWorker ?? defaultMaxConsumersPerWorker),
      internalIp: '127.0.0.1',
      ...(options.ffmpegBin !== undefined ? { ffmpegBin: options.ffmpegBin } : {}),
    });
    log.info({ workers: pool.size, rtcPort: options.rtcPort ?? 0, listenIp }, 'media plane started');
    return plane;
  } catch (err) {
    log.error({ err }, 'media plane could not start');
    return unavailablePlane(reasonFor(err));
  }
}

/**
 * Inside a packaged Electron app mediasoup's own path points into app.asar,
 * which a process cannot be spawned from; electron-builder unpacks the
 * binary beside it (asarUnpack), so the hub spawns that copy.
 */
function unpackedWorkerBin(): string | undefined {
  const packed = `${sep}app.asar${sep}`;
  if (process.env['MEDIASOUP_WORKER_BIN'] || !mediasoupWorkerBin.includes(packed)) return undefined;
  return mediasoupWorkerBin.replace(packed, `${sep}app.asar.unpacked${sep}`);
}

/** The worker's failure in words for the anchor's console. */
function reasonFor(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ENOENT' || /ENOENT/.test(message))
    return 'The media server program (mediasoup-worker) is missing on the hub, so Live is off.';
  if (code === 'EACCES' || /EACCES/.test(message))
    return 'The media server program (mediasoup-worker) cannot be run on the hub, so Live is off.';
  if (/EADDRINUSE|address (already )?in use/i.test(message))
    return 'The media port is already in use on the hub, so Live is off. Choose another --rtc-port.';
  return 'The media server could not start on the hub, so Live is off.';
}
