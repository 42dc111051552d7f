import { createWorker, type types as ms } from 'mediasoup';
import type { Logger } from 'pino';

export interface WorkerPoolOptions {
  count: number;
  /** 0: each worker's WebRtcServer takes a free port; otherwise worker i listens on rtcPort + i. */
  rtcPort: number;
  listenIp: string;
  announcedAddress: string | null;
  workerBin: string | undefined;
  log: Logger;
}

/** One worker process and the WebRtcServer every browser transport on it goes through. */
export interface WorkerSlot {
  readonly index: number;
  worker: ms.Worker;
  webRtcServer: ms.WebRtcServer;
}

export interface WorkerPoolEvents {
  /** A worker died: everything on it is gone; a replacement is being started. */
  lost: (slot: WorkerSlot) => void;
  /** A replacement worker runs again in the slot. */
  restored: (slot: WorkerSlot) => void;
}

const maxRestartDelayMs = 30_000;

/**
 * The hub's mediasoup workers, one per slot. A worker that dies is
 * replaced in the same slot (same port), retrying with a growing delay so
 * a binary that keeps crashing does not spin the CPU.
 */
export class WorkerPool {
  private readonly slots: (WorkerSlot | null)[];
  private closed = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly options: WorkerPoolOptions,
    slots: WorkerSlot[],
    private readonly events: WorkerPoolEvents,
  ) {
    this.slots = slots;
    for (const slot of slots) this.watch(slot);
  }

  /** Starts every worker; rejects (after closing any that started) if one cannot start. */
  static async start(options: WorkerPoolOptions, events: WorkerPoolEvents): Promise<WorkerPool> {
    const slots: WorkerSlot[] = [];
    try {
      for (let i = 0; i < options.count; i++) slots.push(await startSlot(options, i));
    } catch (err) {
      for (const slot of slots) slot.worker.close();
      throw err;
    }
    return new WorkerPool(options, slots, events);
  }

  get size(): number {
    return this.slots.length;
  }

  /** The live slot at an index, or null while its worker restarts. */
  slot(index: number): WorkerSlot | null {
    return this.slots[index] ?? null;
  }

  alive(): WorkerSlot[] {
    return this.slots.filter((slot): slot is WorkerSlot => slot !== null);
  }

  allAlive(): boolean {
    return this.slots.every((slot) => slot !== null);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const slot of this.alive()) slot.worker.close();
    this.slots.fill(null);
  }

  private watch(slot: WorkerSlot): void {
    slot.worker.on('died', (err) => {
      if (this.closed) return;
      this.options.log.error(
        { err, worker: slot.index, pid: slot.worker.pid },
        'media worker died; starting a replacement',
      );
      this.slots[slot.index] = null;
      this.events.lost(slot);
      this.restart(slot.index, 0);
    });
  }

  private restart(index: number, attempt: number): void {
    const delay = attempt === 0 ? 0 : Math.min(maxRestartDelayMs, 500 * 2 ** attempt);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.closed) return;
      startSlot(this.options, index).then(
        (slot) => {
          if (this.closed) {
            slot.worker.close();
            return;
          }
          this.slots[index] = slot;
          this.watch(slot);
          this.options.log.info({ worker: index, pid: slot.worker.pid }, 'media worker restarted');
          this.events.restored(slot);
        },
        (err: unknown) => {
          this.options.log.error({ err, worker: index, attempt }, 'media worker could not restart');
          this.restart(index, attempt + 1);
        },
      );
    }, delay);
    this.timers.add(timer);
  }
}

async function startSlot(options: WorkerPoolOptions, index: number): Promise<WorkerSlot> {
  const worker = await createWorker({
    logLevel: 'warn',
    ...(options.workerBin !== undefined ? { workerBin: options.workerBin } : {}),
    appData: { index },
  });
  try {
    const port = options.rtcPort === 0 ? undefined : options.rtcPort + index;
    const listen = (protocol: ms.TransportProtocol): ms.TransportListenInfo => ({
      protocol,
      ip: options.listenIp,
      ...(options.announcedAddress ? { announcedAddress: options.announcedAddress } : {}),
      ...(port !== undefined ? { port } : {}),
    });
    const webRtcServer = await worker.createWebRtcServer({ listenInfos: [listen('udp'), listen('tcp')] });
    return { index, worker, webRtcServer };
  } catch (err) {
    worker.close();
    throw err;
  }
}
