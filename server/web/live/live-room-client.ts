import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { ackSchema, connectRefusals, errorSchema, type AckError } from '../../../shared/protocol/ack';
import type { namespaces } from '../../../shared/protocol/events';
import {
  liveJoinResponse,
  nicknameSchema,
  viewerCommands,
  viewerPushes,
  type RoomState,
} from '../../../shared/protocol/live';
import { roomProducersSchema } from '../../../shared/protocol/media';
import { LikeBatcher } from './like-batcher';
import { MediaReceiver, type ViewerStats } from './media-receiver';
import { loadViewer, saveViewer, type KeyValueStore } from './page-settings';
import { ViewerStore, type BuyProblem, type CommentProblem } from './viewer-store';

/** `namespaces.viewer`, written out: importing the table would bundle every job's schemas into the page. */
const viewerNamespace = '/live' satisfies (typeof namespaces)['viewer'];
const commandTimeoutMs = 10_000;
const buyTries = 4;

const stateAck = ackSchema(viewerCommands['view.state'].output);
const commentsAck = ackSchema(viewerCommands['view.comments'].output);
const commentAck = ackSchema(viewerCommands['view.comment'].output);
const buyAck = ackSchema(viewerCommands['view.buy'].output);
const producersAck = ackSchema(roomProducersSchema);
const errorBody = z.object({ ok: z.literal(false), error: errorSchema });

export type CommentResult = { ok: true; held: boolean } | { ok: false; problem: CommentProblem };

/** What the components may ask of the page's client; LiveRoomClient is the one that does it. */
export interface ViewerActions {
  readonly store: ViewerStore;
  join(nickname: string): void;
  comment(body: string): Promise<CommentResult>;
  buy(): void;
  like(): void;
  /** Forgets this browser's viewer for the room (a shared phone): the next join is a new viewer. */
  leave(): void;
}

export interface LiveRoomClientOptions {
  /** The hub's origin: the page is served by the hub, so `location.origin`. */
  origin: string;
  /** The room's slug, from `/live/<slug>`. */
  slug: string;
  store: KeyValueStore;
  now?: () => number;
}

function isLive(
  room: RoomState | null,
): room is RoomState & { broadcast: NonNullable<RoomState['broadcast']> } {
  return room?.broadcast?.status === 'live';
}

/**
 * One viewer in one live room, as one object that owns the socket to `/live`
 * and the media receiver (in the manner of mediasoup-demo's RoomClient).
 * Components read `store` and call these methods; nothing else talks to the
 * hub. The viewer's token is kept per room, so a reload is the same viewer.
 * Media transports live only as long as the socket: after every (re)connect
 * the receiver is built anew.
 */
export class LiveRoomClient implements ViewerActions {
  readonly store: ViewerStore;
  private readonly now: () => number;
  private socket: Socket | null = null;
  private receiver: MediaReceiver | null = null;
  private readonly likes: LikeBatcher;
  private token: string | null = null;
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: LiveRoomClientOptions) {
    this.now = options.now ?? Date.now;
    const kept = loadViewer(options.store, options.slug);
    this.store = new ViewerStore(options.slug, kept?.nickname ?? '');
    this.likes = new LikeBatcher((count) => this.sendLikes(count));
    if (kept) void this.postJoin(kept.nickname, kept.token);
  }

  join(nickname: string): void {
    const parsed = nicknameSchema.safeParse(nickname);
    if (!parsed.success) {
      this.store.update({ joinProblem: 'invalid' });
      return;
    }
    void this.postJoin(parsed.data, this.token ?? undefined);
  }

  async comment(body: string): Promise<CommentResult> {
    const socket = this.socket;
    if (!socket?.connected) return { ok: false, problem: 'failed' };
    const id = uuidv7();
    const ack = commentAck.safeParse(await this.ask(socket, 'view.comment', { id, body }));
    if (!ack.success) return { ok: false, problem: 'failed' };
    if (!ack.data.ok) return { ok: false, problem: commentProblem(ack.data.error) };
    const { comment, held } = ack.data.data;
    // A held comment is the writer's alone: shown to them, marked, and to no one else.
    if (held) this.store.addHeld(comment ?? { key: `h${id}`, body, createdAt: this.now() });
    else if (comment) this.store.addComments([comment]);
    return { ok: true, held };
  }

  /** One press, one command id: a resend after a lost answer carries the same id, so the hub never makes two orders. */
  buy(): void {
    const room = this.store.snapshot.room;
    const product = room?.pinnedProduct;
    if (!room || !product || this.store.snapshot.buy.pending) return;
    const sale = room.flashSale;
    const saleId = sale && sale.endedAt === null && sale.productId === product.id ? sale.id : null;
    const payload = { id: uuidv7(), productId: product.id, saleId, quantity: 1 };
    this.store.update({ buy: { pending: true, order: null, problem: null } });
    void this.sendBuy(payload, 1);
  }

  like(): void {
    // Counted before the tap: the first tap of a quiet spell is sent (and uncounted) at once.
    this.store.update({ unsentLikes: this.store.snapshot.unsentLikes + 1 });
    this.likes.tap();
  }

  leave(): void {
    saveViewer(this.options.store, this.options.slug, null);
    this.token = null;
    this.closeSocket();
    this.store.update({ phase: 'join', viewerId: null, link: 'idle', joinProblem: null, comments: [] });
  }

  /** Read-only diagnostics for the e2e tests and the bench (see main.tsx). */
  stats(): Promise<ViewerStats> {
    return this.receiver?.stats() ?? Promise.resolve({ framesDecoded: 0, audioLevel: 0 });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.likes.close();
    this.closeSocket();
  }

  private async postJoin(nickname: string, token: string | undefined, failures = 0): Promise<void> {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    this.store.update({ phase: 'joining', nickname, joinProblem: null });
    let res: Response;
    let body: unknown;
    try {
      res = await fetch(`${this.options.origin}/api/live/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ room: this.options.slug, nickname, ...(token ? { token } : {}) }),
      });
      body = await res.json();
    } catch {
      this.store.update({ joinProblem: 'offline' });
      this.retryTimer = setTimeout(
        () => void this.postJoin(nickname, token, failures + 1),
        Math.min(15_000, 1_000 * 2 ** failures),
      );
      return;
    }
    const joined = res.status === 200 ? liveJoinResponse.safeParse(body) : null;
    if (joined?.success) {
      const viewer = joined.data;
      this.token = viewer.token;
      saveViewer(this.options.store, this.options.slug, { token: viewer.token, nickname: viewer.nickname });
      this.store.update({ phase: 'joined', nickname: viewer.nickname, viewerId: viewer.viewerId });
      this.openSocket(viewer.token);
      return;
    }
    const error = errorBody.safeParse(body).data?.error;
    if (res.status === 401 && token) {
      // The kept token is no longer known: join as a new viewer under the same nickname.
      saveViewer(this.options.store, this.options.slug, null);
      this.token = null;
      void this.postJoin(nickname, undefined);
      return;
    }
    const problem =
      res.status === 404
        ? 'not_found'
        : res.status === 429
          ? 'limited'
          : res.status === 400
            ? 'invalid'
            : 'offline';
    this.store.update({ phase: 'join', joinProblem: problem });
    if (problem === 'limited') {
      this.retryTimer = setTimeout(
        () => void this.postJoin(nickname, token, failures + 1),
        error?.retryAfterMs ?? 10_000,
      );
    }
  }

  private openSocket(token: string): void {
    this.closeSocket();
    const socket = io(`${this.options.origin}${viewerNamespace}`, {
      path: '/socket.io',
      auth: { token },
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.3,
      timeout: 8_000,
    });
    this.socket = socket;
    this.store.update({ link: 'connecting' });
    socket.on('connect', () => {
      this.store.update({ link: 'connected' });
      void this.sync(socket);
    });
    socket.on('disconnect', (reason) => {
      this.store.update({ link: 'reconnecting' });
      // Transports die with the socket: the picture comes back with the next connect.
      this.dropMedia();
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      if (socket.active) {
        this.store.update({ link: 'reconnecting' });
        return;
      }
      if (error.message === connectRefusals.busy) {
        this.store.update({ link: 'reconnecting' });
        setTimeout(() => {
          if (this.socket === socket) socket.connect();
        }, 5_000);
        return;
      }
      // The hub refused the token (a restarted hub, a viewer removed): back to the form, nickname kept.
      saveViewer(this.options.store, this.options.slug, null);
      this.token = null;
      this.closeSocket();
      this.store.update({ phase: 'join', link: 'idle', joinProblem: 'expired' });
    });
    socket.on('view.state', (raw: unknown) => {
      const parsed = viewerPushes['view.state'].payload.safeParse(raw);
      if (parsed.success) this.applyRoom(socket, parsed.data);
    });
    socket.on('view.comments', (raw: unknown) => {
      const parsed = viewerPushes['view.comments'].payload.safeParse(raw);
      if (parsed.success) this.store.addComments(parsed.data.comments);
    });
    socket.on('view.commentRemoved', (raw: unknown) => {
      const parsed = viewerPushes['view.commentRemoved'].payload.safeParse(raw);
      if (parsed.success) this.store.removeComment(parsed.data.commentId);
    });
    socket.on('view.producers', (raw: unknown) => {
      const parsed = viewerPushes['view.producers'].payload.safeParse(raw);
      if (!parsed.success) return;
      const receiver = this.receiverFor(parsed.data.broadcastId);
      if (receiver) void receiver.sync(parsed.data.producers);
    });
  }

  private closeSocket(): void {
    this.dropMedia();
    if (!this.socket) return;
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.socket = null;
  }

  /** After every connect: the room, the feed, then the picture. */
  private async sync(socket: Socket): Promise<void> {
    const state = stateAck.safeParse(await this.ask(socket, 'view.state', {}));
    if (this.socket !== socket) return;
    if (state.success && state.data.ok) this.applyRoom(socket, state.data.data);
    const comments = commentsAck.safeParse(await this.ask(socket, 'view.comments', {}));
    if (this.socket !== socket) return;
    if (comments.success && comments.data.ok) this.store.replaceComments(comments.data.data.comments);
  }

  private applyRoom(socket: Socket, room: RoomState): void {
    this.store.setRoom(room);
    if (!isLive(room)) {
      this.dropMedia();
      return;
    }
    if (this.receiver?.forBroadcast === room.broadcast.id || !socket.connected) return;
    const receiver = this.receiverFor(room.broadcast.id);
    if (!receiver) return;
    void (async () => {
      const answer = producersAck.safeParse(
        await this.ask(socket, 'media.producers', { broadcastId: room.broadcast.id }),
      );
      if (answer.success && answer.data.ok && this.receiver === receiver)
        await receiver.sync(answer.data.data.producers);
    })();
  }

  /** The receiver of this broadcast, built if none is: a new broadcast drops the last one's. */
  private receiverFor(broadcastId: number): MediaReceiver | null {
    const socket = this.socket;
    if (!socket?.connected) return null;
    if (this.receiver?.forBroadcast === broadcastId) return this.receiver;
    this.dropMedia();
    const receiver = new MediaReceiver(
      (event, payload) => this.ask(socket, event, payload),
      broadcastId,
      (media) => {
        if (this.receiver === receiver) this.store.update({ media });
      },
    );
    this.receiver = receiver;
    return receiver;
  }

  private dropMedia(): void {
    this.receiver?.close();
    this.receiver = null;
    this.store.update({ media: { state: 'idle', stream: null } });
  }

  private async sendBuy(
    payload: { id: string; productId: number; saleId: number | null; quantity: number },
    tries: number,
  ): Promise<void> {
    const socket = this.socket;
    const raw = socket?.connected ? await this.ask(socket, 'view.buy', payload) : undefined;
    const ack = buyAck.safeParse(raw);
    const transient =
      !ack.success || (!ack.data.ok && ['unavailable', 'internal'].includes(ack.data.error.code));
    if (transient && tries < buyTries && !this.closed) {
      // No answer (or "try later"): the same id again, so a lost answer never becomes a second order.
      this.retryTimer = setTimeout(() => void this.sendBuy(payload, tries + 1), 1_000 * tries);
      return;
    }
    if (ack.success && ack.data.ok) {
      this.store.update({ buy: { pending: false, order: ack.data.data.order, problem: null } });
      return;
    }
    const problem: BuyProblem = ack.success && !ack.data.ok ? buyProblem(ack.data.error) : 'failed';
    this.store.update({ buy: { pending: false, order: null, problem } });
  }

  private sendLikes(count: number): void {
    this.store.update({ unsentLikes: Math.max(0, this.store.snapshot.unsentLikes - count) });
    // Ephemeral: a like lost on a bad line is not worth a retry.
    this.socket?.volatile.emit('view.like', { count });
  }

  private async ask(socket: Socket, event: string, payload: unknown): Promise<unknown> {
    try {
      return await socket.timeout(commandTimeoutMs).emitWithAck(event, payload);
    } catch {
      return undefined;
    }
  }
}

function buyProblem(error: AckError): BuyProblem {
  if (error.code === 'rate_limited') return 'limited';
  if (error.code === 'not_found') return 'gone';
  if (error.code === 'conflict' || error.code === 'cannot_apply') {
    return /sale/i.test(error.message) && !/sold/i.test(error.message) ? 'sale_over' : 'sold_out';
  }
  if (error.code === 'changed') return 'sale_over';
  return 'failed';
}

function commentProblem(error: AckError): CommentProblem {
  if (error.code === 'forbidden') return 'muted';
  if (error.code === 'invalid_input') return 'invalid';
  if (error.code === 'rate_limited') return 'limited';
  return 'failed';
}
