import type { LiveComment, LiveOrder, RoomState } from '../../../shared/protocol/live';
import { Emitter } from './emitter';
import type { ReceiverSnapshot } from './media-receiver';

/** How the page is linked to the hub right now. */
export type Link = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/** Why joining did not let the viewer in; the page words each in its language. */
export type JoinProblem = 'not_found' | 'invalid' | 'limited' | 'offline' | 'expired';

/** Why an order did not go through. */
export type BuyProblem = 'sold_out' | 'gone' | 'sale_over' | 'limited' | 'failed';

/** Why a comment was not posted. */
export type CommentProblem = 'muted' | 'invalid' | 'limited' | 'failed';

export type Phase = 'join' | 'joining' | 'joined';

/** A line of the feed: the room's comments, and this viewer's own held ones (seen by them alone). */
export interface FeedComment {
  key: string;
  id: number | null;
  viewerId: number | null;
  nickname: string;
  body: string;
  createdAt: number;
  held: boolean;
}

export interface BuyState {
  pending: boolean;
  order: LiveOrder | null;
  problem: BuyProblem | null;
}

export interface ViewerSnapshot {
  slug: string;
  phase: Phase;
  nickname: string;
  viewerId: number | null;
  joinProblem: JoinProblem | null;
  link: Link;
  room: RoomState | null;
  comments: readonly FeedComment[];
  buy: BuyState;
  media: ReceiverSnapshot;
  /** Taps of this viewer not yet counted by the hub, added to the room's likes so the counter answers at once. */
  unsentLikes: number;
}

/** The feed keeps the newest this many lines: a long broadcast does not grow the page without end. */
export const feedMax = 200;

export function feedLine(comment: LiveComment): FeedComment {
  return {
    key: `c${comment.id}`,
    id: comment.id,
    viewerId: comment.viewerId,
    nickname: comment.nickname,
    body: comment.body,
    createdAt: comment.createdAt,
    held: false,
  };
}

/** Merges by id and keeps time order (newest last), so a push and an ack of the same comment show it once. */
export function mergeFeed(feed: readonly FeedComment[], incoming: readonly FeedComment[]): FeedComment[] {
  const byKey = new Map(feed.map((line) => [line.key, line]));
  for (const line of incoming) byKey.set(line.key, line);
  return [...byKey.values()]
    .sort((a, b) => a.createdAt - b.createdAt || (a.id ?? Infinity) - (b.id ?? Infinity))
    .slice(-feedMax);
}

/**
 * The viewer page's state as one snapshot: what LiveRoomClient learns from
 * the hub goes in here, and the components read it through
 * useSyncExternalStore. Each change makes a new snapshot object.
 */
export class ViewerStore {
  private readonly changes = new Emitter();
  private snap: ViewerSnapshot;

  constructor(slug: string, nickname = '') {
    this.snap = {
      slug,
      phase: 'join',
      nickname,
      viewerId: null,
      joinProblem: null,
      link: 'idle',
      room: null,
      comments: [],
      buy: { pending: false, order: null, problem: null },
      media: { state: 'idle', stream: null },
      unsentLikes: 0,
    };
  }

  get snapshot(): ViewerSnapshot {
    return this.snap;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  update(patch: Partial<ViewerSnapshot>): void {
    const next = { ...this.snap, ...patch };
    const changed = (Object.keys(patch) as (keyof ViewerSnapshot)[]).some((k) => next[k] !== this.snap[k]);
    if (!changed) return;
    this.snap = next;
    this.changes.emit();
  }

  setRoom(room: RoomState): void {
    const before = this.snap.room?.broadcast?.id;
    // A new broadcast in the same room starts with an empty feed and no old order shown.
    if (before !== undefined && room.broadcast?.id !== before) {
      this.update({ room, comments: [], buy: { pending: false, order: null, problem: null } });
      return;
    }
    this.update({ room });
  }

  addComments(comments: readonly LiveComment[]): void {
    if (comments.length === 0) return;
    this.update({ comments: mergeFeed(this.snap.comments, comments.map(feedLine)) });
  }

  replaceComments(comments: readonly LiveComment[]): void {
    // The viewer's own held lines stay: the hub never lists them.
    const held = this.snap.comments.filter((line) => line.held);
    this.update({ comments: mergeFeed(held, comments.map(feedLine)) });
  }

  removeComment(commentId: number): void {
    if (!this.snap.comments.some((line) => line.id === commentId)) return;
    this.update({ comments: this.snap.comments.filter((line) => line.id !== commentId) });
  }

  /**
   * The viewer's comment the filter held: shown to them, marked, and to no one
   * else. The hub's row when it answered with one, else what they wrote.
   */
  addHeld(comment: LiveComment | { key: string; body: string; createdAt: number }): void {
    const line: FeedComment =
      'id' in comment
        ? { ...feedLine(comment), held: true }
        : {
            key: comment.key,
            id: null,
            viewerId: this.snap.viewerId,
            nickname: this.snap.nickname,
            body: comment.body,
            createdAt: comment.createdAt,
            held: true,
          };
    this.update({ comments: mergeFeed(this.snap.comments, [line]) });
  }
}
