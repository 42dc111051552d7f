import type { types as ms } from 'mediasoup';
import type { OutputStatus } from '../../shared/protocol/live';
import type { FfmpegOutput } from './ffmpeg-output';
import type { OutputKind, ProducerInfo } from './types';

/** One of a broadcast's routers and the worker slot it lives on. */
export interface RoomRouter {
  slot: number;
  router: ms.Router;
}

/**
 * A live broadcast's media: the primary router (where the anchor's
 * producers live), the routers it spread to on other workers once the
 * primary's worker was full (each holds piped copies of the producers),
 * and the restream and recording that consume it.
 */
export class Room {
  readonly secondaries = new Map<number, RoomRouter>();
  /** Secondary routers being created, so two viewers arriving together share one. */
  readonly pendingSecondaries = new Map<number, Promise<RoomRouter>>();
  /** `${slot}:${producerId}` → the pipe in progress, which a consumer on that slot waits for. */
  readonly pipes = new Map<string, Promise<void>>();
  readonly producers = new Map<string, ms.Producer>();
  readonly outputs = new Map<OutputKind, FfmpegOutput>();
  readonly lastOutputStatus = new Map<OutputKind, OutputStatus>();
  /** What viewers are told: either signal below says the anchor is reconnecting. */
  recovering = false;
  /** The anchor's send transport lost ICE or DTLS (slow: ICE consent takes ~30 s). */
  transportLost = false;
  /** The anchor's picture stopped arriving (fast: seconds, see MediaFlowWatch). */
  pictureStalled = false;
  closed = false;

  constructor(
    readonly broadcastId: number,
    readonly primary: RoomRouter,
  ) {}

  routers(): RoomRouter[] {
    return [this.primary, ...this.secondaries.values()];
  }

  routerOn(slot: number): RoomRouter | null {
    if (this.primary.slot === slot) return this.primary;
    return this.secondaries.get(slot) ?? null;
  }

  usesSlot(slot: number): boolean {
    return this.routerOn(slot) !== null;
  }

  producerList(): ProducerInfo[] {
    return [...this.producers.values()].map((p) => ({ id: p.id, kind: p.kind }));
  }

  producerOfKind(kind: ms.MediaKind): ms.Producer | null {
    for (const producer of this.producers.values()) if (producer.kind === kind) return producer;
    return null;
  }
}
