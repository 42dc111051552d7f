import type { Session } from '../session/session';
import type { MicrophoneSink } from './media-devices';
import { AnchorVoice } from './voice/anchor-voice';
import { VoiceMixer } from './voice/voice-mixer';

/**
 * The broadcast's sound: one AudioContext, the voice mixer (microphone and
 * synthesised speech into one published track) and the anchor's voice,
 * made on first use. Browsers start an AudioContext suspended until a user
 * gesture; `wake()` is called from "Go live" and the device pickers.
 */
export class LiveAudio {
  private contextValue: AudioContext | null = null;
  private mixerValue: VoiceMixer | null = null;
  private voiceValue: AnchorVoice | null = null;

  /** What the devices hand the microphone to: the mixer, made when the first stream comes. */
  readonly microphoneSink: MicrophoneSink = {
    setMicrophone: (stream) => this.mixer.setMicrophone(stream),
    setMicMuted: (muted) => this.mixer.setMicMuted(muted),
  };

  constructor(private readonly session: Session) {}

  get mixer(): VoiceMixer {
    return this.made().mixer;
  }

  get voice(): AnchorVoice {
    this.voiceValue ??= new AnchorVoice({ bridge: this.session.options.bridge, player: this.mixer });
    return this.voiceValue;
  }

  /** The published audio track (always live: silence, the mic, speech, or both). */
  track(): MediaStreamTrack {
    return this.mixer.track;
  }

  /** 0–1, for the meter; 0 before anything was opened. */
  level(): number {
    return this.mixerValue ? this.mixerValue.level() : 0;
  }

  wake = (): void => {
    const { context } = this.made();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
  };

  voiceStop(): void {
    this.voiceValue?.stop();
  }

  private made(): { context: AudioContext; mixer: VoiceMixer } {
    if (!this.contextValue || !this.mixerValue) {
      this.contextValue = new AudioContext();
      this.mixerValue = new VoiceMixer(this.contextValue);
    }
    return { context: this.contextValue, mixer: this.mixerValue };
  }

  dispose(): void {
    this.voiceValue?.dispose();
    this.mixerValue?.close();
    void this.contextValue?.close().catch(() => undefined);
    this.mixerValue = null;
    this.voiceValue = null;
    this.contextValue = null;
  }
}
