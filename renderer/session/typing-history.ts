import { typingHistoryLimit, type WingsBridge } from '../../shared/bridge';
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
      // The host stored each delivered message itself before saying so: its list is the whole history.
      if (answer.ok && !this.disposed) this.set(answer.data.entries.map((e) => e.text));
    });
    return this.loading;
  }

  /** The hub applied a message: its words count from now on (the host stored it itself). */
  learn(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '' || this.disposed) return;
    // As many as the host keeps, so the model here is the one the next sign-in rebuilds.
    this.set([...this.textsValue, trimmed].slice(-typingHistoryLimit));
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
