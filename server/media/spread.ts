import type { Logger } from 'pino';
import { mediaCodecs } from './codecs';
import { mediasoupCall, restartingReason } from './errors';
import type { Room, RoomRouter } from './room';
import { MediaError } from './types';
import type { WorkerPool, WorkerSlot } from './worker-pool';

/**
 * How a room outgrows one worker: viewers' consumers are counted per
 * worker; when the room's routers sit on full workers, the room gets a
 * router on another worker and its producers are piped there
 * (pipeToRouter keeps their ids, so viewers consume them unchanged).
 */
export class Spreading {
  /** Viewers' consumers per worker slot (outputs and test consumers are not counted). */
  private readonly counts: number[];

  constructor(
    private readonly pool: WorkerPool,
    private readonly maxConsumersPerWorker: number,
    private readonly internalIp: string,
    private readonly log: Logger,
  ) {
    this.counts = Array.from({ length: pool.size }, () => 0);
  }

  consumers(slot: number): number {
    return this.counts[slot] ?? 0;
  }

  count(slot: number, delta: number): void {
    this.counts[slot] = Math.max(0, this.consumers(slot) + delta);
  }

  /** The worker died: whatever it counted is gone with it. */
  reset(slot: number): void {
    this.counts[slot] = 0;
  }

  /**
   * The router a new viewer's transport goes on: the first of the room's
   * routers whose worker has room for more consumers; else a new router of
   * the room on the least busy worker not yet used, fed by pipeToRouter;
   * else (every worker full) the least busy router the room has.
   */
  async recvRouter(room: Room): Promise<RoomRouter> {
    const max = this.maxConsumersPerWorker;
    const own = room.routers().filter((r) => this.pool.slot(r.slot) !== null);
    const roomy = own.find((r) => this.consumers(r.slot) < max);
    if (roomy) return roomy;
    const spare = this.pool
      .alive()
      .filter((s) => !room.usesSlot(s.index) && this.consumers(s.index) < max)
      .sort((a, b) => this.consumers(a.index) - this.consumers(b.index))[0];
    if (spare) return this.secondary(room, spare);
    const least = own.sort((a, b) => this.consumers(a.slot) - this.consumers(b.slot))[0];
    if (!least) throw new MediaError('unavailable', restartingReason);
    return least;
  }

  /** Pipes one of the room's producers to one of its secondary routers (once; a consumer there awaits it). */
  pipe(room: Room, producerId: string, target: RoomRouter): Promise<void> {
    const key = `${target.slot}:${producerId}`;
    const existing = room.pipes.get(key);
    if (existing) return existing;
    const piping = room.primary.router
      .pipeToRouter({
        producerId,
        router: target.router,
        listenInfo: { protocol: 'udp', ip: this.internalIp },
      })
      .then(
        () => undefined,
        (err: unknown) => {
          room.pipes.delete(key);
          this.log.error(
            { err, broadcastId: room.broadcastId, worker: target.slot },
            'pipe to router failed',
          );
        },
      );
    room.pipes.set(key, piping);
    return piping;
  }

  private secondary(room: Room, slot: WorkerSlot): Promise<RoomRouter> {
    const pending = room.pendingSecondaries.get(slot.index);
    if (pending) return pending;
    const creating = (async () => {
      const router = await mediasoupCall('The broadcast’s media could not spread.', () =>
        slot.worker.createRouter({ mediaCodecs, appData: { broadcastId: room.broadcastId } }),
      );
      if (room.closed) {
        router.close();
        throw new MediaError('not_found', 'The broadcast is not live.');
      }
      const entry: RoomRouter = { slot: slot.index, router };
      room.secondaries.set(slot.index, entry);
      this.log.info({ broadcastId: room.broadcastId, worker: slot.index }, 'room spread to another worker');
      await Promise.all([...room.producers.keys()].map((id) => this.pipe(room, id, entry)));
      return entry;
    })().finally(() => room.pendingSecondaries.delete(slot.index));
    room.pendingSecondaries.set(slot.index, creating);
    return creating;
  }
}
