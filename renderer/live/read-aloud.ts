import { textLang } from '../../shared/i18n/text-lang';
import type { LiveComment } from '../../shared/protocol/live';
import type { SpeechLanguage } from './voice/anchor-voice';

/** Comments waiting to be read; past this the oldest waiting are skipped (a blind anchor hears the newest). */
export const readAloudBacklog = 3;

export interface Reader {
  readAloud(text: string, language: SpeechLanguage): Promise<unknown>;
  stopReading(): void;
}

/** The voice for a comment: its own script's (a Chinese comment in Chinese), the UI's when unclear. */
export function speechLanguageOf(text: string, fallback: SpeechLanguage = 'zh-CN'): SpeechLanguage {
  return textLang(text) ?? fallback;
}

/**
 * Reads new comments to the anchor one after another (never cutting one off
 * for the next), keeping only the newest few waiting when they come faster
 * than speech.
 */
export class ReadAloudQueue {
  private waiting: { text: string; language: SpeechLanguage }[] = [];
  private reading = false;
  private on = false;

  constructor(
    private readonly reader: () => Reader,
    private readonly words: (comment: LiveComment) => string,
  ) {}

  get enabled(): boolean {
    return this.on;
  }

  setEnabled(on: boolean): void {
    this.on = on;
    if (!on) {
      this.waiting = [];
      if (this.reading) this.reader().stopReading();
    }
  }

  /** Arrivals oldest first, as the hub pushed them. */
  push(comments: readonly LiveComment[]): void {
    if (!this.on || comments.length === 0) return;
    const oldestFirst = [...comments].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
    // The voice follows the comment's own script, not the nickname's.
    this.waiting.push(
      ...oldestFirst.map((c) => ({ text: this.words(c), language: speechLanguageOf(c.body) })),
    );
    this.waiting = this.waiting.slice(-readAloudBacklog);
    void this.next();
  }

  private async next(): Promise<void> {
    if (this.reading) return;
    const line = this.waiting.shift();
    if (line === undefined) return;
    this.reading = true;
    try {
      await this.reader().readAloud(line.text, line.language);
    } catch {
      // One comment not read is no reason to stop reading the rest.
    } finally {
      this.reading = false;
    }
    if (this.on) void this.next();
  }
}
