import { v7 as uuidv7 } from 'uuid';
import type { Ack } from '../../shared/protocol';
import type { LiveComment } from '../../shared/protocol/live';
import { Emitter } from '../net/emitter';
import type { Session } from '../session/session';
import { outboxCall } from './client/outbox-call';
import { mergeComments, removeComment } from './comment-feed';

/** Arrivals are drawn at most this often: 20 comments a second become a few renders, not twenty. */
export const drawEveryMs = 100;

export interface CommentsSnapshot {
  /** Newest first, at most the feed's cap. */
  readonly comments: readonly LiveComment[];
  readonly loaded: boolean;
  /** The organisation's keyword filter; null until read. */
  readonly keywords: readonly string[] | null;
}

/**
 * The comments of the broadcast on the console: read once per broadcast and
 * reconnect, kept current by the `live.comments` and `live.commentRemoved`
 * pushes, drawn in batches. Each arrival is also handed to `onArrival`
 * listeners (the polite announcement, reading aloud) as it comes.
 */
export class CommentsStore {
  private readonly changes = new Emitter();
  private readonly arrivals = new Emitter<[readonly LiveComment[]]>();
  private readonly stops: (() => void)[] = [];
  private snapshotValue: CommentsSnapshot = { comments: [], loaded: false, keywords: null };
  private pending: LiveComment[] = [];
  private removed = new Set<number>();
  private drawTimer: ReturnType<typeof setTimeout> | undefined;
  private broadcastId: number | null = null;
  private disposed = false;

  constructor(private readonly session: Session) {
    const { hub } = session;
    this.stops.push(
      hub.onPush('live.comments', ({ comments }) => {
        if (this.broadcastId === null) return;
        this.queue(comments);
        this.arrivals.emit(comments);
      }),
    );
    this.stops.push(hub.onPush('live.commentRemoved', ({ commentId }) => this.drop(commentId)));
    this.stops.push(hub.onConnected(() => void this.reload()));
    if (hub.connected) void this.loadKeywords();
  }

  get snapshot(): CommentsSnapshot {
    return this.snapshotValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Comments as they arrive by push (not those read back on load). */
  onArrival(listener: (comments: readonly LiveComment[]) => void): () => void {
    return this.arrivals.subscribe(listener);
  }

  /** The broadcast whose comments are shown; null empties the feed. */
  follow(broadcastId: number | null): void {
    if (broadcastId === this.broadcastId) return;
    this.broadcastId = broadcastId;
    this.pending = [];
    this.removed = new Set();
    this.set({ comments: [], loaded: broadcastId === null });
    void this.reload();
  }

  remove(commentId: number): Promise<Ack<unknown>> {
    return this.act(outboxCall(this.session.outbox, 'live.comment.delete', { id: uuidv7(), commentId }), () =>
      this.drop(commentId),
    );
  }

  muteViewer(viewerId: number): Promise<Ack<unknown>> {
    const broadcastId = this.broadcastId;
    if (broadcastId === null) return Promise.resolve(notLive());
    return outboxCall(this.session.outbox, 'live.viewer.mute', { id: uuidv7(), broadcastId, viewerId });
  }

  /** Pins a comment for every viewer (null unpins); the room state the hub answers carries it. */
  pin(commentId: number | null): Promise<Ack<unknown>> {
    const broadcastId = this.broadcastId;
    if (broadcastId === null) return Promise.resolve(notLive());
    return outboxCall(this.session.outbox, 'live.comment.pin', { id: uuidv7(), broadcastId, commentId });
  }

  async saveKeywords(words: readonly string[]): Promise<Ack<unknown>> {
    const clean = [...new Set(words.map((w) => w.trim()).filter((w) => w !== ''))];
    const answer = await outboxCall(this.session.outbox, 'live.keywords.save', {
      id: uuidv7(),
      words: clean,
    });
    if (answer.ok) {
      const saved = (answer.data as { words?: unknown } | null)?.words;
      this.set({ keywords: Array.isArray(saved) ? saved.filter((w) => typeof w === 'string') : clean });
    }
    return answer;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.drawTimer);
    for (const stop of this.stops.splice(0)) stop();
  }

  private async act(answer: Promise<Ack<unknown>>, done: () => void): Promise<Ack<unknown>> {
    const ack = await answer;
    if (ack.ok) done();
    return ack;
  }

  private async reload(): Promise<void> {
    void this.loadKeywords();
    const broadcastId = this.broadcastId;
    if (broadcastId === null || !this.session.hub.connected) return;
    const ack = await this.session.hub.request('live.comments', { broadcastId });
    if (this.disposed || broadcastId !== this.broadcastId || !ack.ok) return;
    this.queue(ack.data.comments);
    this.draw();
    this.set({ loaded: true });
  }

  private async loadKeywords(): Promise<void> {
    if (!this.session.hub.connected) return;
    const ack = await this.session.hub.request('live.keywords', {});
    if (!this.disposed && ack.ok) this.set({ keywords: ack.data.words });
  }

  private queue(comments: readonly LiveComment[]): void {
    this.pending.push(...comments.filter((c) => !this.removed.has(c.id)));
    this.drawTimer ??= setTimeout(() => this.draw(), drawEveryMs);
  }

  private draw(): void {
    clearTimeout(this.drawTimer);
    this.drawTimer = undefined;
    if (this.pending.length === 0) return;
    const comments = mergeComments(this.snapshotValue.comments, this.pending);
    this.pending = [];
    if (comments !== this.snapshotValue.comments) this.set({ comments });
  }

  private drop(commentId: number): void {
    this.removed.add(commentId);
    this.pending = this.pending.filter((c) => c.id !== commentId);
    const comments = removeComment(this.snapshotValue.comments, commentId);
    if (comments !== this.snapshotValue.comments) this.set({ comments });
  }

  private set(patch: Partial<CommentsSnapshot>): void {
    this.snapshotValue = { ...this.snapshotValue, ...patch };
    this.changes.emit();
  }
}

function notLive(): Ack<unknown> {
  return { ok: false, error: { code: 'not_found', message: 'No broadcast is live.' } };
}
