import { Emitter } from '../net/emitter';
import { audioConstraints, defaultQuality, videoConstraints, type QualityPreset } from './quality';

export interface DeviceChoice {
  readonly id: string;
  readonly label: string;
}

/** Why a device could not be opened, in the words the console has for it. */
export type DeviceProblem = 'denied' | 'notFound' | 'busy' | 'unsupported' | 'other';

export interface DevicesSnapshot {
  readonly cameras: readonly DeviceChoice[];
  readonly microphones: readonly DeviceChoice[];
  /** The chosen device; null: the browser's default (or none there). */
  readonly cameraId: string | null;
  readonly microphoneId: string | null;
  readonly preset: QualityPreset;
  readonly micMuted: boolean;
  /** The camera preview (video only; muted on screen). */
  readonly preview: MediaStream | null;
  readonly cameraProblem: DeviceProblem | null;
  readonly microphoneProblem: DeviceProblem | null;
}

/** What the devices feed: the voice mixer's side the store needs. */
export interface MicrophoneSink {
  setMicrophone(stream: MediaStream | null): void;
  setMicMuted(muted: boolean): void;
}

function problemOf(error: unknown): DeviceProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'other';
}

function choices(devices: readonly MediaDeviceInfo[], kind: MediaDeviceKind): DeviceChoice[] {
  // Labels stay empty until a device of the kind was allowed once; the console numbers those.
  return devices
    .filter((d) => d.kind === kind && d.deviceId !== '')
    .map((d) => ({ id: d.deviceId, label: d.label }));
}

/**
 * The anchor's camera and microphone: the lists to pick from, the open
 * tracks, the preview, the quality preset and the mute. The camera's track
 * goes to the preview and (while live) to the video producer; the
 * microphone's stream goes only to the voice mixer, whose output is what is
 * published, so muting the mic leaves the teleprompter's speech on air.
 */
export class AnchorDevices {
  private readonly changes = new Emitter();
  private readonly videoChanges = new Emitter<[MediaStreamTrack | null]>();
  private snapshotValue: DevicesSnapshot = {
    cameras: [],
    microphones: [],
    cameraId: null,
    microphoneId: null,
    preset: defaultQuality,
    micMuted: false,
    preview: null,
    cameraProblem: null,
    microphoneProblem: null,
  };
  private camera: MediaStream | null = null;
  private microphone: MediaStream | null = null;
  private opened = false;
  /** Bumped by each open of a camera or microphone: a slow getUserMedia for an earlier choice is dropped. */
  private cameraTurn = 0;
  private micTurn = 0;
  private readonly onDeviceChange = () => void this.refreshLists();

  constructor(private readonly sink: MicrophoneSink) {}

  get snapshot(): DevicesSnapshot {
    return this.snapshotValue;
  }
  get videoTrack(): MediaStreamTrack | null {
    return this.camera?.getVideoTracks()[0] ?? null;
  }
  get isOpen(): boolean {
    return this.opened;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** The camera's track changed (another device, another preset): the producer replaces its own. */
  onVideoTrack(listener: (track: MediaStreamTrack | null) => void): () => void {
    return this.videoChanges.subscribe(listener);
  }

  /** Opens the chosen (or default) camera and microphone and lists the devices; again is a no-op. */
  async open(): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
      this.set({ cameraProblem: 'unsupported', microphoneProblem: 'unsupported' });
      return;
    }
    navigator.mediaDevices.addEventListener('devicechange', this.onDeviceChange);
    await Promise.all([this.openCamera(), this.openMicrophone()]);
    await this.refreshLists();
  }

  /** Lets the devices go (camera light off); the choices are kept for the next open. */
  close(): void {
    if (!this.opened) return;
    this.opened = false;
    this.cameraTurn += 1;
    this.micTurn += 1;
    navigator.mediaDevices?.removeEventListener('devicechange', this.onDeviceChange);
    stopAll(this.camera);
    stopAll(this.microphone);
    this.camera = null;
    this.microphone = null;
    this.sink.setMicrophone(null);
    this.set({ preview: null });
    this.videoChanges.emit(null);
  }

  async setCamera(deviceId: string | null): Promise<void> {
    this.set({ cameraId: deviceId });
    if (this.opened) await this.openCamera();
  }

  async setMicrophone(deviceId: string | null): Promise<void> {
    this.set({ microphoneId: deviceId });
    if (this.opened) await this.openMicrophone();
  }

  async setPreset(preset: QualityPreset): Promise<void> {
    if (preset === this.snapshotValue.preset) return;
    this.set({ preset });
    if (this.opened) await this.openCamera();
  }

  setMicMuted(muted: boolean): void {
    this.sink.setMicMuted(muted);
    this.set({ micMuted: muted });
  }

  dispose(): void {
    this.close();
  }

  private async openCamera(): Promise<void> {
    const turn = ++this.cameraTurn;
    const { cameraId, preset } = this.snapshotValue;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: videoConstraints(preset, cameraId) });
      if (turn !== this.cameraTurn) {
        stopAll(stream);
        return;
      }
      const old = this.camera;
      this.camera = stream;
      this.set({ preview: stream, cameraProblem: null });
      this.videoChanges.emit(this.videoTrack);
      // The old camera goes only once the producer has the new one, so viewers never see a gap.
      stopAll(old);
      if (this.snapshotValue.cameras.every((c) => c.label === '')) await this.refreshLists();
    } catch (error) {
      if (turn !== this.cameraTurn) return;
      this.set({ cameraProblem: problemOf(error) });
    }
  }

  private async openMicrophone(): Promise<void> {
    const turn = ++this.micTurn;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: audioConstraints(this.snapshotValue.microphoneId),
      });
      if (turn !== this.micTurn) {
        stopAll(stream);
        return;
      }
      const old = this.microphone;
      this.microphone = stream;
      this.sink.setMicrophone(stream);
      this.sink.setMicMuted(this.snapshotValue.micMuted);
      stopAll(old);
      this.set({ microphoneProblem: null });
    } catch (error) {
      if (turn !== this.micTurn) return;
      this.set({ microphoneProblem: problemOf(error) });
    }
  }

  private async refreshLists(): Promise<void> {
    try {
      const devices = await navigator.mediaDevices.enumerateDevices();
      this.set({ cameras: choices(devices, 'videoinput'), microphones: choices(devices, 'audioinput') });
    } catch {
      // The lists stay as they were; the default devices still work.
    }
  }

  private set(patch: Partial<DevicesSnapshot>): void {
    this.snapshotValue = { ...this.snapshotValue, ...patch };
    this.changes.emit();
  }
}

function stopAll(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
