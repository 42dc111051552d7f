import type { SlaTargets } from '../../../shared/domain/tickets/sla';
import type { CannedReply } from '../../../shared/protocol';
import { Emitter } from '../../net/emitter';
import { defineStore } from '../../session/store-registry';
import type { Session } from '../../session/session';
import { cannedStore } from '../canned-store';
import { ticketSettingsStore, type TicketSettingsStore } from '../settings-store';
import { ConversationStore, refusedReplies, replyDraftKey } from './conversation-store';

/** What a conversation reads canned replies from. */
export interface CannedSource {
  readonly list: readonly CannedReply[];
  subscribe(listener: () => void): () => void;
}

/** Conversations kept in memory (their messages, drafts' context, suggestions); the least recently opened go first. */
export const maxKeptConversations = 8;

/**
 * The session's open conversations, one ConversationStore per ticket, kept
 * while recently used (at most 8; one on screen is never dropped), and what
 * they share: the canned replies, the SLA targets, and putting a refused
 * reply's text back into its box.
 */
export class ConversationsStore {
  /** The canned replies this agent may use (the session's `cannedStore`, shared with the editors). */
  readonly canned: CannedSource;
  private readonly kept = new Map<number, ConversationStore>();
  private readonly changes = new Emitter();
  private readonly stops: (() => void)[] = [];
  /** Refused replies whose text this session has put back into their box already. */
  private readonly placed = new Set<string>();
  private readonly settings: TicketSettingsStore;

  constructor(private readonly session: Session) {
    const { outbox } = session;
    this.canned = session.store(cannedStore);
    this.settings = session.store(ticketSettingsStore);
    this.stops.push(this.settings.subscribe(() => this.changes.emit()));
    // Live refusals and those from an earlier run alike: the list is read from the host's disk.
    this.stops.push(outbox.subscribe(() => this.placeRefused()));
    this.placeRefused();
  }

  /** The organisation's SLA targets, once read; null before (no timer is shown rather than a guessed one). */
  get sla(): SlaTargets | null {
    return this.settings.settings?.sla ?? null;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** The conversation of this ticket, made on first use; it becomes the most recently used. */
  get(ticketId: number): ConversationStore {
    let store = this.kept.get(ticketId);
    if (store) {
      this.kept.delete(ticketId);
    } else {
      store = new ConversationStore(this.session, ticketId);
    }
    this.kept.set(ticketId, store);
    this.evict();
    return store;
  }

  /** Ticket ids kept now, least recently used first (for tests and the lead's curiosity). */
  get keptIds(): number[] {
    return [...this.kept.keys()];
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
    for (const store of this.kept.values()) store.dispose();
    this.kept.clear();
  }

  private evict(): void {
    if (this.kept.size <= maxKeptConversations) return;
    for (const [id, store] of this.kept) {
      if (this.kept.size <= maxKeptConversations) return;
      // One on screen stays, however many were opened since.
      if (store.isOpen) continue;
      store.dispose();
      this.kept.delete(id);
    }
  }

  /**
   * A reply the hub refused because the conversation changed keeps its text
   * in the reply box (below anything typed since), so the agent can review
   * and send it again or anyway; the entry stays listed until they do.
   */
  private placeRefused(): void {
    const list = this.session.outbox.list;
    for (const entry of list.notSent) {
      if (this.placed.has(entry.id)) continue;
      const ticketId = entry.payload.ticketId;
      if (typeof ticketId !== 'number') continue;
      if (!refusedReplies(list, ticketId).some((e) => e.id === entry.id)) continue;
      this.placed.add(entry.id);
      const typed = entry.typed?.trim() ?? '';
      if (typed === '') continue;
      const draft = this.session.drafts.get(entry.draftKey ?? replyDraftKey(ticketId));
      void draft.ready().then(async () => {
        // Already there (put back in an earlier run, or never cleared): not twice.
        if (draft.text.includes(typed)) return;
        await draft.appendBelow(typed);
      });
    }
  }
}

export const conversationsStore = defineStore(
  'ticketConversations',
  (session: Session) => new ConversationsStore(session),
);
