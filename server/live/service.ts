import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { expiresAt } from '../../shared/domain/live/flash-sale';
import { namespaces } from '../../shared/protocol/events';
import type {
  ConsoleState,
  LiveComment,
  LiveOrder,
  OutputStatus,
  RoomState,
} from '../../shared/protocol/live';
import type { MediaPlane, PeerRef } from '../media/types';
import type { PushBatcher } from '../protocol/push-batcher';
import { rooms } from '../protocol/rooms';
import type { HubServer } from '../protocol/socket-types';
import type { Database } from '../store/schema';
import type { WriteQueue } from '../store/write-queue';
import type { LiveCounters, RoomRow } from './rows';
import { listProducts, loadRoomState, roomById } from './rows';

export interface LiveTimings {
  /** How often taps of "like" are written to the broadcast's figures. */
  likeFlushMs: number;
  /** How often flash sales past their time are ended (each also has its own timer). */
  saleSweepMs: number;
  /** How often a live console hears its send statistics. */
  consoleTickMs: number;
  /** State pushes within this window are one push (a burst of viewers joining). */
  stateCoalesceMs: number;
}

export const defaultLiveTimings: LiveTimings = {
  likeFlushMs: 1000,
  saleSweepMs: 1000,
  consoleTickMs: 2000,
  stateCoalesceMs: 50,
};

export interface LiveBase {
  db: Kysely<Database>;
  writes: WriteQueue;
  log: Logger;
  now: () => number;
}

const idle: OutputStatus = { state: 'idle', error: null, file: null, startedAt: null };

/**
 * The Live job's running part: pushes after commits, likes summed in memory
 * and written about once a second, flash sales ended at their time, the
 * media plane's events turned into state, and each socket's media peer.
 */
export class LiveService implements LiveCounters {
  private readonly likes = new Map<number, { orgId: number; count: number }>();
  private readonly stateDue = new Map<number, number>();
  private stateTimer: NodeJS.Timeout | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly saleTimers = new Set<NodeJS.Timeout>();
  private readonly peers = new Map<string, PeerRef>();
  private readonly unsubscribe: (() => void)[] = [];
  private closed = false;

  constructor(
    readonly base: LiveBase,
    readonly io: HubServer,
    readonly batcher: PushBatcher,
    readonly plane: MediaPlane,
    private readonly timings: LiveTimings = defaultLiveTimings,
  ) {}

  start(): void {
    const every = (ms: number, run: () => Promise<void>) => {
      const timer = setInterval(() => {
        run().catch((err: unknown) => this.base.log.error({ err }, 'live timed work failed'));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.timings.likeFlushMs, () => this.flushLikes());
    every(this.timings.saleSweepMs, () => this.sweepSales());
    every(this.timings.consoleTickMs, () => this.tickConsoles());
    this.unsubscribe.push(
      this.plane.on('producers', ({ broadcastId, producers }) => {
        this.quietly(
          this.withBroadcast(broadcastId, (orgId, roomId) => {
            const payload = { broadcastId, producers };
            this.io.to(rooms.live(orgId, roomId)).emit('live.producers', payload);
            this.io
              .of(namespaces.viewer)
              .to(rooms.liveViewers(orgId, roomId))
              .emit('view.producers', payload);
          }),
          'producers push',
        );
      }),
      this.plane.on('recovering', ({ broadcastId, recovering }) => {
        void this.base.writes
          .run((trx) =>
            trx
              .updateTable('live_broadcasts')
              .set({ recovering: recovering ? 1 : 0 })
              .where('id', '=', broadcastId)
              .where('status', '=', 'live')
              .execute(),
          )
          .then(() => this.withBroadcast(broadcastId, (orgId, roomId) => this.state(orgId, roomId)))
          .catch((err: unknown) => this.base.log.error({ err }, 'could not record a recovering broadcast'));
      }),
      // The router died with its worker: this broadcast's media is gone for good, so it ends, and the
      // anchor's "Go live" starts a new one on a worker that is alive.
      this.plane.on('roomLost', ({ broadcastId }) => {
        this.base.log.warn({ broadcastId }, 'a live room lost its media worker; the broadcast ended');
        void this.endBroadcast(broadcastId).catch((err: unknown) =>
          this.base.log.error({ err }, 'could not end a broadcast whose media was lost'),
        );
      }),
      this.plane.on('output', ({ broadcastId }) => {
        this.quietly(
          this.withBroadcast(broadcastId, (orgId, roomId) => this.pushConsole(orgId, roomId)),
          'console push',
        );
      }),
      this.plane.on('status', () => {
        this.quietly(
          this.liveRooms().then(async (list) => {
            for (const r of list) await this.pushConsole(r.org_id, r.id);
          }),
          'console push',
        );
      }),
    );
    void this.sweepSales().catch((err: unknown) => this.base.log.error({ err }, 'flash sale sweep failed'));
  }

  /** Work started from an event with no one to answer: a failure is logged, never unhandled. */
  quietly(work: Promise<unknown>, what: string): void {
    work.catch((err: unknown) => {
      if (!this.closed) this.base.log.error({ err }, `live ${what} failed`);
    });
  }

  // ── Counters ──────────────────────────────────────────────────────────────
  viewers(orgId: number, roomId: number): number {
    return this.io.of(namespaces.viewer).adapter.rooms.get(rooms.liveViewers(orgId, roomId))?.size ?? 0;
  }

  pendingLikes(roomId: number): number {
    return this.likes.get(roomId)?.count ?? 0;
  }

  like(orgId: number, roomId: number, count: number): void {
    const entry = this.likes.get(roomId) ?? { orgId, count: 0 };
    entry.count += count;
    this.likes.set(roomId, entry);
  }

  private async flushLikes(): Promise<void> {
    if (this.likes.size === 0) return;
    const batch = [...this.likes.entries()];
    this.likes.clear();
    await this.base.writes.run(async (trx) => {
      for (const [roomId, { count }] of batch) {
        await trx
          .updateTable('live_broadcasts')
          .set((eb) => ({ likes: eb('likes', '+', count) }))
          .where('room_id', '=', roomId)
          .where('status', '=', 'live')
          .execute();
      }
    });
    for (const [roomId, { orgId }] of batch) this.state(orgId, roomId);
  }

  // ── Pushes ────────────────────────────────────────────────────────────────
  /** The room's state to its console and viewers, read after the commit, coalesced per room. */
  state(orgId: number, roomId: number): void {
    if (this.closed) return;
    this.stateDue.set(roomId, orgId);
    if (this.stateTimer) return;
    this.stateTimer = setTimeout(() => {
      this.stateTimer = null;
      const due = [...this.stateDue.entries()];
      this.stateDue.clear();
      for (const [id, org] of due) {
        void this.pushState(org, id).catch((err: unknown) =>
          this.base.log.error({ err }, 'live state push failed'),
        );
      }
    }, this.timings.stateCoalesceMs);
  }

  private async pushState(orgId: number, roomId: number): Promise<void> {
    const room = await roomById(this.base.db, orgId, roomId);
    if (!room || this.closed) return;
    const state = await loadRoomState(this.base.db, room, this);
    this.io.to(rooms.live(orgId, roomId)).emit('live.state', state);
    this.io.of(namespaces.viewer).to(rooms.liveViewers(orgId, roomId)).emit('view.state', state);
  }

  comment(orgId: number, roomId: number, comment: LiveComment): void {
    this.batcher.add(rooms.live(orgId, roomId), 'live.comments', comment);
    this.batcher.add(rooms.liveViewers(orgId, roomId), 'view.comments', comment);
  }

  commentRemoved(orgId: number, roomId: number, commentId: number): void {
    this.io.to(rooms.live(orgId, roomId)).emit('live.commentRemoved', { commentId });
    this.io
      .of(namespaces.viewer)
      .to(rooms.liveViewers(orgId, roomId))
      .emit('view.commentRemoved', { commentId });
  }

  order(orgId: number, roomId: number, order: LiveOrder): void {
    this.batcher.add(rooms.live(orgId, roomId), 'live.orders', order);
  }

  /** The catalogue changed: every room of the organisation hears it, and live ones their state. */
  async productsChanged(orgId: number): Promise<void> {
    const products = await listProducts(this.base.db, orgId);
    const list = await this.base.db
      .selectFrom('live_rooms')
      .selectAll()
      .where('org_id', '=', orgId)
      .execute();
    for (const room of list) {
      this.io.to(rooms.live(orgId, room.id)).emit('live.products', { products });
      this.state(orgId, room.id);
    }
  }

  async consoleState(room: RoomRow, state?: RoomState): Promise<ConsoleState> {
    const roomState = state ?? (await loadRoomState(this.base.db, room, this));
    const live = roomState.broadcast?.status === 'live' ? roomState.broadcast.id : null;
    return {
      room: roomState,
      media: this.plane.status(),
      send: live === null ? null : await this.plane.sendStats(live).catch(() => null),
      restream: live === null ? idle : this.plane.outputStatus(live, 'restream'),
      recording: live === null ? idle : this.plane.outputStatus(live, 'recording'),
    };
  }

  async pushConsole(orgId: number, roomId: number): Promise<void> {
    const room = await roomById(this.base.db, orgId, roomId);
    if (!room || this.closed) return;
    this.io.to(rooms.live(orgId, roomId)).emit('live.console', await this.consoleState(room));
  }

  private async tickConsoles(): Promise<void> {
    for (const room of await this.liveRooms()) {
      const watched =
        this.io.of(namespaces.worker).adapter.rooms.get(rooms.live(room.org_id, room.id))?.size ?? 0;
      if (watched > 0) await this.pushConsole(room.org_id, room.id);
    }
  }

  private liveRooms(): Promise<RoomRow[]> {
    return this.base.db
      .selectFrom('live_rooms as r')
      .innerJoin('live_broadcasts as b', 'b.room_id', 'r.id')
      .selectAll('r')
      .where('b.status', '=', 'live')
      .execute();
  }

  private async withBroadcast(
    broadcastId: number,
    run: (orgId: number, roomId: number) => void | Promise<void>,
  ) {
    const row = await this.base.db
      .selectFrom('live_broadcasts')
      .select(['org_id', 'room_id'])
      .where('id', '=', broadcastId)
      .executeTakeFirst();
    if (row && !this.closed) await run(row.org_id, row.room_id);
  }

  // ── Flash sales and broadcasts ended by the hub ───────────────────────────
  /** A sale's own timer, so its end is pushed on time rather than at the next sweep. */
  saleStarted(endsAt: number): void {
    const timer = setTimeout(
      () => {
        this.saleTimers.delete(timer);
        void this.sweepSales().catch((err: unknown) =>
          this.base.log.error({ err }, 'flash sale sweep failed'),
        );
      },
      Math.max(0, endsAt - this.base.now()) + 5,
    );
    timer.unref();
    this.saleTimers.add(timer);
  }

  private async sweepSales(): Promise<void> {
    if (this.closed) return;
    const now = this.base.now();
    const due = await this.base.db
      .selectFrom('live_flash_sales as s')
      .innerJoin('live_broadcasts as b', 'b.id', 's.broadcast_id')
      .select(['s.id', 's.quantity', 's.sold', 's.ends_at', 's.ended_at', 'b.org_id', 'b.room_id'])
      .where('s.ended_at', 'is', null)
      .where('s.ends_at', '<=', now)
      .execute();
    const ended = due.filter(
      (s) =>
        (expiresAt({ quantity: s.quantity, sold: s.sold, endsAt: s.ends_at, endedAt: s.ended_at }) ?? 0) <=
        now,
    );
    if (ended.length === 0) return;
    await this.base.writes.run(async (trx) => {
      for (const s of ended) {
        await trx
          .updateTable('live_flash_sales')
          .set({ ended_at: s.ends_at })
          .where('id', '=', s.id)
          .where('ended_at', 'is', null)
          .execute();
      }
    });
    for (const s of ended) this.state(s.org_id, s.room_id);
  }

  /** Ends a live broadcast the hub has to end (its media was lost); its open sale ends with it. */
  async endBroadcast(broadcastId: number): Promise<void> {
    const now = this.base.now();
    const row = await this.base.writes.run(async (trx) => {
      const b = await trx
        .selectFrom('live_broadcasts')
        .select(['org_id', 'room_id', 'status'])
        .where('id', '=', broadcastId)
        .executeTakeFirst();
      if (b?.status !== 'live') return null;
      await closeBroadcast(trx, broadcastId, now);
      return b;
    });
    if (!row) return;
    await this.plane.closeRoom(broadcastId).catch(() => undefined);
    this.state(row.org_id, row.room_id);
    await this.pushConsole(row.org_id, row.room_id);
  }

  /** A room made by its first "Go live": its anchor's sockets and the organisation's supervisors join it. */
  async roomCreated(orgId: number, roomId: number, anchorId: number): Promise<void> {
    const room = rooms.live(orgId, roomId);
    this.io.in(rooms.user(anchorId)).socketsJoin(room);
    const watchers = await this.base.db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select('u.id')
      .distinct()
      .where('u.org_id', '=', orgId)
      .where('r.role', 'in', ['supervisor', 'admin'])
      .execute();
    for (const w of watchers) this.io.in(rooms.user(w.id)).socketsJoin(room);
  }

  // ── Media peers ───────────────────────────────────────────────────────────
  peerOf(socketId: string): PeerRef | undefined {
    return this.peers.get(socketId);
  }

  bindPeer(peer: PeerRef): void {
    this.peers.set(peer.peerId, peer);
  }

  socketGone(socketId: string): void {
    if (this.peers.delete(socketId)) this.plane.closePeer(socketId);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    for (const t of this.saleTimers) clearTimeout(t);
    if (this.stateTimer) clearTimeout(this.stateTimer);
    for (const off of this.unsubscribe) off();
    await this.flushLikes().catch(() => undefined);
  }
}

/** Marks a broadcast ended and ends its open flash sale; inside the caller's transaction. */
export async function closeBroadcast(trx: Kysely<Database>, broadcastId: number, now: number): Promise<void> {
  await trx
    .updateTable('live_broadcasts')
    .set({ status: 'ended', ended_at: now, recovering: 0 })
    .where('id', '=', broadcastId)
    .where('status', '=', 'live')
    .execute();
  await trx
    .updateTable('live_flash_sales')
    .set({ ended_at: now })
    .where('broadcast_id', '=', broadcastId)
    .where('ended_at', 'is', null)
    .execute();
}
