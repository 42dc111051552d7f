import type { VoicePlayer } from '../../../renderer/live/voice/voice-mixer';

export interface Played {
  to: 'broadcast' | 'local';
  wav: ArrayBuffer;
  /** Ends this playback as the audio's end would. */
  finish(): void;
  aborted: () => boolean;
  ended: Promise<void>;
}

/**
 * The VoicePlayer for a DOM without Web Audio: AnchorVoice's own logic runs
 * against the host's real WAVs, and each playback lasts until the test says
 * it ended (or AnchorVoice aborts it), so a test can look at the screen while
 * a given sentence plays.
 */
export class RecordingPlayer implements VoicePlayer {
  readonly played: Played[] = [];
  private readonly waiters = new Set<() => void>();

  playWav(wav: ArrayBuffer, signal?: AbortSignal): Promise<void> {
    return this.record('broadcast', wav, signal);
  }

  playLocal(wav: ArrayBuffer, signal?: AbortSignal): Promise<void> {
    return this.record('local', wav, signal);
  }

  /** The nth playback, once it has started. */
  async nth(n: number, timeoutMs = 10_000): Promise<Played> {
    const deadline = Date.now() + timeoutMs;
    while (this.played.length <= n) {
      if (Date.now() > deadline)
        throw new Error(`playback ${n} never started (${this.played.length} so far)`);
      await new Promise<void>((resolve) => {
        this.waiters.add(resolve);
        setTimeout(resolve, 50);
      });
    }
    const found = this.played[n];
    if (!found) throw new Error(`no playback ${n}`);
    return found;
  }

  private record(to: Played['to'], wav: ArrayBuffer, signal?: AbortSignal): Promise<void> {
    let finish = () => {};
    let wasAborted = false;
    const ended = new Promise<void>((resolve) => {
      finish = resolve;
      if (signal?.aborted) {
        wasAborted = true;
        resolve();
      }
      signal?.addEventListener('abort', () => {
        wasAborted = true;
        resolve();
      });
    });
    this.played.push({ to, wav, finish, aborted: () => wasAborted, ended });
    for (const wake of [...this.waiters]) wake();
    this.waiters.clear();
    return ended;
  }
}

/** The RIFF header's facts, read from the bytes AnchorVoice handed over. */
export function wavFacts(wav: ArrayBuffer): {
  riff: string;
  channels: number;
  bits: number;
  dataBytes: number;
} {
  const view = new DataView(wav);
  const tag = (at: number) => String.fromCharCode(...new Uint8Array(wav, at, 4));
  return {
    riff: `${tag(0)}/${tag(8)}`,
    channels: view.getUint16(22, true),
    bits: view.getUint16(34, true),
    dataBytes: view.getUint32(40, true),
  };
}
