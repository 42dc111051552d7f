import type { ChannelOutput, WingsBridge } from '../../../shared/bridge';
import { splitSentences } from '../../../shared/domain/live/sentences';
import { fail, ok, type Ack } from '../../../shared/protocol';
import { Emitter } from '../../net/emitter';
import type { VoicePlayer } from './voice-mixer';

export type SpeechLanguage = ChannelOutput<'speech.voices'>['languages'][number];

export interface PlayingLine {
  lineId: string;
  sentences: string[];
  /** The sentence being heard now. */
  index: number;
}

export interface AnchorVoiceSnapshot {
  /** Null until the host answered, and when it has no speech engine. */
  engine: string | null;
  languages: SpeechLanguage[];
  playing: PlayingLine | null;
}

/** `completed: false`: stopped, or replaced by another line, before the end. */
export type SpokenAck = Ack<{ completed: boolean }>;

export interface AnchorVoiceOptions {
  bridge: Pick<WingsBridge, 'call'>;
  player: VoicePlayer;
  /** Words per minute, the engine's scale; the engine's normal speed when unset. */
  rate?: number;
}

function bytesOf(base64: string): ArrayBuffer {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}

/**
 * The anchor's synthesised voice. A line is split into sentences; the host
 * renders each (`speech.render`) and the player plays it into the broadcast,
 * the next one rendering while the current one plays so there is no gap.
 * One line at a time: a new line, or `stop()`, cuts the current one at once.
 * `readAloud` is a separate lane to the anchor's own speakers (comments read
 * to a blind anchor) and never touches the broadcast.
 */
export class AnchorVoice {
  private snapshot: AnchorVoiceSnapshot = { engine: null, languages: [], playing: null };
  private readonly changes = new Emitter();
  private line: AbortController | null = null;
  private local: AbortController | null = null;
  private disposed = false;
  /** Settles once the host said which voices it has. */
  readonly ready: Promise<void>;

  constructor(private readonly options: AnchorVoiceOptions) {
    this.ready = this.refreshVoices();
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);
  getSnapshot = (): AnchorVoiceSnapshot => this.snapshot;

  /** Asks the host again (after installing a voice, say). */
  async refreshVoices(): Promise<void> {
    try {
      const answer = await this.options.bridge.call('speech.voices', {});
      if (answer.ok && !this.disposed)
        this.set({ engine: answer.data.engine, languages: answer.data.languages });
    } catch {
      // No answer is the same as no engine: the teleprompter says so.
    }
  }

  /** Speaks a line into the broadcast, sentence by sentence, replacing whatever line was playing. */
  async speakLine(lineId: string, text: string, language: SpeechLanguage): Promise<SpokenAck> {
    this.line?.abort();
    const sentences = splitSentences(text);
    if (sentences.length === 0) {
      this.line = null;
      this.set({ playing: null });
      return ok({ completed: true });
    }
    const control = new AbortController();
    this.line = control;
    this.set({ playing: { lineId, sentences, index: 0 } });
    const result = await this.pipeline(sentences, language, control.signal, (wav, index) => {
      this.set({ playing: { lineId, sentences, index } });
      return this.options.player.playWav(wav, control.signal);
    });
    // Only the line still current clears the display; a newer one has already taken it.
    if (this.line === control) {
      this.line = null;
      this.set({ playing: null });
    }
    return result;
  }

  /** Cuts the broadcast's line at once. */
  stop(): void {
    if (this.line === null && this.snapshot.playing === null) return;
    this.line?.abort();
    this.line = null;
    this.set({ playing: null });
  }

  /** Reads text on the anchor's own speakers only; a newer reading replaces an older one. */
  async readAloud(text: string, language: SpeechLanguage): Promise<SpokenAck> {
    this.local?.abort();
    const control = new AbortController();
    this.local = control;
    const result = await this.pipeline(splitSentences(text), language, control.signal, (wav) =>
      this.options.player.playLocal(wav, control.signal),
    );
    if (this.local === control) this.local = null;
    return result;
  }

  /** Stops reading aloud to the anchor. */
  stopReading(): void {
    this.local?.abort();
    this.local = null;
  }

  dispose(): void {
    this.disposed = true;
    this.line?.abort();
    this.local?.abort();
  }

  private async pipeline(
    sentences: string[],
    language: SpeechLanguage,
    signal: AbortSignal,
    play: (wav: ArrayBuffer, index: number) => Promise<void>,
  ): Promise<SpokenAck> {
    const first = sentences[0];
    if (first === undefined) return ok({ completed: true });
    let next = this.render(first, language);
    for (let index = 0; index < sentences.length; index++) {
      const rendered = await next;
      if (signal.aborted) return ok({ completed: false });
      if (!rendered.ok) return rendered;
      const following = sentences[index + 1];
      // Rendered while this one plays: the host is quicker than speech, so the next is ready in time.
      if (following !== undefined) next = this.render(following, language);
      await play(rendered.data, index);
      if (signal.aborted) return ok({ completed: false });
    }
    return ok({ completed: true });
  }

  private async render(text: string, language: SpeechLanguage): Promise<Ack<ArrayBuffer>> {
    try {
      const answer = await this.options.bridge.call('speech.render', {
        text,
        language,
        ...(this.options.rate === undefined ? {} : { rate: this.options.rate }),
      });
      return answer.ok ? ok(bytesOf(answer.data.wavBase64)) : answer;
    } catch {
      return fail('unavailable', 'The workstation did not answer.');
    }
  }

  private set(patch: Partial<AnchorVoiceSnapshot>): void {
    if (this.disposed) return;
    this.snapshot = { ...this.snapshot, ...patch };
    this.changes.emit();
  }
}
