import { Device, type types } from 'mediasoup-client';
import type { z } from 'zod';
import { ackSchema, type Ack } from '../../../shared/protocol/ack';
import {
  isRecovering,
  steadyRecovery,
  stepReceiveRecovery,
  type ReceiveRecovery,
  type RecoveryEvent,
} from '../../../shared/domain/live/receive-recovery';
import {
  mediaSignalOutputs,
  roomProducersSchema,
  type MediaKind,
  type RoomProducers,
} from '../../../shared/protocol/media';

/** Sends one signalling command and resolves with the hub's raw ack (undefined on a timeout). */
export type Ask = (event: string, payload: unknown) => Promise<unknown>;

export type ReceiveState = 'idle' | 'connecting' | 'receiving' | 'failed';

export interface ReceiverSnapshot {
  state: ReceiveState;
  /** The anchor's audio and video as one stream for the <video> element; null before the first track. */
  stream: MediaStream | null;
}

/** What the e2e tests and the bench read: the decoded video and the received audio, from the consumers' own stats. */
export interface ViewerStats {
  framesDecoded: number;
  audioLevel: number;
}

const acks = {
  capabilities: ackSchema(mediaSignalOutputs.capabilities),
  createTransport: ackSchema(mediaSignalOutputs.createTransport),
  connect: ackSchema(mediaSignalOutputs.connect),
  restartIce: ackSchema(mediaSignalOutputs.restartIce),
  producers: ackSchema(roomProducersSchema),
  consume: ackSchema(mediaSignalOutputs.consume),
  resume: ackSchema(mediaSignalOutputs.resume),
};

class SignalError extends Error {}

async function call<D>(ask: Ask, event: string, payload: unknown, schema: z.ZodType<Ack<D>>): Promise<D> {
  const parsed = schema.safeParse(await ask(event, payload));
  if (!parsed.success) throw new SignalError(`${event}: no answer`);
  if (!parsed.data.ok) throw new SignalError(`${event}: ${parsed.data.error.code}`);
  return parsed.data.data;
}

/**
 * mediasoup's own parameter shapes: the hub checked each is a bounded JSON
 * object (shared/protocol/media.ts) and mediasoup-client validates the content
 * as it uses it, so here they are only retyped.
 */
function asMediasoup<T>(value: Record<string, unknown>): T {
  return value as unknown as T;
}

/**
 * Receives a broadcast through mediasoup-client: one Device loaded with the
 * room router's capabilities, one recv transport, a consumer per anchor
 * producer. The hub creates consumers paused (so no key frame is wasted
 * before the page can show it); each is resumed once its track is in the
 * stream. `sync` follows the producers the hub announces (the anchor
 * reconnected, switched a device); `close` ends it all, and a reconnect
 * builds a new receiver, since transports live only as long as the socket.
 * A transport that drops while the socket stays (a network blip shorter
 * than the socket's heartbeat) is recovered here, by the rule in
 * shared/domain/live/receive-recovery.ts: an ICE restart, then a new
 * transport consuming the producers the hub has now.
 */
export class MediaReceiver {
  private device: Device | null = null;
  private transport: types.Transport | null = null;
  private readonly consumers = new Map<string, types.Consumer>();
  private closed = false;
  private queue: Promise<void> = Promise.resolve();
  private snap: ReceiverSnapshot = { state: 'idle', stream: null };
  private recovery: ReceiveRecovery = steadyRecovery;
  private recoveryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ask: Ask,
    private readonly broadcastId: number,
    private readonly onChange: (snapshot: ReceiverSnapshot) => void,
  ) {}

  get snapshot(): ReceiverSnapshot {
    return this.snap;
  }

  get forBroadcast(): number {
    return this.broadcastId;
  }

  /** Consumes the producers not yet consumed and drops those gone; runs one after another. */
  sync(producers: RoomProducers['producers']): Promise<void> {
    if (this.recovery.phase === 'backoff' || this.recovery.phase === 'failed') {
      // No transport now: the next new one reads the producers afresh.
      this.recover({ type: 'producers' });
      return this.queue;
    }
    this.queue = this.queue.then(() => this.apply(producers)).catch(() => this.fail());
    return this.queue;
  }

  async stats(): Promise<ViewerStats> {
    let framesDecoded = 0;
    let audioLevel = 0;
    for (const consumer of this.consumers.values()) {
      if (consumer.closed) continue;
      const report = await consumer.getStats();
      report.forEach(
        (entry: { type?: string; kind?: string; framesDecoded?: number; audioLevel?: number }) => {
          if (entry.type !== 'inbound-rtp') return;
          if (entry.kind === 'video') framesDecoded += entry.framesDecoded ?? 0;
          if (entry.kind === 'audio') audioLevel = Math.max(audioLevel, entry.audioLevel ?? 0);
        },
      );
    }
    return { framesDecoded, audioLevel };
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.recoveryTimer);
    this.recoveryTimer = undefined;
    this.dropTransport();
    this.snap = { state: 'idle', stream: null };
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
      const { iceParameters } = await call(
        this.ask,
        'media.transport.restartIce',
        { transportId: transport.id },
        acks.restartIce,
      );
      if (transport !== this.transport || transport.closed) return;
      await transport.restartIce({ iceParameters: asMediasoup<types.IceParameters>(iceParameters) });
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
      const { producers } = await call(
        this.ask,
        'media.producers',
        { broadcastId: this.broadcastId },
        acks.producers,
      );
      await this.apply(producers);
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
    if (this.closed) return;
    // Between new transports (or after giving up) only the recovery makes one.
    if (this.recovery.phase === 'backoff' || this.recovery.phase === 'failed') return;
    if (producers.length === 0 && this.consumers.size === 0) return;
    const transport = await this.ensureTransport();
    if (this.closed) return;
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
        // This producer went (the anchor switched a device) or refused: the next announcement tries again.
      }
    }
    if (this.closed) return;
    this.publish();
  }

  private async ensureTransport(): Promise<types.Transport> {
    if (this.transport && !this.transport.closed) return this.transport;
    this.set({ state: 'connecting' });
    const device = this.device ?? new Device();
    if (!device.loaded) {
      const { rtpCapabilities } = await call(
        this.ask,
        'media.capabilities',
        { broadcastId: this.broadcastId },
        acks.capabilities,
      );
      await device.load({ routerRtpCapabilities: asMediasoup<types.RtpCapabilities>(rtpCapabilities) });
    }
    this.device = device;
    const options = await call(
      this.ask,
      'media.transport.create',
      { broadcastId: this.broadcastId, direction: 'recv' },
      acks.createTransport,
    );
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
      call(this.ask, 'media.transport.connect', { transportId: transport.id, dtlsParameters }, acks.connect)
        .then(() => callback())
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
    const device = this.device;
    if (!device) return;
    const options = await call(
      this.ask,
      'media.consume',
      { transportId: transport.id, producerId, rtpCapabilities: device.recvRtpCapabilities },
      acks.consume,
    );
    if (options.kind !== kind) throw new SignalError('media.consume: kind differs');
    const consumer = await transport.consume({
      id: options.id,
      producerId: options.producerId,
      kind: options.kind,
      rtpParameters: asMediasoup<types.RtpParameters>(options.rtpParameters),
    });
    if (this.closed) {
      consumer.close();
      return;
    }
    this.consumers.set(producerId, consumer);
    this.publish();
    await call(this.ask, 'media.consumer.resume', { consumerId: consumer.id }, acks.resume);
  }

  /** A new MediaStream when the tracks change, so the <video> element takes the new set. */
  private publish(): void {
    const tracks = [...this.consumers.values()].filter((c) => !c.closed).map((c) => c.track);
    const current = this.snap.stream?.getTracks() ?? [];
    const same = current.length === tracks.length && tracks.every((t) => current.includes(t));
    const stream = same ? this.snap.stream : tracks.length > 0 ? new MediaStream(tracks) : null;
    const connected = this.transport?.connectionState === 'connected';
    const state: ReceiveState =
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

  private fail(): void {
    if (!this.closed) this.set({ state: 'failed' });
  }

  private set(patch: Partial<ReceiverSnapshot>): void {
    const next = { ...this.snap, ...patch };
    if (next.state === this.snap.state && next.stream === this.snap.stream) return;
    this.snap = next;
    this.onChange(next);
  }
}
