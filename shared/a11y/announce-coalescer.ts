/**
 * Batches live-region announcements so a burst of new tickets, messages or
 * comments becomes one summary ("3 new team notes") instead of a queue that a
 * screen reader would read out for a minute while the worker cannot act.
 *
 * Pure over an injected clock: the first announcement of a topic opens a
 * window of `windowMs`; everything of that topic arriving before the window
 * closes joins the batch. A window is fixed, not extended by later arrivals,
 * so a steady stream still speaks at least once per window.
 */

export interface CoalescerSettings {
  readonly windowMs: number;
}

export interface PendingBatch {
  readonly topic: string;
  readonly openedAt: number;
  /** Every announcement in the window, though only the last few messages are kept. */
  readonly count: number;
  /** Oldest first. */
  readonly messages: readonly string[];
}

export interface CoalescerState {
  readonly settings: CoalescerSettings;
  /** Insertion order is the order topics first spoke, and the order batches flush in. */
  readonly pending: ReadonlyMap<string, PendingBatch>;
}

/** What to say for one topic: the message itself when it came alone, else a count for a summary. */
export interface CoalescedBatch {
  readonly topic: string;
  readonly count: number;
  readonly messages: readonly string[];
}

export interface CoalescerResult {
  readonly state: CoalescerState;
  readonly ready: readonly CoalescedBatch[];
  /** When to call `flushCoalescer` next; null when nothing is waiting. */
  readonly nextDeadline: number | null;
}

/** Kept per batch: enough for a summary, bounded however long a burst runs. */
const keepMessages = 20;

export function createCoalescer(settings: CoalescerSettings): CoalescerState {
  if (!(settings.windowMs >= 0)) throw new RangeError('windowMs must be 0 or more');
  return { settings, pending: new Map() };
}

export function coalescerDeadline(state: CoalescerState): number | null {
  let deadline: number | null = null;
  for (const batch of state.pending.values()) {
    const due = batch.openedAt + state.settings.windowMs;
    if (deadline === null || due < deadline) deadline = due;
  }
  return deadline;
}

/** Hands out every batch whose window has closed by `now`. */
export function flushCoalescer(state: CoalescerState, now: number): CoalescerResult {
  const pending = new Map(state.pending);
  const ready: CoalescedBatch[] = [];
  for (const [topic, batch] of state.pending) {
    if (now - batch.openedAt < state.settings.windowMs) continue;
    pending.delete(topic);
    ready.push({ topic, count: batch.count, messages: batch.messages });
  }
  const next = { ...state, pending };
  return { state: next, ready, nextDeadline: coalescerDeadline(next) };
}

export function pushAnnouncement(
  state: CoalescerState,
  announcement: { readonly topic: string; readonly message: string; readonly at: number },
): CoalescerResult {
  // Anything overdue goes first, so a late timer never merges two windows into one.
  const flushed = flushCoalescer(state, announcement.at);
  const pending = new Map(flushed.state.pending);
  const current = pending.get(announcement.topic);
  const batch: PendingBatch = current
    ? {
        ...current,
        count: current.count + 1,
        messages: [...current.messages, announcement.message].slice(-keepMessages),
      }
    : { topic: announcement.topic, openedAt: announcement.at, count: 1, messages: [announcement.message] };
  pending.set(announcement.topic, batch);
  const next = { ...flushed.state, pending };
  // A zero window means no batching at all: the announcement is ready at once.
  const again = state.settings.windowMs === 0 ? flushCoalescer(next, announcement.at) : null;
  return {
    state: again ? again.state : next,
    ready: [...flushed.ready, ...(again ? again.ready : [])],
    nextDeadline: again ? again.nextDeadline : coalescerDeadline(next),
  };
}
