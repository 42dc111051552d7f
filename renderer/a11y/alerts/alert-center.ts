import { Announcer } from './announcer';
import { playChime } from './chime';
import { EdgeFlasher } from './edge-flash';

export type AlertKind = 'info' | 'urgent';

export interface AlertRequest {
  kind: AlertKind;
  message: string;
  /** Also play a tone; the visual twin and the live region come regardless. */
  sound?: boolean;
}

export interface Announcement {
  /** Announcements of one topic within the window become one summary. */
  topic: string;
  message: string;
  /** The words for several at once, e.g. `(n) => t('team:newNotes', { count: n })`. */
  summary: (count: number) => string;
  kind?: AlertKind;
  sound?: boolean;
}

export interface LiveMessage {
  id: number;
  text: string;
}

export interface BannerItem {
  id: number;
  kind: AlertKind;
  message: string;
  shownAt: number;
}

export interface AlertSnapshot {
  status: LiveMessage | null;
  alert: LiveMessage | null;
  banner: readonly BannerItem[];
}

export interface AlertPreferences {
  visualAlerts: boolean;
  edgeFlash: boolean;
  reducedMotion: boolean;
}

/** Time for a burst of arrivals to gather into one summary. */
export const coalesceWindowMs = 1500;
const maxBannerItems = 3;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Every alert of the app goes through here: the words into a live region,
 * and with visual alerts on the window flash, the banner and the edge flash.
 * An external store, so React reads it and every caller shares one instance.
 */
export class AlertCenter {
  readonly flasher = new EdgeFlasher();
  private readonly announcer = new Announcer<Announcement>(coalesceWindowMs, (batch, last) => {
    const message = batch.count === 1 ? (batch.messages[0] ?? last.message) : last.summary(batch.count);
    this.notify({ kind: last.kind ?? 'info', message, sound: last.sound ?? false });
  });
  private readonly listeners = new Set<() => void>();
  private snapshotValue: AlertSnapshot = { status: null, alert: null, banner: [] };
  private nextId = 0;
  private preferences: AlertPreferences = { visualAlerts: true, edgeFlash: false, reducedMotion: false };

  /** `flash` asks the host to draw attention to the window (the OS's own visual cue). */
  constructor(private readonly flash: (reason: string) => void) {}

  get snapshot(): AlertSnapshot {
    return this.snapshotValue;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  configure(preferences: AlertPreferences): void {
    this.preferences = preferences;
  }

  notify = ({ kind, message, sound = false }: AlertRequest): void => {
    const id = ++this.nextId;
    const { visualAlerts, edgeFlash, reducedMotion } = this.preferences;
    const live = { id, text: message };
    let next: AlertSnapshot =
      kind === 'urgent' ? { ...this.snapshotValue, alert: live } : { ...this.snapshotValue, status: live };
    if (sound) playChime(kind);
    if (visualAlerts) {
      this.flash(message);
      const item = { id, kind, message, shownAt: Date.now() };
      next = { ...next, banner: [item, ...next.banner].slice(0, maxBannerItems) };
      if (edgeFlash) this.flasher.request(kind === 'urgent' ? 3 : 1, reducedMotion || prefersReducedMotion());
    }
    this.set(next);
  };

  announce = (announcement: Announcement): void => {
    this.announcer.push(announcement.topic, announcement.message, announcement);
  };

  dismiss = (id: number): void => {
    const banner = this.snapshotValue.banner.filter((item) => item.id !== id);
    if (banner.length !== this.snapshotValue.banner.length) this.set({ ...this.snapshotValue, banner });
  };

  /**
   * Forgets every alert shown or waiting to be said: at the end of a session,
   * so the screen the next person at this PC sees holds no colleague's note
   * and no count of the last worker's.
   */
  clear = (): void => {
    this.announcer.clear();
    const { status, alert, banner } = this.snapshotValue;
    if (status || alert || banner.length > 0) this.set({ status: null, alert: null, banner: [] });
  };

  /** Stops timers; the center stays usable, as React may mount the same one again. */
  dispose(): void {
    this.announcer.dispose();
    this.flasher.dispose();
  }

  private set(snapshot: AlertSnapshot): void {
    this.snapshotValue = snapshot;
    for (const listener of this.listeners) listener();
  }
}
