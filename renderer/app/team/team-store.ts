import { v7 as uuidv7 } from 'uuid';
import type { OutboxEntry } from '../../../shared/bridge';
import { teamProtocol, type Ack, type TeamMessage } from '../../../shared/protocol';
import { Emitter } from '../../net/emitter';
import type { HubConnection } from '../../net/hub-connection';
import { StreamFeed, type StreamSource } from '../../net/stream-feed';
import { defineStore } from '../../session/store-registry';
import type { Session } from '../../session/session';

/** The team composer's draft key; the host keeps it under the signed-in worker. */
export const teamDraftKey = 'team.note';
/** One request opens the notes, however many the team has written. */
const pageSize = 50;
/** Enough scroll-back for a shift; older notes stay on the hub and page in on demand. */
const keep = 500;
/** "Writing…" goes out at most this often while the worker types. */
const typingEveryMs = 3_000;
/** A colleague's "writing…" line goes this long after their last sign of it. */
const typingShownMs = 5_000;

/** The team stream as the feed reads it, from the hub link. */
export function teamSource(hub: HubConnection): StreamSource<TeamMessage> {
  return {
    get connected() {
      return hub.connected;
    },
    page: (input) => hub.request('team.history', input),
    // Notes committed together arrive as one push, in seq order.
    onItem: (handler) => hub.onPush('team.messages', ({ messages }) => messages.forEach(handler)),
    onConnected: (listener) => hub.onConnected(listener),
  };
}

/**
 * The team notes of this session: the stream (newest page first, older on
 * demand, pushes by seq), notes posted through the outbox, colleagues'
 * arrivals for the alert service, and who is writing. One per session, so
 * the notes, a note waiting to be sent and its fate outlive the view.
 */
export class TeamStore {
  readonly feed: StreamFeed<TeamMessage>;
  private readonly changes = new Emitter();
  private readonly arrivals = new Emitter<[TeamMessage]>();
  private readonly stops: (() => void)[] = [];
  private typingValue: string | null = null;
  private typingAuthor: number | null = null;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private lastTypingSent = -Infinity;

  constructor(private readonly session: Session) {
    const { hub, outbox } = session;
    this.feed = new StreamFeed(teamSource(hub), { pageSize, keep });
    this.stops.push(this.feed.start());
    this.stops.push(
      outbox.onDelivered((entry, data) => {
        if (entry.event !== 'team.post') return;
        const parsed = teamProtocol.teamPostOutput.safeParse(data);
        if (parsed.success) this.feed.receive(parsed.data.message);
      }),
    );
    this.stops.push(
      hub.onPush('team.messages', ({ messages }) => {
        for (const message of messages) {
          if (message.author.id === this.session.user.id) continue;
          if (message.author.id === this.typingAuthor) this.setTyping(null, null);
          this.arrivals.emit(message);
        }
      }),
    );
    this.stops.push(
      hub.onPush('team.typing', ({ author }) => {
        if (author.id === this.session.user.id) return;
        this.setTyping(author.id, author.displayName);
      }),
    );
  }

  /** Ascending by seq. */
  get messages(): readonly TeamMessage[] {
    return this.feed.items;
  }
  /** The colleague writing a note now, by name; null when nobody is. */
  get typing(): string | null {
    return this.typingValue;
  }

  /** The feed's changes and this store's own. */
  subscribe = (listener: () => void): (() => void) => {
    const offFeed = this.feed.subscribe(listener);
    const offOwn = this.changes.subscribe(listener);
    return () => {
      offFeed();
      offOwn();
    };
  };

  /** A colleague's note arrived (not the worker's own). */
  onArrival(listener: (message: TeamMessage) => void): () => void {
    return this.arrivals.subscribe(listener);
  }

  /** Queues the note on the host's disk; the outbox sends it and the feed shows it once acked. */
  post(body: string): Promise<Ack<OutboxEntry>> {
    return this.session.outbox.enqueue('team.post', { id: uuidv7(), body }, teamDraftKey);
  }

  /** The worker typed in the composer: colleagues see "writing…", told at most every few seconds. */
  typed(): void {
    const now = Date.now();
    if (now - this.lastTypingSent < typingEveryMs) return;
    this.lastTypingSent = now;
    this.session.hub.ephemeral('team.typing', {});
  }

  loadOlder(): Promise<void> {
    return this.feed.loadOlder();
  }

  /** Back toward the present after reading back: the feed stops following new notes once its window is full. */
  loadNewer(): Promise<void> {
    return this.feed.loadNewer();
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
    clearTimeout(this.typingTimer);
  }

  private setTyping(authorId: number | null, name: string | null): void {
    clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    if (authorId !== null) {
      this.typingTimer = setTimeout(() => this.setTyping(null, null), typingShownMs);
    }
    this.typingAuthor = authorId;
    if (name === this.typingValue) return;
    this.typingValue = name;
    this.changes.emit();
  }
}

export const teamStore = defineStore('team', (session: Session) => new TeamStore(session));
