import type { WingsBridge } from '../../shared/bridge';
import { Emitter } from '../net/emitter';

/** A moment after the last keystroke: often enough that a crash costs a word at most, rarely enough for the disk. */
export const draftSaveDelayMs = 400;

export interface DraftSnapshot {
  readonly text: string;
  /** The saved copy has been read (or there was none): the composer may show it. */
  readonly loaded: boolean;
}

/**
 * One composer's draft: the text the worker is writing, kept on the host's
 * disk a moment after each change so a crash, a reload or a lost network
 * never costs what they typed. It belongs to the session, not to the
 * composer, so it survives the composer unmounting.
 */
export class Draft {
  private readonly changes = new Emitter();
  private snapshotValue: DraftSnapshot = { text: '', loaded: false };
  private touched = false;
  private unsaved: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last write; true if the host kept it. */
  private saving: Promise<boolean> = Promise.resolve(true);
  private readonly loading: Promise<void>;

  constructor(
    private readonly bridge: WingsBridge,
    private readonly sessionId: string,
    readonly key: string,
    private readonly saveDelayMs: number,
  ) {
    this.loading = this.load();
  }

  get snapshot(): DraftSnapshot {
    return this.snapshotValue;
  }
  get text(): string {
    return this.snapshotValue.text;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Resolves once the saved copy has been read. */
  ready(): Promise<void> {
    return this.loading;
  }

  set(text: string): void {
    this.touched = true;
    this.unsaved = text;
    this.publish({ text, loaded: true });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.saveDelayMs);
  }

  /**
   * Puts `text` back below whatever is in the draft now (typed since, or
   * saved earlier), and saves at once: it is what the worker typed and
   * nothing else holds it any more. True once the host has it.
   */
  async appendBelow(text: string): Promise<boolean> {
    await this.loading;
    const current = this.snapshotValue.text;
    this.set(current.trim() ? `${current.replace(/\s+$/, '')}\n\n${text}` : text);
    return this.flush();
  }

  /** Writes what is unsaved now; resolves true when the host has it, false if it said no. */
  flush(): Promise<boolean> {
    clearTimeout(this.timer);
    const value = this.unsaved;
    if (value !== null) {
      this.unsaved = null;
      this.saving = this.saving.then(() => this.write(value));
    }
    return this.saving;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private async write(value: string): Promise<boolean> {
    const { sessionId, key } = this;
    const kept = await (
      value === ''
        ? this.bridge.call('drafts.delete', { sessionId, key })
        : this.bridge.call('drafts.put', { sessionId, key, text: value })
    ).then(
      (answer) => answer.ok,
      () => false,
    );
    // Not kept (the host is busy or gone): it stays unsaved, so the next change or flush tries again.
    if (!kept && this.unsaved === null) this.unsaved = value;
    return kept;
  }

  private async load(): Promise<void> {
    // No saved copy reachable: the composer starts empty rather than not at all.
    const saved = await this.bridge.call('drafts.get', { sessionId: this.sessionId, key: this.key }).then(
      (answer) => (answer.ok ? answer.data.text : null),
      () => null,
    );
    // What the worker typed while the draft loaded wins over the saved copy.
    if (this.touched) return;
    this.publish({ text: saved ?? '', loaded: true });
  }

  private publish(next: DraftSnapshot): void {
    if (next.text === this.snapshotValue.text && next.loaded === this.snapshotValue.loaded) return;
    this.snapshotValue = next;
    this.changes.emit();
  }
}

/** Every draft of the signed-in worker, one per composer key, made on first use. */
export class DraftStore {
  private readonly drafts = new Map<string, Draft>();

  constructor(
    private readonly bridge: WingsBridge,
    private readonly sessionId: string,
    private readonly saveDelayMs = draftSaveDelayMs,
  ) {}

  get(key: string): Draft {
    let draft = this.drafts.get(key);
    if (!draft) {
      draft = new Draft(this.bridge, this.sessionId, key, this.saveDelayMs);
      this.drafts.set(key, draft);
    }
    return draft;
  }

  /** On pagehide and at sign-out: whatever is typed reaches the host's disk. */
  async flush(): Promise<void> {
    await Promise.all([...this.drafts.values()].map((d) => d.flush()));
  }

  dispose(): void {
    for (const draft of this.drafts.values()) draft.dispose();
  }
}
