import { Device, type types } from 'mediasoup-client';
import {
  isRecovering,
  steadyRecovery,
  stepReceiveRecovery,
  type ReceiveRecovery,
  type RecoveryEvent,
} from '../../../shared/domain/live/receive-recovery';
import {
  mediaJson,
  type MediaJson,
  type MediaKind,
  type RoomProducers,
} from '../../../shared/protocol/media';
import type { HubConnection } from '../../net/hub-connection';

export type WatchMediaState = 'idle' | 'connecting' | 'receiving' | 'failed';

export interface WatchMedia {
  state: WatchMediaState;
  stream: MediaStream | null;
}

class SignalError extends Error {}

/**
 * mediasoup's own parameter shapes: the hub checks each is a bounded JSON
 * object and mediasoup validates the content as it uses it, so here they are
 * only retyped on the way in, and copied to plain JSON on the way out.
 */
function asMediasoup<T>(value: MediaJson): T {
  return value as unknown as T;
}
function toJson(value: object): MediaJson {
  return mediaJson.parse(JSON.parse(JSON.stringify(value)));
}

/**
 * A supervisor watching a broadcast, receive only: one Device, one recv
 * transport on the worker namespace, a paused consumer per anchor producer
 * resumed once its track is in the stream. The viewer page has its own
 * (server/web/live/media-receiver.ts): the renderer cannot import the hub's
 * pages, nor they the renderer. Transports live as long as the socket, so a
 * reconnect builds a new receiver (room-watch.ts); a transport that drops
 * while the socket stays is recovered here by the rule both share
 * (shared/domain/live/receive-recovery.ts): an ICE restart, then a new
 * transport consuming the producers the hub has now.
 */
export class WatchReceiver {
  private device: Device | null = null;
  private transport: types.Transport | null = null;
  private readonly consumers = new Map<string, types.Consumer>();
  private closed = false;
  private queue: Promise<void> = Promise.resolve();
  private snap: WatchMedia = { state: 'idle', stream: null };
  private recovery: ReceiveRecovery = steadyRecovery;
  private recoveryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly hub: HubConnection,
    readonly broadcastId: number,
    private readonly onChange: (media: WatchMedia) => void,
  ) {}

  get media(): WatchMedia {
    return this.snap;
  }

  sync(producers: RoomProducers['producers']): Promise<void> {
    if (this.recovery.phase === 'backoff' || this.recovery.phase === 'failed') {
      // No transport now: the next new one reads the producers afresh.
      this.recover({ type: 'producers' });
      return this.queue;
    }
    this.queue = this.queue
      .then(() => this.apply(producers))
      .catch(() => {
        if (!this.closed) this.set({ state: 'failed' });
      });
    return this.queue;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.recoveryTimer);
    this.recoveryTimer = undefined;
    this.dropTransport();
  }

  private dropTransport(): void {
    for (const consumer of this.consumers.values()) consumer.close();
    this.consumers.clear();
    const transport = this.transport;
    this.transport = null;
    if (transport && !transport.closed) transport.close();
  }

  private recover(event: RecoveryEvent): void {
    if (this.closed) return;
    const { recovery, action } = stepReceiveRecovery(this.recovery, event, Date.now());
    if (recovery.dueAt !== this.recovery.dueAt) {
      clearTimeout(this.recoveryTimer);
      this.recoveryTimer =
        recovery.dueAt === null
          ? undefined
          : setTimeout(() => this.recover({ type: 'due' }), Math.max(0, recovery.dueAt - Date.now()));
    }
    this.recovery = recovery;
    if (action === 'restartIce' && this.transport) void this.restartIce(this.transport);
    if (action === 'rebuild') {
      this.dropTransport();
      this.queue = this.queue.then(() => this.rebuild());
    }
    this.publish();
  }

  private async restartIce(transport: types.Transport): Promise<void> {
    try {
      const answer = await this.hub.request('media.transport.restartIce', { transportId: transport.id });
      if (!answer.ok || transport !== this.transport || transport.closed) return;
      await transport.restartIce({
        iceParameters: asMediasoup<types.IceParameters>(answer.data.iceParameters),
      });
    } catch {
      // The grace timer replaces a transport whose restart could not even be asked for.
    }
  }

  /** A new transport (and Device: a rebuilt room has a new router) consuming the producers the hub has now. */
  private async rebuild(): Promise<void> {
    if (this.closed) return;
    this.dropTransport();
    this.device = null;
    try {
      const answer = await this.hub.request('media.producers', { broadcastId: this.broadcastId });
      if (!answer.ok) throw new SignalError(answer.error.code);
      await this.apply(answer.data.producers);
    } catch {
      this.dropTransport();
      this.recover({ type: 'rebuildFailed' });
      return;
    }
    const transport = this.transport;
    if (!transport) {
      // Nothing to receive (the anchor is away): nothing to recover until it is back.
      this.recovery = steadyRecovery;
      this.publish();
      return;
    }
    this.recover({ type: 'rebuilt' });
    this.recover({ type: 'transport', state: transport.connectionState });
  }

  private async apply(producers: RoomProducers['producers']): Promise<void> {
    if (this.closed || (producers.length === 0 && this.consumers.size === 0)) return;
    // Between new transports (or after giving up) only the recovery makes one.
    if (this.recovery.phase === 'backoff' || this.recovery.phase === 'failed') return;
    const transport = await this.ensureTransport();
    const wanted = new Set(producers.map((p) => p.id));
    for (const [producerId, consumer] of this.consumers) {
      if (wanted.has(producerId)) continue;
      consumer.close();
      this.consumers.delete(producerId);
    }
    for (const producer of producers) {
      if (this.consumers.has(producer.id) || this.closed) continue;
      try {
        await this.consume(transport, producer.id, producer.kind);
      } catch {
        // That producer went meanwhile: the next announcement tries again.
      }
    }
    this.publish();
  }

  private async ensureTransport(): Promise<types.Transport> {
    if (this.transport && !this.transport.closed) return this.transport;
    this.set({ state: 'connecting' });
    const device = this.device ?? new Device();
    if (!device.loaded) {
      const caps = await this.hub.request('media.capabilities', { broadcastId: this.broadcastId });
      if (!caps.ok) throw new SignalError(caps.error.code);
      await device.load({
        routerRtpCapabilities: asMediasoup<types.RtpCapabilities>(caps.data.rtpCapabilities),
      });
    }
    this.device = device;
    const created = await this.hub.request('media.transport.create', {
      broadcastId: this.broadcastId,
      direction: 'recv',
    });
    if (!created.ok) throw new SignalError(created.error.code);
    const options = created.data;
    const transport = device.createRecvTransport({
      id: options.id,
      iceParameters: asMediasoup<types.IceParameters>(options.iceParameters),
      iceCandidates: options.iceCandidates.map((c) => asMediasoup<types.IceCandidate>(c)),
      dtlsParameters: asMediasoup<types.DtlsParameters>(options.dtlsParameters),
      sctpParameters: options.sctpParameters
        ? asMediasoup<types.SctpParameters>(options.sctpParameters)
        : undefined,
    });
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.hub
        .request('media.transport.connect', {
          transportId: transport.id,
          dtlsParameters: toJson(dtlsParameters),
        })
        .then((answer) => (answer.ok ? callback() : errback(new SignalError(answer.error.code))))
        .catch((error: unknown) => errback(error instanceof Error ? error : new Error(String(error))));
    });
    transport.on('connectionstatechange', (state) => {
      if (this.closed || transport !== this.transport) return;
      this.recover({ type: 'transport', state });
    });
    this.transport = transport;
    return transport;
  }

  private async consume(transport: types.Transport, producerId: string, kind: MediaKind): Promise<void> {
    if (!this.device) return;
    const answer = await this.hub.request('media.consume', {
      transportId: transport.id,
      producerId,
      rtpCapabilities: toJson(this.device.recvRtpCapabilities),
    });
    if (!answer.ok) throw new SignalError(answer.error.code);
    if (answer.data.kind !== kind) throw new SignalError('kind differs');
    const consumer = await transport.consume({
      id: answer.data.id,
      producerId: answer.data.producerId,
      kind: answer.data.kind,
      rtpParameters: asMediasoup<types.RtpParameters>(answer.data.rtpParameters),
    });
    if (this.closed) {
      consumer.close();
      return;
    }
    this.consumers.set(producerId, consumer);
    this.publish();
    const resumed = await this.hub.request('media.consumer.resume', { consumerId: consumer.id });
    if (!resumed.ok) throw new SignalError(resumed.error.code);
  }

  private publish(): void {
    if (this.closed) return;
    const tracks = [...this.consumers.values()].filter((c) => !c.closed).map((c) => c.track);
    const current = this.snap.stream?.getTracks() ?? [];
    const same = current.length === tracks.length && tracks.every((t) => current.includes(t));
    const stream = same ? this.snap.stream : tracks.length > 0 ? new MediaStream(tracks) : null;
    const connected = this.transport?.connectionState === 'connected';
    const state: WatchMediaState =
      this.recovery.phase === 'failed'
        ? 'failed'
        : isRecovering(this.recovery)
          ? 'connecting'
          : tracks.length === 0
            ? 'idle'
            : connected
              ? 'receiving'
              : 'connecting';
    this.set({ stream, state });
  }

  private set(patch: Partial<WatchMedia>): void {
    const next = { ...this.snap, ...patch };
    if (next.state === this.snap.state && next.stream === this.snap.stream) return;
    this.snap = next;
    this.onChange(next);
  }
}
