/**
 * The banner's slots: one per topic, updated in place ("3 new team notes")
 * instead of a stack that grows and shoves the page. And when a slot goes by
 * itself: only after it has been read, and never sooner than a deaf worker
 * needs to see it. Pure over times the caller passes in.
 */

export type SlotKind = 'info' | 'urgent';

/** A button beside the words: what the alert is about, one press away ("Open #42"). */
export interface SlotAction {
  readonly label: string;
  readonly run: () => void;
}

export interface AlertSlot {
  /** Stays the same while the slot updates, so focus on its button stays put. */
  readonly id: number;
  /** A topic's slot takes that topic's later alerts; a one-off alert has a key of its own. */
  readonly key: string;
  readonly kind: SlotKind;
  readonly message: string;
  /** Alerts gathered in the slot since it opened. */
  readonly count: number;
  readonly shownAt: number;
  /** The last time its words changed: what is on screen is new from here. */
  readonly updatedAt: number;
  /** When its owner saw the worker read it (the notes in view, focus on them); null until then. */
  readonly readAt: number | null;
  /** The newest alert's action, if it has one. */
  readonly action?: SlotAction;
}

export interface SlotTiming {
  /** Never gone sooner than this after its words last changed: long enough to notice and read. */
  readonly minVisibleMs: number;
  /** After the live region would have finished saying it, an unread info slot stays this long more. */
  readonly afterSpeechMs: number;
  /** Let go after being focused or hovered, a slot stays at least this long more. */
  readonly afterHoldMs: number;
}

export const slotTiming: SlotTiming = { minVisibleMs: 8_000, afterSpeechMs: 4_000, afterHoldMs: 3_000 };

/** Roughly how long a screen reader takes to say `text`: Han is read about a character a quarter second. */
export function speechMs(text: string): number {
  let ms = 500;
  for (const char of text) ms += /\p{Script=Han}/u.test(char) ? 250 : 70;
  return ms;
}

export interface SlotAlert {
  readonly key: string;
  readonly kind: SlotKind;
  /** How many alerts this one stands for (a coalesced batch). */
  readonly count: number;
  /** The words for the slot, given the total it will hold. */
  readonly words: (total: number) => string;
  /** Already read as it arrives, e.g. the worker is looking at the notes it is about. */
  readonly read: boolean;
  readonly action?: SlotAction;
}

/**
 * Puts an alert into the banner: into its topic's slot if one is up (which
 * goes first again), else into a new slot at the front; at most `max` slots,
 * the oldest leaving first.
 */
export function placeAlert(
  slots: readonly AlertSlot[],
  alert: SlotAlert,
  now: number,
  newId: () => number,
  max: number,
): AlertSlot[] {
  const current = slots.find((slot) => slot.key === alert.key);
  const count = (current?.count ?? 0) + alert.count;
  const slot: AlertSlot = {
    id: current?.id ?? newId(),
    key: alert.key,
    // Once urgent, a slot stays urgent until dismissed: a later info alert does not soften it.
    kind: current?.kind === 'urgent' ? 'urgent' : alert.kind,
    message: alert.words(count),
    count,
    shownAt: current?.shownAt ?? now,
    updatedAt: now,
    readAt: alert.read ? now : null,
    // The newest alert's action only: an older one may point at something the newer one replaced.
    ...(alert.action ? { action: alert.action } : {}),
  };
  return [slot, ...slots.filter((s) => s !== current)].slice(0, max);
}

export function markRead(slots: readonly AlertSlot[], key: string, now: number): readonly AlertSlot[] {
  if (!slots.some((slot) => slot.key === key && slot.readAt === null)) return slots;
  return slots.map((slot) => (slot.key === key && slot.readAt === null ? { ...slot, readAt: now } : slot));
}

/**
 * When the slot goes by itself; null while it must stay until dismissed (an
 * urgent slot nobody has read, or one with an action: a worker scanning by
 * switch may need far longer than any timeout to reach its button). Read
 * slots and unread info slots both wait the minimum; an unread one also
 * waits for its words to be spoken and read.
 */
export function slotLeavesAt(slot: AlertSlot, timing: SlotTiming = slotTiming): number | null {
  const earliest = slot.updatedAt + timing.minVisibleMs;
  if (slot.readAt !== null) return Math.max(earliest, slot.readAt);
  if (slot.kind === 'urgent' || slot.action) return null;
  return Math.max(earliest, slot.updatedAt + speechMs(slot.message) + timing.afterSpeechMs);
}

/** The slots still up at `now`: while held (focus or pointer on the banner) all stay. */
export function expireSlots(
  slots: readonly AlertSlot[],
  now: number,
  heldUntil: number | null,
  timing: SlotTiming = slotTiming,
): { readonly slots: readonly AlertSlot[]; readonly nextAt: number | null } {
  let nextAt: number | null = null;
  const kept = slots.filter((slot) => {
    const leaves = slotLeavesAt(slot, timing);
    if (leaves === null) return true;
    const at = heldUntil === null ? leaves : Math.max(leaves, heldUntil + timing.afterHoldMs);
    if (at <= now) return false;
    nextAt = nextAt === null ? at : Math.min(nextAt, at);
    return true;
  });
  return { slots: kept.length === slots.length ? slots : kept, nextAt };
}
