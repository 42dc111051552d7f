import { Device, type types as ms } from 'mediasoup-client';
import type { Ack, CommandInput, CommandOutput } from '../../../shared/protocol';
import { Emitter } from '../../net/emitter';
import { simulcastEncodings, type QualityPreset } from '../quality';

/** The signalling commands the anchor's side uses, all reads in the dispatcher's sense. */
type SignalName =
  | 'media.capabilities'
  | 'media.transport.create'
  | 'media.transport.connect'
  | 'media.transport.restartIce'
  | 'media.produce';

/** The part of the hub link the client needs (HubConnection has it; tests may give a real one too). */
export interface SignalLink {
  request<N extends SignalName>(name: N, input: CommandInput<N>): Promise<Ack<CommandOutput<N>>>;
  onConnected(listener: () => void): () => void;
}

export type LinkState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'failed';

export interface LiveClientSnapshot {
  state: LinkState;
  /** The last failure in plain words (from the hub or the browser); null while all is well. */
  error: string | null;
}

export interface LiveClientOptions {
  signal: SignalLink;
  /** After an ICE restart the transport has this long to come back before it is replaced. */
  iceRestartGraceMs?: number;
  /** The wait between attempts at new transports, growing to eight times this. */
  rebuildRetryMs?: number;
  /** mediasoup-client's handler: the browser's own by default (tests give its FakeHandler). */
  deviceOptions?: DeviceOptions;
}

export interface PublishTracks {
  /** The camera's track; null broadcasts sound only. */
  video: MediaStreamTrack | null;
  /** The voice mixer's output: the microphone and the teleprompter's speech, always live. */
  audio: MediaStreamTrack;
  preset: QualityPreset;
}

type DeviceOptions = NonNullable<ConstructorParameters<typeof Device>[0]>;

class SignalFailure extends Error {}

async function must<T>(answer: Promise<Ack<T>>): Promise<T> {
  const ack = await answer;
  if (!ack.ok) throw new SignalFailure(ack.error.message);
  return ack.data;
}

/**
 * The anchor's side of the broadcast on mediasoup: one Device loaded with
 * the room's router capabilities, one send transport, a simulcast video
 * producer (three layers) and an audio producer of the voice mixer's track.
 *
 * It keeps the broadcast up by itself: a transport that goes disconnected
 * or failed gets an ICE restart; one that is still not connected after the
 * grace time, or any reconnect of the hub's socket (whose transports died
 * with it), gets new transports and producers, retried with backoff until
 * `stop()`. Tracks are never stopped here: the preview and the mixer own them.
 */
export class LiveClient {
  private readonly changes = new Emitter();
  private readonly iceRestartGraceMs: number;
  private readonly rebuildRetryMs: number;
  private snapshotValue: LiveClientSnapshot = { state: 'idle', error: null };
  private broadcastId: number | null = null;
  private tracks: PublishTracks | null = null;
  private transport: ms.Transport | null = null;
  private video: ms.Producer | null = null;
  private audio: ms.Producer | null = null;
  /** Bumped by every (re)build and stop: work for an older one stops where it is. */
  private generation = 0;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private readonly offConnected: () => void;

  constructor(private readonly options: LiveClientOptions) {
    this.iceRestartGraceMs = options.iceRestartGraceMs ?? 4_000;
    this.rebuildRetryMs = options.rebuildRetryMs ?? 1_000;
    // The hub drops a socket's transports when the socket goes: after a reconnect only new ones carry media.
    this.offConnected = options.signal.onConnected(() => {
      if (this.broadcastId !== null) this.rebuild('socket');
    });
  }

  get snapshot(): LiveClientSnapshot {
    return this.snapshotValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Publishes into the broadcast's room; resolves once both producers exist (rejects with the reason if not). */
  async start(broadcastId: number, tracks: PublishTracks): Promise<void> {
    this.stopMedia();
    this.broadcastId = broadcastId;
    this.tracks = tracks;
    this.retries = 0;
    this.set({ state: 'connecting', error: null });
    const generation = ++this.generation;
    try {
      await this.build(generation);
    } catch (error) {
      if (generation !== this.generation) return;
      this.broadcastId = null;
      this.closeTransport();
      this.set({ state: 'failed', error: messageOf(error) });
      throw error;
    }
  }

  /** Another camera while live: the same producer, the new track, nothing ends. */
  async replaceVideo(track: MediaStreamTrack | null): Promise<void> {
    if (this.tracks) this.tracks = { ...this.tracks, video: track };
    if (this.video && !this.video.closed) await this.video.replaceTrack({ track });
  }

  /** Ends publishing and closes the transport; the tracks stay with their owners. */
  stop(): void {
    this.broadcastId = null;
    this.tracks = null;
    this.generation += 1;
    this.stopMedia();
    this.set({ state: 'idle', error: null });
  }

  dispose(): void {
    this.stop();
    this.offConnected();
  }

  private async build(generation: number): Promise<void> {
    const broadcastId = this.broadcastId;
    const tracks = this.tracks;
    if (broadcastId === null || tracks === null) return;
    const { signal } = this.options;
    const { rtpCapabilities } = await must(signal.request('media.capabilities', { broadcastId }));
    // A Device loads once: a rebuilt room (a new router after a worker crash) needs a fresh one.
    const device = new Device(this.options.deviceOptions);
    await device.load({ routerRtpCapabilities: rtpCapabilities as unknown as ms.RtpCapabilities });
    const options = await must(signal.request('media.transport.create', { broadcastId, direction: 'send' }));
    if (generation !== this.generation) return;
    const transport = device.createSendTransport({
      id: options.id,
      iceParameters: options.iceParameters as unknown as ms.IceParameters,
      iceCandidates: options.iceCandidates as unknown as ms.IceCandidate[],
      dtlsParameters: options.dtlsParameters as unknown as ms.DtlsParameters,
      ...(options.sctpParameters
        ? { sctpParameters: options.sctpParameters as unknown as ms.SctpParameters }
        : {}),
    });
    this.transport = transport;
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      signal
        .request('media.transport.connect', {
          transportId: transport.id,
          dtlsParameters: dtlsParameters as unknown as Record<string, unknown>,
        })
        .then((ack) => (ack.ok ? callback() : errback(new SignalFailure(ack.error.message))))
        .catch((error: unknown) => errback(error instanceof Error ? error : new Error(String(error))));
    });
    transport.on('produce', ({ kind, rtpParameters }, callback, errback) => {
      signal
        .request('media.produce', {
          transportId: transport.id,
          kind,
          rtpParameters: rtpParameters as unknown as Record<string, unknown>,
        })
        .then((ack) =>
          ack.ok ? callback({ id: ack.data.producerId }) : errback(new SignalFailure(ack.error.message)),
        )
        .catch((error: unknown) => errback(error instanceof Error ? error : new Error(String(error))));
    });
    transport.on('connectionstatechange', (state) => this.onTransportState(transport, state));

    if (tracks.video && device.canProduce('video')) {
      this.video = await transport.produce({
        track: tracks.video,
        encodings: simulcastEncodings(tracks.preset),
        codecOptions: { videoGoogleStartBitrate: 1000 },
        stopTracks: false,
      });
    }
    if (generation !== this.generation) return;
    this.audio = await transport.produce({ track: tracks.audio, stopTracks: false });
    if (generation !== this.generation) return;
    this.retries = 0;
    // Producing runs the DTLS handshake: the transport is usually connected by now.
    if (transport.connectionState === 'connected') this.set({ state: 'live', error: null });
    else if (this.snapshotValue.state !== 'reconnecting') this.set({ state: 'connecting', error: null });
  }

  private onTransportState(transport: ms.Transport, state: ms.ConnectionState): void {
    if (transport !== this.transport || this.broadcastId === null) return;
    if (state === 'connected') {
      clearTimeout(this.graceTimer);
      this.graceTimer = undefined;
      this.set({ state: 'live', error: null });
    } else if (state === 'disconnected' || state === 'failed') {
      void this.restartIce(transport);
    }
  }

  private async restartIce(transport: ms.Transport): Promise<void> {
    this.set({ state: 'reconnecting', error: this.snapshotValue.error });
    if (this.graceTimer === undefined) {
      // Whatever the restart's answer, a transport not back in time is replaced.
      this.graceTimer = setTimeout(() => {
        this.graceTimer = undefined;
        if (transport === this.transport && transport.connectionState !== 'connected') this.rebuild('ice');
      }, this.iceRestartGraceMs);
    }
    try {
      const { iceParameters } = await must(
        this.options.signal.request('media.transport.restartIce', { transportId: transport.id }),
      );
      if (transport !== this.transport || transport.closed) return;
      await transport.restartIce({ iceParameters: iceParameters as unknown as ms.IceParameters });
    } catch {
      // The grace timer rebuilds; a restart that cannot even be asked for changes nothing.
    }
  }

  /** New transports and producers for the same broadcast, until it works or the broadcast stops. */
  private rebuild(_why: 'ice' | 'socket'): void {
    if (this.broadcastId === null) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.closeTransport();
    this.set({ state: 'reconnecting', error: this.snapshotValue.error });
    const generation = ++this.generation;
    this.build(generation).catch((error: unknown) => {
      if (generation !== this.generation || this.broadcastId === null) return;
      this.closeTransport();
      this.set({ state: 'reconnecting', error: messageOf(error) });
      const wait = this.rebuildRetryMs * Math.min(8, 2 ** this.retries);
      this.retries += 1;
      this.retryTimer = setTimeout(() => this.rebuild(_why), wait);
    });
  }

  private stopMedia(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.closeTransport();
  }

  private closeTransport(): void {
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    this.video?.close();
    this.audio?.close();
    this.video = null;
    this.audio = null;
    const transport = this.transport;
    this.transport = null;
    if (transport && !transport.closed) transport.close();
  }

  private set(snapshot: LiveClientSnapshot): void {
    if (snapshot.state === this.snapshotValue.state && snapshot.error === this.snapshotValue.error) return;
    this.snapshotValue = snapshot;
    this.changes.emit();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
