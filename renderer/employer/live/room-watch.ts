import { Rerun } from '../../../shared/domain/rerun';
import type { ErrorCode } from '../../../shared/protocol';
import type { LiveComment, LiveOrder, RoomState } from '../../../shared/protocol/live';
import type { HubConnection } from '../../net/hub-connection';
import { Emitter } from '../../net/emitter';
import { WatchReceiver, type WatchMedia } from './watch-receiver';

export interface WatchSnapshot {
  room: RoomState | null;
  comments: readonly LiveComment[];
  orders: readonly LiveOrder[];
  media: WatchMedia;
  error: ErrorCode | null;
}

/**
 * One room watched read-only by a supervisor: its state, comments, orders
 * and the broadcast's picture. The comment and order pushes do not say which
 * room they are from (a supervisor hears every room of the organisation), so
 * each one is a cue to read this broadcast's lists again, coalesced. A
 * reconnect reads everything again and builds a new receiver.
 */
export class RoomWatch {
  private snap: WatchSnapshot = {
    room: null,
    comments: [],
    orders: [],
    media: { state: 'idle', stream: null },
    error: null,
  };
  private readonly changes = new Emitter();
  private readonly stops: (() => void)[] = [];
  private receiver: WatchReceiver | null = null;
  private readonly readRoom: Rerun;
  private readonly readComments: Rerun;
  private readonly readOrders: Rerun;
  private disposed = false;

  constructor(
    private readonly hub: HubConnection,
    readonly slug: string,
  ) {
    this.readRoom = new Rerun(async () => {
      const answer = await hub.request('live.room', { slug });
      if (answer.ok) this.setRoom(answer.data);
      else this.update({ error: answer.error.code });
    });
    this.readComments = new Rerun(async () => {
      const id = this.broadcastId();
      if (id === null) return;
      const answer = await hub.request('live.comments', { broadcastId: id });
      if (answer.ok && this.broadcastId() === id) this.update({ comments: answer.data.comments });
    });
    this.readOrders = new Rerun(async () => {
      const id = this.broadcastId();
      if (id === null) return;
      const answer = await hub.request('live.orders', { broadcastId: id });
      if (answer.ok && this.broadcastId() === id) this.update({ orders: answer.data.orders });
    });
    this.stops.push(
      hub.onConnected(() => {
        this.dropMedia();
        void this.readRoom.run();
      }),
      hub.onPush('live.state', (room) => {
        if (room.slug === slug) this.setRoom(room);
      }),
      hub.onPush('live.comments', () => void this.readComments.run()),
      hub.onPush('live.commentRemoved', ({ commentId }) =>
        this.update({ comments: this.snap.comments.filter((c) => c.id !== commentId) }),
      ),
      hub.onPush('live.orders', () => void this.readOrders.run()),
      hub.onPush('live.producers', (producers) => {
        if (this.receiver?.broadcastId === producers.broadcastId)
          void this.receiver.sync(producers.producers);
      }),
    );
    if (hub.connected) void this.readRoom.run();
  }

  get snapshot(): WatchSnapshot {
    return this.snap;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  dispose(): void {
    this.disposed = true;
    for (const stop of this.stops.splice(0)) stop();
    this.dropMedia();
  }

  private broadcastId(): number | null {
    return this.snap.room?.broadcast?.id ?? null;
  }

  private setRoom(room: RoomState): void {
    const before = this.broadcastId();
    this.update({ room, error: null });
    const broadcast = room.broadcast;
    if (broadcast?.id !== before || this.snap.comments.length === 0) {
      void this.readComments.run();
      void this.readOrders.run();
    }
    if (broadcast?.status !== 'live') {
      this.dropMedia();
      return;
    }
    if (this.receiver?.broadcastId === broadcast.id || !this.hub.connected) return;
    this.dropMedia();
    const receiver = new WatchReceiver(this.hub, broadcast.id, (media) => {
      if (this.receiver === receiver) this.update({ media });
    });
    this.receiver = receiver;
    void this.hub.request('media.producers', { broadcastId: broadcast.id }).then((answer) => {
      if (answer.ok && this.receiver === receiver) return receiver.sync(answer.data.producers);
      return undefined;
    });
  }

  private dropMedia(): void {
    this.receiver?.close();
    this.receiver = null;
    this.update({ media: { state: 'idle', stream: null } });
  }

  private update(patch: Partial<WatchSnapshot>): void {
    if (this.disposed && !('media' in patch)) return;
    this.snap = { ...this.snap, ...patch };
    this.changes.emit();
  }
}
