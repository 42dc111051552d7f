import {
  expireSlots,
  markRead,
  placeAlert,
  type AlertSlot,
  type SlotAction,
  type SlotAlert,
} from '../../../shared/a11y/alert-slots';
import { Announcer } from './announcer';
import { playChime } from './chime';
import { EdgeFlasher } from './edge-flash';

export type AlertKind = 'info' | 'urgent';
export type AlertAction = SlotAction;

export interface AlertRequest {
  kind: AlertKind;
  message: string;
  /** Also play a tone if the worker's settings allow sounds; the visual twin and the live region come regardless. */
  sound?: boolean;
  /** A button in the banner beside the words ("Open #42"); the slot then stays until read or dismissed. */
  action?: AlertAction;
}

export interface Announcement {
  /** Announcements of one topic within the window become one summary. */
  topic: string;
  message: string;
  /** The words for several at once, e.g. `(n) => t('team:newNotes', { count: n })`. */
  summary: (count: number) => string;
  kind?: AlertKind;
  sound?: boolean;
  /** The banner's button for the newest of the topic's alerts. */
  action?: AlertAction;
  /**
   * Whether the worker already sees what it is about (the notes in view): the
   * banner slot then goes after its minimum time instead of waiting to be read.
   */
  read?: () => boolean;
}

export interface LiveMessage {
  id: number;
  text: string;
}

/** One slot of the banner: a topic's alerts gathered, or a one-off alert. */
export type BannerItem = AlertSlot;

export interface AlertSnapshot {
  status: LiveMessage | null;
  alert: LiveMessage | null;
  banner: readonly BannerItem[];
}

export interface AlertPreferences {
  visualAlerts: boolean;
  edgeFlash: boolean;
  reducedMotion: boolean;
  /** Alerts that ask for a sound play it; off, none does (the visual twin and live region stay). */
  sounds: boolean;
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
    const first = batch.messages[0] ?? last.message;
    const kind = last.kind ?? 'info';
    this.alert(kind, batch.count === 1 ? first : last.summary(batch.count), last.sound ?? false, {
      key: `topic:${batch.topic}`,
      kind,
      count: batch.count,
      // The slot counts every alert since it opened, not only this batch: "5 new team notes".
      words: (total) => (total === 1 ? first : last.summary(total)),
      read: last.read?.() ?? false,
      ...(last.action ? { action: last.action } : {}),
    });
  });
  private readonly listeners = new Set<() => void>();
  private snapshotValue: AlertSnapshot = { status: null, alert: null, banner: [] };
  private nextId = 0;
  private nextSlotId = 0;
  private expiryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Focus or the pointer is on the banner: nothing leaves under the worker (WCAG 2.2.1). */
  private held = false;
  private heldUntil: number | null = null;
  private preferences: AlertPreferences = {
    visualAlerts: true,
    edgeFlash: false,
    reducedMotion: false,
    sounds: true,
  };

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

  notify = ({ kind, message, sound = false, action }: AlertRequest): void => {
    this.alert(kind, message, sound, {
      key: `alert:${this.nextId + 1}`,
      kind,
      count: 1,
      words: () => message,
      read: false,
      ...(action ? { action } : {}),
    });
  };

  announce = (announcement: Announcement): void => {
    this.announcer.push(announcement.topic, announcement.message, announcement);
  };

  dismiss = (id: number): void => {
    const banner = this.snapshotValue.banner.filter((item) => item.id !== id);
    if (banner.length !== this.snapshotValue.banner.length) this.set({ ...this.snapshotValue, banner });
    this.scheduleExpiry();
  };

  /**
   * The worker has read what a topic's slot is about (its owner saw the notes
   * come into view, or focus move to them): the slot goes once it has been up
   * its minimum time.
   */
  acknowledge = (topic: string): void => {
    const banner = markRead(this.snapshotValue.banner, `topic:${topic}`, Date.now());
    if (banner === this.snapshotValue.banner) return;
    this.set({ ...this.snapshotValue, banner });
    this.scheduleExpiry();
  };

  /** Focus or the pointer came onto the banner (true) or left it (false). */
  hold = (held: boolean): void => {
    if (held === this.held) return;
    this.held = held;
    if (!held) this.heldUntil = Date.now();
    this.scheduleExpiry();
  };

  /**
   * Forgets every alert shown or waiting to be said: at the end of a session,
   * so the screen the next person at this PC sees holds no colleague's note
   * and no count of the last worker's.
   */
  clear = (): void => {
    this.announcer.clear();
    this.stopExpiry();
    const { status, alert, banner } = this.snapshotValue;
    if (status || alert || banner.length > 0) this.set({ status: null, alert: null, banner: [] });
  };

  /** Stops timers; the center stays usable, as React may mount the same one again. */
  dispose(): void {
    this.announcer.dispose();
    this.flasher.dispose();
    this.stopExpiry();
  }

  private alert(kind: AlertKind, message: string, sound: boolean, slot: SlotAlert): void {
    const id = ++this.nextId;
    const { visualAlerts, edgeFlash, reducedMotion, sounds } = this.preferences;
    const live = { id, text: message };
    let next: AlertSnapshot =
      kind === 'urgent' ? { ...this.snapshotValue, alert: live } : { ...this.snapshotValue, status: live };
    if (sound && sounds) playChime(kind);
    if (visualAlerts) {
      this.flash(message);
      const banner = placeAlert(next.banner, slot, Date.now(), () => ++this.nextSlotId, maxBannerItems);
      next = { ...next, banner };
      if (edgeFlash) this.flasher.request(kind === 'urgent' ? 3 : 1, reducedMotion || prefersReducedMotion());
    }
    this.set(next);
    this.scheduleExpiry();
  }

  /** One timer for the slot that goes first; none while the banner is held. */
  private scheduleExpiry(): void {
    this.stopExpiry();
    if (this.held) return;
    const { slots, nextAt } = expireSlots(this.snapshotValue.banner, Date.now(), this.heldUntil);
    if (slots !== this.snapshotValue.banner) this.set({ ...this.snapshotValue, banner: slots });
    if (nextAt === null) return;
    this.expiryTimer = setTimeout(() => this.scheduleExpiry(), Math.max(0, nextAt - Date.now()));
  }

  private stopExpiry(): void {
    if (this.expiryTimer !== null) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
  }

  private set(snapshot: AlertSnapshot): void {
    this.snapshotValue = snapshot;
    for (const listener of this.listeners) listener();
  }
}
