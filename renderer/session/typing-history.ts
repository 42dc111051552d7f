import type { WingsBridge } from '../../shared/bridge';
import { Emitter } from '../net/emitter';

/**
 * What this worker sent, as the on-screen keyboard learns their words from
 * it. It lives on the host's disk under the signed-in worker (never on the
 * hub): read once per sign-in, added to each time the hub applies a command
 * that carried typed text.
 */
export class TypingHistory {
  private readonly changes = new Emitter();
  private textsValue: readonly string[] = [];
  private loading: Promise<void> | null = null;
  private disposed = false;

  constructor(
    private readonly bridge: WingsBridge,
    private readonly sessionId: string,
  ) {}

  /** Oldest first; a new array whenever it changes (for useSyncExternalStore). */
  get texts(): readonly string[] {
    return this.textsValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Reads the history once; a failed read leaves it empty (predictions still come from the word lists). */
  load(): Promise<void> {
    this.loading ??= this.bridge.call('typing.history', { sessionId: this.sessionId }).then((answer) => {
      if (!answer.ok || this.disposed) return;
      // Sent while the read was on its way: keep those after what the host had.
      this.set([...answer.data.entries.map((e) => e.text), ...this.textsValue]);
    });
    return this.loading;
  }

  learn(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '' || this.disposed) return;
    this.set([...this.textsValue, trimmed]);
    // Best effort: a lost learn costs a prediction, never the worker's text (that went to the outbox).
    void this.bridge.call('typing.learn', { sessionId: this.sessionId, text: trimmed.slice(0, 4000) });
  }

  async forget(): Promise<boolean> {
    const answer = await this.bridge.call('typing.forget', { sessionId: this.sessionId });
    if (answer.ok) this.set([]);
    return answer.ok;
  }

  dispose(): void {
    this.disposed = true;
    this.set([]);
  }

  private set(texts: readonly string[]): void {
    this.textsValue = texts;
    this.changes.emit();
  }
}
