/**
 * The broadcast's audio, built in Web Audio so the teleprompter's synthesised
 * speech reaches viewers and not only the anchor's speakers:
 *
 *   microphone → analyser (the meter)
 *              → mic gain (0 while muted) ─┐
 *   speech buffers → speech gain ──────────┼→ broadcast destination → `track`
 *                               └→ monitor gain (0 by default) → speakers
 *   local buffers (reading comments aloud) ─────────────────────────→ speakers
 *
 * `track` is the destination's track: always live, silent with no microphone
 * and no speech, so the published producer never needs replacing for either.
 */

/** What AnchorVoice plays through: the mixer in the app, a recording player in tests (jsdom has no Web Audio). */
export interface VoicePlayer {
  /** Into the broadcast; resolves when the audio ends or `signal` aborts (stopping it at once). */
  playWav(wav: ArrayBuffer, signal?: AbortSignal): Promise<void>;
  /** To the anchor's own speakers only; viewers never hear it. */
  playLocal(wav: ArrayBuffer, signal?: AbortSignal): Promise<void>;
}

/** The meter reads RMS; speech near full scale sits around 0.3 RMS, so this spreads it over the bar. */
const meterScale = 3;

export class VoiceMixer implements VoicePlayer {
  readonly track: MediaStreamTrack;
  private readonly context: AudioContext;
  private readonly ownsContext: boolean;
  private readonly destination: MediaStreamAudioDestinationNode;
  private readonly micGain: GainNode;
  private readonly speechGain: GainNode;
  private readonly monitorGain: GainNode;
  private readonly analyser: AnalyserNode;
  private readonly samples: Float32Array<ArrayBuffer>;
  private mic: MediaStreamAudioSourceNode | null = null;
  private readonly playing = new Set<AudioBufferSourceNode>();
  private closed = false;

  constructor(context?: AudioContext) {
    this.context = context ?? new AudioContext();
    this.ownsContext = context === undefined;
    this.destination = this.context.createMediaStreamDestination();
    this.micGain = this.context.createGain();
    this.speechGain = this.context.createGain();
    this.monitorGain = this.context.createGain();
    // Off by default: the anchor's speakers feeding their own microphone would echo to viewers.
    this.monitorGain.gain.value = 0;
    this.analyser = this.context.createAnalyser();
    this.analyser.fftSize = 1024;
    this.samples = new Float32Array(this.analyser.fftSize);
    this.micGain.connect(this.destination);
    this.speechGain.connect(this.destination);
    this.speechGain.connect(this.monitorGain);
    this.monitorGain.connect(this.context.destination);
    const track = this.destination.stream.getAudioTracks()[0];
    if (!track) throw new Error('the audio destination made no track');
    this.track = track;
  }

  /** The microphone to mix in, or null for speech alone (the anchor has none, or switched it off). */
  setMicrophone(stream: MediaStream | null): void {
    this.mic?.disconnect();
    this.mic = null;
    if (stream === null || stream.getAudioTracks().length === 0 || this.closed) return;
    this.mic = this.context.createMediaStreamSource(stream);
    this.mic.connect(this.analyser);
    this.mic.connect(this.micGain);
    void this.wake();
  }

  /** Muted, viewers hear no microphone; the speech still goes out. */
  setMicMuted(muted: boolean): void {
    this.micGain.gain.setValueAtTime(muted ? 0 : 1, this.context.currentTime);
  }

  /** Whether the anchor hears the broadcast's speech on their own speakers too. */
  setMonitor(on: boolean): void {
    this.monitorGain.gain.setValueAtTime(on ? 1 : 0, this.context.currentTime);
  }

  /** The microphone's level now, 0–1, before the mute (the meter shows the mic works even while muted). */
  readonly level = (): number => {
    if (this.mic === null || this.closed) return 0;
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const s of this.samples) sum += s * s;
    return Math.min(1, Math.sqrt(sum / this.samples.length) * meterScale);
  };

  playWav(wav: ArrayBuffer, signal?: AbortSignal): Promise<void> {
    return this.play(wav, this.speechGain, signal);
  }

  playLocal(wav: ArrayBuffer, signal?: AbortSignal): Promise<void> {
    return this.play(wav, this.context.destination, signal);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const source of this.playing) source.stop();
    this.playing.clear();
    this.mic?.disconnect();
    this.mic = null;
    this.track.stop();
    if (this.ownsContext) void this.context.close();
  }

  private async play(wav: ArrayBuffer, to: AudioNode, signal?: AbortSignal): Promise<void> {
    if (this.closed || signal?.aborted) return;
    await this.wake();
    // decodeAudioData detaches what it is given; the caller may still hold the bytes.
    const buffer = await this.context.decodeAudioData(wav.slice(0));
    if (this.closed || signal?.aborted) return;
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(to);
    this.playing.add(source);
    await new Promise<void>((resolve) => {
      const done = () => {
        signal?.removeEventListener('abort', abort);
        this.playing.delete(source);
        source.disconnect();
        resolve();
      };
      const abort = () => {
        source.onended = null;
        source.stop();
        done();
      };
      source.onended = done;
      signal?.addEventListener('abort', abort, { once: true });
      source.start();
    });
  }

  /** A context made before any click starts suspended; the anchor's press of a line is the gesture. */
  private async wake(): Promise<void> {
    if (this.context.state === 'suspended') await this.context.resume();
  }
}
