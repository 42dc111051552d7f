import { Rerun } from '../../../shared/domain/rerun';
import type { ErrorCode } from '../../../shared/protocol';
import type { TeleprompterScript } from '../../../shared/protocol/live';
import { Emitter } from '../../net/emitter';
import { defineStore } from '../../session/store-registry';
import type { Session } from '../../session/session';
import type { SpeechLanguage } from '../voice/anchor-voice';

export interface TeleprompterSnapshot {
  scripts: readonly TeleprompterScript[];
  loaded: boolean;
  error: ErrorCode | null;
  /** The voice's language the anchor chose; null follows the UI language. */
  language: SpeechLanguage | null;
}

const scriptEvents = new Set<string>(['live.script.save', 'live.script.delete']);

/**
 * The anchor's scripts and quick phrases (`live.scripts`), read again on
 * every reconnect and whenever this workstation's outbox delivers a change
 * to them, and the voice language chosen in the teleprompter, which the
 * comment feed's phrase answers speak in too.
 */
export class TeleprompterStore {
  private snapshot: TeleprompterSnapshot = { scripts: [], loaded: false, error: null, language: null };
  private readonly changes = new Emitter();
  private readonly load: Rerun;
  private readonly stops: (() => void)[] = [];

  constructor(session: Session) {
    const { hub, outbox } = session;
    this.load = new Rerun(async () => {
      const answer = await hub.request('live.scripts', {});
      this.set(
        answer.ok
          ? { scripts: answer.data.scripts, loaded: true, error: null }
          : { error: answer.error.code },
      );
    });
    this.stops.push(hub.onConnected(() => void this.refresh()));
    this.stops.push(
      outbox.onDelivered((entry) => {
        if (scriptEvents.has(entry.event)) void this.refresh();
      }),
    );
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);
  getSnapshot = (): TeleprompterSnapshot => this.snapshot;

  refresh(): Promise<void> {
    return this.load.run();
  }

  setLanguage(language: SpeechLanguage): void {
    this.set({ language });
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private set(patch: Partial<TeleprompterSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.changes.emit();
  }
}

export const teleprompterStore = defineStore(
  'live.teleprompter',
  (session: Session) => new TeleprompterStore(session),
);

/** The pinned product's scripts first, then other products', then general ones; each group as the hub lists it. */
export function orderScripts(scripts: readonly TeleprompterScript[], pinnedProductId: number | null) {
  const rank = (s: TeleprompterScript) =>
    s.productId !== null && s.productId === pinnedProductId ? 0 : s.productId !== null ? 1 : 2;
  const lines = scripts.filter((s) => s.kind === 'script');
  return {
    phrases: scripts.filter((s) => s.kind === 'phrase'),
    scripts: lines
      .map((s, at) => ({ s, at }))
      .sort((a, b) => rank(a.s) - rank(b.s) || a.at - b.at)
      .map(({ s }) => s),
  };
}
