import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { types as ms } from 'mediasoup';
import type { Logger } from 'pino';
import type { OutputStatus } from '../../shared/protocol/live';
import type {
  ConsumerOptions,
  MediaJson,
  MediaKind,
  MediaStatus,
  SendStats,
  TransportOptions,
} from '../../shared/protocol/media';
import { mediaCodecs } from './codecs';
import {
  consumePlain,
  ingestPlain,
  type PlainConsumer,
  type PlainIngest,
  type PlainRemote,
} from './plain-rtp';
import { Spreading } from './spread';
import { mediasoupCall, restartingReason } from './errors';
import { PlaneEvents } from './events';
import { FfmpegOutput, type OutputTarget } from './ffmpeg-output';
import { MediaFlowWatch } from './media-flow-watch';
import { PeerRegistry, type PeerTransport } from './peers';
import { Room } from './room';
import { sendStatsFrom } from './stats';
import { restreamTarget } from './targets';
import {
  MediaError,
  type MediaPlane,
  type MediaPlaneEvents,
  type OutputKind,
  type PeerRef,
  type ProducerInfo,
} from './types';
import type { WorkerPool, WorkerSlot } from './worker-pool';

export interface MediasoupPlaneOptions {
  dataDir: string;
  log: Logger;
  maxConsumersPerWorker: number;
  /** Where pipe and plain transports listen: always loopback, they never leave the hub. */
  internalIp: string;
  ffmpegBin?: string;
}

const idle: OutputStatus = { state: 'idle', error: null, file: null, startedAt: null };

/** A mediasoup JSON shape as the protocol carries it. */
function toJson(value: object): MediaJson {
  const out: MediaJson = {};
  for (const [key, item] of Object.entries(value)) out[key] = item;
  return out;
}

/**
 * The client's parameters as mediasoup's types. Only their size and
 * object-ness are checked at the protocol boundary; mediasoup validates
 * their content itself and a refusal becomes `invalid_input`.
 */
function fromJson<T>(value: MediaJson): T {
  return value as unknown as T;
}

export class MediasoupPlane implements MediaPlane {
  private readonly events: PlaneEvents;
  private readonly rooms = new Map<number, Room>();
  private readonly opening = new Map<number, Promise<Room>>();
  private readonly peers = new PeerRegistry();
  private readonly spreading: Spreading;
  private closed = false;

  constructor(
    private readonly pool: WorkerPool,
    private readonly options: MediasoupPlaneOptions,
  ) {
    this.events = new PlaneEvents((err) => options.log.error({ err }, 'media event listener failed'));
    this.spreading = new Spreading(pool, options.maxConsumersPerWorker, options.internalIp, options.log);
  }

  /** Called by the pool when a worker died: its rooms are gone. */
  workerLost(slot: WorkerSlot): void {
    this.events.emit('status', this.status());
    this.spreading.reset(slot.index);
    for (const room of [...this.rooms.values()]) {
      if (!room.usesSlot(slot.index)) continue;
      this.options.log.warn(
        { broadcastId: room.broadcastId, worker: slot.index },
        'room lost with its worker',
      );
      void this.dropRoom(room).then(() => this.events.emit('roomLost', { broadcastId: room.broadcastId }));
    }
  }

  workerRestored(): void {
    this.events.emit('status', this.status());
  }

  status(): MediaStatus {
    return this.pool.allAlive()
      ? { available: true, reason: null }
      : { available: false, reason: restartingReason };
  }

  on<K extends keyof MediaPlaneEvents>(
    event: K,
    listener: (payload: MediaPlaneEvents[K]) => void,
  ): () => void {
    return this.events.on(event, listener);
  }

  async openRoom(broadcastId: number): Promise<void> {
    if (this.rooms.has(broadcastId)) return;
    let pending = this.opening.get(broadcastId);
    if (!pending) {
      pending = this.createRoom(broadcastId).finally(() => this.opening.delete(broadcastId));
      this.opening.set(broadcastId, pending);
    }
    await pending;
  }

  async closeRoom(broadcastId: number): Promise<void> {
    const room = this.rooms.get(broadcastId);
    if (room) await this.dropRoom(room);
  }

  async rtpCapabilities(broadcastId: number): Promise<MediaJson> {
    return toJson(this.room(broadcastId).primary.router.rtpCapabilities);
  }

  async createTransport(peer: PeerRef, direction: 'send' | 'recv'): Promise<TransportOptions> {
    const room = this.room(peer.broadcastId);
    if (direction === 'send' && peer.role !== 'anchor')
      throw new MediaError('conflict', 'Only the anchor sends media into a broadcast.');
    const target = direction === 'send' ? room.primary : await this.spreading.recvRouter(room);
    const slot = this.pool.slot(target.slot);
    if (!slot) throw new MediaError('unavailable', restartingReason);
    const transport = await mediasoupCall('The media connection could not be created.', () =>
      target.router.createWebRtcTransport({
        webRtcServer: slot.webRtcServer,
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
        initialAvailableOutgoingBitrate: 1_000_000,
        appData: { peerId: peer.peerId, broadcastId: peer.broadcastId, direction },
      }),
    );
    const entry: PeerTransport = {
      transport,
      broadcastId: peer.broadcastId,
      slot: target.slot,
      direction,
      role: peer.role,
    };
    const owner = this.peers.ensure(peer.peerId);
    owner.transports.set(transport.id, entry);
    transport.observer.once('close', () => {
      owner.transports.delete(transport.id);
      this.peers.prune(peer.peerId);
    });
    if (direction === 'send') this.watchAnchorTransport(room, transport);
    return {
      id: transport.id,
      iceParameters: toJson(transport.iceParameters),
      iceCandidates: transport.iceCandidates.map(toJson),
      dtlsParameters: toJson(transport.dtlsParameters),
      sctpParameters: null,
    };
  }

  async connectTransport(peerId: string, transportId: string, dtlsParameters: MediaJson): Promise<void> {
    const entry = this.ownTransport(peerId, transportId);
    await mediasoupCall('The connection parameters were refused.', () =>
      entry.transport.connect({ dtlsParameters: fromJson<ms.DtlsParameters>(dtlsParameters) }),
    );
  }

  async restartIce(peerId: string, transportId: string): Promise<MediaJson> {
    const entry = this.ownTransport(peerId, transportId);
    const ice = await mediasoupCall('The connection could not restart.', () => entry.transport.restartIce());
    return toJson(ice);
  }

  async produce(
    peer: PeerRef,
    transportId: string,
    kind: MediaKind,
    rtpParameters: MediaJson,
  ): Promise<string> {
    if (peer.role !== 'anchor')
      throw new MediaError('conflict', 'Only the anchor sends media into a broadcast.');
    const entry = this.ownTransport(peer.peerId, transportId);
    if (entry.direction !== 'send')
      throw new MediaError('invalid_input', 'This connection only receives media.');
    const room = this.room(entry.broadcastId);
    const producer = await mediasoupCall('The media parameters were refused.', () =>
      entry.transport.produce({ kind, rtpParameters: fromJson<ms.RtpParameters>(rtpParameters) }),
    );
    this.addProducer(room, producer);
    return producer.id;
  }

  async consume(
    peer: PeerRef,
    transportId: string,
    producerId: string,
    rtpCapabilities: MediaJson,
  ): Promise<ConsumerOptions> {
    const entry = this.ownTransport(peer.peerId, transportId);
    if (entry.direction !== 'recv')
      throw new MediaError('invalid_input', 'This connection only sends media.');
    const room = this.room(entry.broadcastId);
    const producer = room.producers.get(producerId);
    if (!producer) throw new MediaError('not_found', 'That picture or sound is no longer being sent.');
    const target = room.routerOn(entry.slot);
    if (!target) throw new MediaError('not_found', 'The media connection has closed.');
    await room.pipes.get(`${entry.slot}:${producerId}`);
    const capabilities = fromJson<ms.RtpCapabilities>(rtpCapabilities);
    if (!target.router.canConsume({ producerId, rtpCapabilities: capabilities }))
      throw new MediaError('invalid_input', 'This device cannot play the broadcast’s media.');
    const consumer = await mediasoupCall('The media parameters were refused.', () =>
      entry.transport.consume({
        producerId,
        rtpCapabilities: capabilities,
        paused: true,
        // The highest layer the viewer's bandwidth allows: mediasoup steps down from here on its own.
        ...(producer.kind === 'video' ? { preferredLayers: { spatialLayer: 2, temporalLayer: 2 } } : {}),
      }),
    );
    const owner = this.peers.ensure(peer.peerId);
    owner.consumers.set(consumer.id, { consumer, slot: entry.slot });
    this.spreading.count(entry.slot, 1);
    consumer.observer.once('close', () => {
      owner.consumers.delete(consumer.id);
      this.spreading.count(entry.slot, -1);
      this.peers.prune(peer.peerId);
    });
    return {
      id: consumer.id,
      producerId,
      kind: consumer.kind,
      rtpParameters: toJson(consumer.rtpParameters),
    };
  }

  async resume(peerId: string, consumerId: string): Promise<void> {
    const { consumer } = this.ownConsumer(peerId, consumerId);
    await mediasoupCall('The media could not resume.', () => consumer.resume());
    if (consumer.kind === 'video') await consumer.requestKeyFrame().catch(() => undefined);
  }

  /** A viewer's decoder lost its picture: asks the anchor's encoder for a key frame. */
  async requestKeyFrame(peerId: string, consumerId: string): Promise<void> {
    const { consumer } = this.ownConsumer(peerId, consumerId);
    if (consumer.kind === 'video')
      await mediasoupCall('The key frame could not be requested.', () => consumer.requestKeyFrame());
  }

  producers(broadcastId: number): ProducerInfo[] {
    return this.rooms.get(broadcastId)?.producerList() ?? [];
  }

  closePeer(peerId: string): void {
    this.peers.close(peerId);
  }

  async sendStats(broadcastId: number): Promise<SendStats | null> {
    const room = this.rooms.get(broadcastId);
    if (!room) return null;
    const video = room.producerOfKind('video');
    const audio = room.producerOfKind('audio');
    if (!video && !audio) return null;
    try {
      const [videoStats, audioStats] = await Promise.all([
        video ? video.getStats() : Promise.resolve([]),
        audio ? audio.getStats() : Promise.resolve([]),
      ]);
      return sendStatsFrom(videoStats, audioStats);
    } catch (err) {
      this.options.log.debug({ err, broadcastId }, 'send stats unavailable');
      return null;
    }
  }

  async startRestream(
    broadcastId: number,
    target: { url: string; streamKey: string },
  ): Promise<OutputStatus> {
    return this.startOutput(broadcastId, 'restream', restreamTarget(target));
  }

  async stopRestream(broadcastId: number): Promise<OutputStatus> {
    return this.stopOutput(broadcastId, 'restream');
  }

  async startRecording(broadcastId: number): Promise<OutputStatus> {
    this.room(broadcastId);
    const dir = join(this.options.dataDir, 'recordings');
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return this.startOutput(broadcastId, 'recording', {
      format: 'mp4',
      file: join(dir, `${broadcastId}-${stamp}.mp4`),
    });
  }

  async stopRecording(broadcastId: number): Promise<OutputStatus> {
    return this.stopOutput(broadcastId, 'recording');
  }

  outputStatus(broadcastId: number, kind: OutputKind): OutputStatus {
    const room = this.rooms.get(broadcastId);
    return room?.outputs.get(kind)?.status ?? room?.lastOutputStatus.get(kind) ?? idle;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.rooms.values()].map((room) => this.dropRoom(room)));
    this.peers.closeAll();
    this.pool.close();
  }

  /**
   * Publishes plain RTP into a broadcast, as the anchor would: for tests
   * and benches that feed the room from ffmpeg without a browser.
   */
  ingestPlain(broadcastId: number): Promise<PlainIngest> {
    const room = this.room(broadcastId);
    return ingestPlain(room, this.options.internalIp, (producer) => this.addProducer(room, producer));
  }

  /** Sends one of the broadcast's producers as plain RTP to a UDP address, as a viewer would receive it. */
  consumePlain(broadcastId: number, producerId: string, remote: PlainRemote): Promise<PlainConsumer> {
    return consumePlain(this.room(broadcastId), producerId, remote, this.options.internalIp);
  }

  /** The slot of the worker holding a broadcast's primary router, for tests that kill it. */
  workerPid(broadcastId: number): number | null {
    const room = this.rooms.get(broadcastId);
    if (!room) return null;
    return this.pool.slot(room.primary.slot)?.worker.pid ?? null;
  }

  /** Which worker slots a broadcast's routers live on (primary first), for tests of spreading. */
  roomSlots(broadcastId: number): number[] {
    return (
      this.rooms
        .get(broadcastId)
        ?.routers()
        .map((r) => r.slot) ?? []
    );
  }

  private room(broadcastId: number): Room {
    const room = this.rooms.get(broadcastId);
    if (!room) throw new MediaError('not_found', 'The broadcast is not live.');
    return room;
  }

  private ownTransport(peerId: string, transportId: string): PeerTransport {
    const entry = this.peers.transport(peerId, transportId);
    if (!entry || entry.transport.closed)
      throw new MediaError('not_found', 'The media connection has closed.');
    return entry;
  }

  private ownConsumer(peerId: string, consumerId: string): { consumer: ms.Consumer } {
    const entry = this.peers.consumer(peerId, consumerId);
    if (!entry || entry.consumer.closed)
      throw new MediaError('not_found', 'That picture or sound is no longer being received.');
    return entry;
  }

  private async createRoom(broadcastId: number): Promise<Room> {
    if (this.closed) throw new MediaError('unavailable', 'The media server is shutting down.');
    const slots = this.pool.alive();
    if (slots.length === 0) throw new MediaError('unavailable', restartingReason);
    // The least busy worker: rooms spread over the cores before any one room needs pipeToRouter.
    const load = (slot: WorkerSlot) =>
      [...this.rooms.values()].filter((r) => r.primary.slot === slot.index).length * 1000 +
      this.spreading.consumers(slot.index);
    const slot = slots.reduce((best, s) => (load(s) < load(best) ? s : best));
    const router = await mediasoupCall('The broadcast’s media could not start.', () =>
      slot.worker.createRouter({ mediaCodecs, appData: { broadcastId } }),
    );
    const room = new Room(broadcastId, { slot: slot.index, router });
    this.rooms.set(broadcastId, room);
    this.options.log.info({ broadcastId, worker: slot.index }, 'room opened');
    return room;
  }

  private async dropRoom(room: Room): Promise<void> {
    if (room.closed) return;
    room.closed = true;
    this.rooms.delete(room.broadcastId);
    const hadProducers = room.producers.size > 0;
    await Promise.all(
      [...room.outputs.entries()].map(async ([kind, output]) => {
        if (!output.active) return;
        await output
          .stop()
          .catch((err: unknown) => this.options.log.error({ err, kind }, 'output stop failed'));
      }),
    );
    for (const { router } of room.routers()) router.close();
    room.producers.clear();
    if (hadProducers) this.events.emit('producers', { broadcastId: room.broadcastId, producers: [] });
    if (room.recovering) this.events.emit('recovering', { broadcastId: room.broadcastId, recovering: false });
    this.options.log.info({ broadcastId: room.broadcastId }, 'room closed');
  }

  private addProducer(room: Room, producer: ms.Producer): void {
    // One picture and one voice per broadcast: a reconnecting anchor's new producer replaces the old.
    const previous = room.producerOfKind(producer.kind);
    room.producers.set(producer.id, producer);
    producer.observer.once('close', () => {
      if (room.producers.get(producer.id) !== producer) return;
      room.producers.delete(producer.id);
      if (!room.closed) this.emitProducers(room);
    });
    if (previous) previous.close();
    // Stops itself when the producer closes, which closing the room's routers (or losing the worker) does.
    if (producer.kind === 'video')
      new MediaFlowWatch(producer, (stalled) => {
        room.pictureStalled = stalled;
        this.updateRecovering(room);
      });
    for (const secondary of room.secondaries.values()) void this.spreading.pipe(room, producer.id, secondary);
    this.emitProducers(room);
  }

  private emitProducers(room: Room): void {
    this.events.emit('producers', { broadcastId: room.broadcastId, producers: room.producerList() });
  }

  private watchAnchorTransport(room: Room, transport: ms.WebRtcTransport): void {
    const set = (lost: boolean) => {
      room.transportLost = lost;
      this.updateRecovering(room);
    };
    transport.on('icestatechange', (state) => {
      if (state === 'disconnected') set(true);
      else if (state === 'connected' || state === 'completed') set(false);
    });
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed') set(true);
    });
  }

  private updateRecovering(room: Room): void {
    const recovering = room.transportLost || room.pictureStalled;
    if (room.closed || room.recovering === recovering) return;
    room.recovering = recovering;
    this.events.emit('recovering', { broadcastId: room.broadcastId, recovering });
  }

  private async startOutput(
    broadcastId: number,
    kind: OutputKind,
    target: OutputTarget,
  ): Promise<OutputStatus> {
    const room = this.room(broadcastId);
    const current = room.outputs.get(kind);
    if (current?.active) return current.status;
    const producers = room.producerList();
    if (producers.length === 0)
      throw new MediaError('conflict', 'The broadcast is not sending picture or sound yet.');
    const output = new FfmpegOutput({
      kind,
      router: room.primary.router,
      producers,
      target,
      log: this.options.log.child({ broadcastId, output: kind }),
      ...(this.options.ffmpegBin !== undefined ? { ffmpegBin: this.options.ffmpegBin } : {}),
      onStatus: (status) => {
        room.lastOutputStatus.set(kind, status);
        this.events.emit('output', { broadcastId, kind, status });
      },
    });
    room.outputs.set(kind, output);
    return output.start();
  }

  private async stopOutput(broadcastId: number, kind: OutputKind): Promise<OutputStatus> {
    const room = this.rooms.get(broadcastId);
    const output = room?.outputs.get(kind);
    if (!room || !output) return this.outputStatus(broadcastId, kind);
    return output.stop();
  }
}
