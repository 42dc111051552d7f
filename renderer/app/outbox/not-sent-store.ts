import type { NotSentEntry } from '../../../shared/bridge';
import { fail, ok, type Ack } from '../../../shared/protocol';
import { Emitter } from '../../net/emitter';
import { defineStore } from '../../session/store-registry';
import type { Session } from '../../session/session';

/** Where "Copy back" put the text, for the view to go there and say so. */
export interface CopiedBack {
  draftKey: string;
  /** The composer's name, if it has been on screen this session. */
  label: string | null;
  /** The hash of the view that shows it; null when it is on screen already (or always is). */
  route: string | null;
}

/**
 * The worker's "not sent" list and what they can do with each entry: send
 * it again, put its text back into the composer it came from, or discard it.
 * The list itself is the host's (it survives restarts); this store holds
 * whether it is open and where focus goes back to when it closes.
 */
export class NotSentStore {
  private readonly changes = new Emitter();
  private openValue = false;
  private returnFocus: (() => void) | null = null;

  constructor(private readonly session: Session) {}

  get entries(): readonly NotSentEntry[] {
    return this.session.outbox.notSent;
  }
  get isOpen(): boolean {
    return this.openValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Opens the list; `returnFocus` puts focus back where the worker was when it closes. */
  open(returnFocus: () => void): void {
    this.returnFocus = returnFocus;
    this.setOpen(true);
  }

  /** Closes it; focus goes back to where the list was opened from, unless the worker is sent elsewhere. */
  close(options: { returnFocus?: boolean } = {}): void {
    if (!this.openValue) return;
    const back = this.returnFocus;
    this.returnFocus = null;
    this.setOpen(false);
    if (options.returnFocus !== false) back?.();
  }

  retry(id: string): Promise<Ack<Record<string, never>>> {
    return this.session.outbox.retry(id);
  }

  discard(id: string): Promise<Ack<Record<string, never>>> {
    return this.session.outbox.discard(id);
  }

  /**
   * Puts the entry's text back into its composer's draft, below anything
   * typed there since, saves it, and only then takes the entry off the list:
   * the text is never in neither place.
   */
  async copyBack(id: string): Promise<Ack<CopiedBack>> {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) return fail('not_found', 'There is no such unsent entry.');
    const { typed, draftKey } = entry;
    if (typed === null || draftKey === null)
      return fail('invalid_input', 'This entry has no text to put back.');
    const draft = this.session.drafts.get(draftKey);
    await draft.ready();
    // Its view may have put it back already (a reply refused because the conversation
    // changed goes back into its box by itself): saved, but not a second time.
    const kept = draft.text.includes(typed.trim()) ? await draft.flush() : await draft.appendBelow(typed);
    if (!kept) {
      return fail('unavailable', 'The text could not be kept on this computer.');
    }
    const discarded = await this.session.outbox.discard(id);
    if (!discarded.ok) return discarded;
    const { composers } = this.session;
    return ok({ draftKey, label: composers.labelOf(draftKey), route: composers.routeOf(draftKey) ?? null });
  }

  private setOpen(open: boolean): void {
    if (open === this.openValue) return;
    this.openValue = open;
    this.changes.emit();
  }
}

export const notSentStore = defineStore('notSent', (session: Session) => new NotSentStore(session));
