import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Ack, AckError } from '../../shared/protocol';
import { fail, ok } from '../../shared/protocol';
import {
  flashSaleSchema,
  roomStateSchema,
  type ConsoleState,
  type LiveOrder,
  type OutputStatus,
  type Product,
  type RoomState,
} from '../../shared/protocol/live';
import { Emitter } from '../net/emitter';
import { defineStore } from '../session/store-registry';
import type { Session } from '../session/session';
import { LiveClient } from './client/live-client';
import { outboxCall } from './client/outbox-call';
import { mergeById } from './comment-feed';
import { CommentsStore } from './comments-store';
import { KeepAwake } from './keep-awake';
import { AnchorDevices } from './media-devices';
import { LiveAudio } from './live-audio';
import { ReadAloudQueue } from './read-aloud';

/** While live the figures and send stats are read this often (pushes may come sooner). */
export const consolePollMs = 2_000;

const roomAck = z.object({ room: roomStateSchema });
const saleAck = z.object({ sale: flashSaleSchema });

/** Which console action a failure belongs to, so its message shows beside its control. */
export type LiveAction =
  'start' | 'end' | 'publish' | 'pin' | 'sale' | 'restream' | 'recording' | 'restreamSave';

export interface LiveFailure {
  action: LiveAction;
  error: AckError;
}

export interface RestreamTarget {
  url: string;
  streamKey: string;
}

export interface LiveSnapshot {
  readonly console: ConsoleState | null;
  /** The console could not be read (the hub refused or is away). */
  readonly consoleError: AckError | null;
  readonly products: readonly Product[];
  readonly productsLoaded: boolean;
  /** This broadcast's orders, newest first. */
  readonly orders: readonly LiveOrder[];
  readonly busy: LiveAction | null;
  readonly failure: LiveFailure | null;
  /** The host's saved RTMP target; null until read (or none saved). */
  readonly restreamTarget: RestreamTarget | null;
  readonly restreamLoaded: boolean;
  /** New comments are read to the anchor's own speakers. */
  readonly readAloud: boolean;
}

/** The room's broadcast when it is on air. */
export function liveBroadcast(state: ConsoleState | null): NonNullable<RoomState['broadcast']> | null {
  const broadcast = state?.room.broadcast ?? null;
  return broadcast?.status === 'live' ? broadcast : null;
}

/**
 * The anchor's console for this session: the room and its figures, the
 * organisation's products, the broadcast's orders and comments, the camera
 * and microphone, the voice mixer and the media client. It outlives the
 * workspace, so switching to Tickets and back does not end a broadcast.
 */
export class LiveStore {
  readonly client: LiveClient;
  readonly devices: AnchorDevices;
  readonly comments: CommentsStore;
  readonly audio: LiveAudio;
  private readonly changes = new Emitter();
  private readonly stops: (() => void)[] = [];
  private snapshotValue: LiveSnapshot = {
    console: null,
    consoleError: null,
    products: [],
    productsLoaded: false,
    orders: [],
    busy: null,
    failure: null,
    restreamTarget: null,
    restreamLoaded: false,
    readAloud: false,
  };
  private readonly reader: ReadAloudQueue;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private ordersFor: number | null = null;
  private awake = false;
  private readonly keepAwake: KeepAwake;
  private disposed = false;

  constructor(private readonly session: Session) {
    const { hub } = session;
    this.audio = new LiveAudio(session);
    this.keepAwake = new KeepAwake(session.options.bridge);
    this.devices = new AnchorDevices(this.audio.microphoneSink);
    this.client = new LiveClient({ signal: hub });
    this.comments = new CommentsStore(session);
    this.reader = new ReadAloudQueue(
      () => this.audio.voice,
      (c) => `${c.nickname}: ${c.body}`,
    );
    this.stops.push(this.comments.onArrival((comments) => this.reader.push(comments)));
    this.stops.push(
      this.devices.onVideoTrack((track) => {
        // Another camera while live: the producer swaps tracks, the broadcast goes on.
        if (this.client.snapshot.state !== 'idle')
          void this.client.replaceVideo(track).catch(() => undefined);
      }),
    );
    this.stops.push(hub.onPush('live.console', (state) => this.setConsole(state)));
    this.stops.push(
      hub.onPush('live.state', (room) => {
        const current = this.snapshotValue.console;
        if (current && current.room.slug === room.slug) this.setConsole({ ...current, room });
      }),
    );
    this.stops.push(
      hub.onPush('live.products', ({ products }) => this.set({ products, productsLoaded: true })),
    );
    this.stops.push(
      hub.onPush('live.orders', ({ orders }) => {
        // The push goes to this room only: its orders are this broadcast's.
        if (liveBroadcast(this.snapshotValue.console) === null) return;
        this.set({ orders: mergeById(this.snapshotValue.orders, orders) });
      }),
    );
    this.stops.push(hub.onConnected(() => void this.load()));
    this.stops.push(this.client.subscribe(() => this.changes.emit()));
    if (hub.connected) void this.load();
  }

  get snapshot(): LiveSnapshot {
    return this.snapshotValue;
  }

  /** The link viewers open: the hub's address and the room's slug. */
  viewerUrl(slug: string): string {
    return new URL(`/live/${encodeURIComponent(slug)}`, this.session.options.host.hubUrl).toString();
  }

  /** A product image's address: hub paths resolve against the hub, https URLs stay as they are. */
  assetUrl(path: string): string {
    return new URL(path, this.session.options.host.hubUrl).toString();
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Reads the console again now (the Retry after a failed load). */
  refresh(): Promise<void> {
    return this.load();
  }

  /** "Go live": the broadcast on the hub, then the camera and the voice mixer into its room. */
  async goLive(title: string): Promise<Ack<unknown>> {
    if (this.snapshotValue.busy) return fail('conflict', 'Busy.');
    this.audio.wake();
    this.set({ busy: 'start', failure: null });
    const answer = await outboxCall(this.session.outbox, 'live.broadcast.start', {
      id: uuidv7(),
      title: title.trim(),
    });
    const room = answer.ok ? roomAck.safeParse(answer.data) : null;
    if (!answer.ok || !room?.success) {
      const error = answer.ok ? { code: 'internal' as const, message: 'Unexpected answer.' } : answer.error;
      this.set({ busy: null, failure: { action: 'start', error } });
      return answer.ok ? fail(error.code, error.message) : answer;
    }
    this.applyRoom(room.data.room);
    this.set({ busy: null });
    await this.publish();
    return ok(room.data.room);
  }

  /** Starts (or restarts) sending media for the broadcast on air; safe while already sending. */
  async publish(): Promise<void> {
    const broadcast = liveBroadcast(this.snapshotValue.console);
    if (!broadcast) return;
    this.holdAwake(true);
    this.comments.follow(broadcast.id);
    void this.loadOrders(broadcast.id);
    if (this.snapshotValue.console?.media.available === false) return;
    this.audio.wake();
    await this.devices.open();
    try {
      await this.client.start(broadcast.id, {
        video: this.devices.videoTrack,
        audio: this.audio.track(),
        preset: this.devices.snapshot.preset,
      });
    } catch (error) {
      this.set({
        failure: {
          action: 'publish',
          error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) },
        },
      });
    }
  }

  /** "End broadcast", after the anchor confirmed it. */
  async endBroadcast(): Promise<Ack<unknown>> {
    const broadcast = liveBroadcast(this.snapshotValue.console);
    if (!broadcast) return fail('not_found', 'No broadcast is live.');
    this.set({ busy: 'end', failure: null });
    const answer = await outboxCall(this.session.outbox, 'live.broadcast.end', {
      id: uuidv7(),
      broadcastId: broadcast.id,
    });
    if (!answer.ok) {
      this.set({ busy: null, failure: { action: 'end', error: answer.error } });
      return answer;
    }
    this.client.stop();
    this.audio.voiceStop();
    this.holdAwake(false);
    const room = roomAck.safeParse(answer.data);
    if (room.success) this.applyRoom(room.data.room);
    this.set({ busy: null });
    void this.load();
    return answer;
  }

  /** Pins a product for viewers (讲解); null takes the pin away. */
  async pin(productId: number | null): Promise<Ack<unknown>> {
    return this.roomAction('pin', (broadcastId) =>
      outboxCall(this.session.outbox, 'live.pin', { id: uuidv7(), broadcastId, productId }),
    );
  }

  async startSale(input: { productId: number; priceFen: number; quantity: number; seconds: number }) {
    const answer = await this.roomAction('sale', (broadcastId) =>
      outboxCall(this.session.outbox, 'live.sale.start', { id: uuidv7(), broadcastId, ...input }),
    );
    this.applySale(answer);
    return answer;
  }

  async endSale(saleId: number): Promise<Ack<unknown>> {
    this.set({ busy: 'sale', failure: null });
    const answer = await outboxCall(this.session.outbox, 'live.sale.end', { id: uuidv7(), saleId });
    this.set({ busy: null, ...(answer.ok ? {} : { failure: { action: 'sale', error: answer.error } }) });
    this.applySale(answer);
    return answer;
  }

  async loadRestreamTarget(): Promise<void> {
    if (this.snapshotValue.restreamLoaded) return;
    const { bridge } = this.session.options;
    const answer = await bridge.call('restream.get', { sessionId: this.session.id });
    if (this.disposed) return;
    this.set({ restreamTarget: answer.ok ? answer.data : null, restreamLoaded: true });
  }

  /** Keeps the URL and key on the host (never on the hub, never logged). */
  async saveRestreamTarget(target: RestreamTarget): Promise<Ack<unknown>> {
    const { bridge } = this.session.options;
    const answer = await bridge.call('restream.put', { sessionId: this.session.id, ...target });
    if (answer.ok) this.set({ restreamTarget: target, failure: null });
    else this.set({ failure: { action: 'restreamSave', error: answer.error } });
    return answer;
  }

  async startRestream(target: RestreamTarget): Promise<void> {
    const saved = await this.saveRestreamTarget(target);
    if (!saved.ok) return;
    await this.output('restream', (broadcastId) =>
      this.session.hub.request('live.restream.start', { broadcastId, ...target }),
    );
  }

  stopRestream(): Promise<void> {
    return this.output('restream', (broadcastId) =>
      this.session.hub.request('live.restream.stop', { broadcastId }),
    );
  }

  startRecording(): Promise<void> {
    return this.output('recording', (broadcastId) =>
      this.session.hub.request('live.recording.start', { broadcastId }),
    );
  }

  stopRecording(): Promise<void> {
    return this.output('recording', (broadcastId) =>
      this.session.hub.request('live.recording.stop', { broadcastId }),
    );
  }

  setReadAloud(on: boolean): void {
    if (on) this.audio.wake();
    this.reader.setEnabled(on);
    this.set({ readAloud: on });
  }

  dismissFailure(): void {
    this.set({ failure: null });
  }

  dispose(): void {
    this.disposed = true;
    this.reader.setEnabled(false);
    clearInterval(this.pollTimer);
    for (const stop of this.stops.splice(0)) stop();
    this.client.dispose();
    this.comments.dispose();
    this.devices.dispose();
    this.audio.dispose();
    this.holdAwake(false);
  }

  private async roomAction(
    action: LiveAction,
    run: (broadcastId: number) => Promise<Ack<unknown>>,
  ): Promise<Ack<unknown>> {
    const broadcast = liveBroadcast(this.snapshotValue.console);
    if (!broadcast) return fail('not_found', 'No broadcast is live.');
    this.set({ busy: action, failure: null });
    const answer = await run(broadcast.id);
    this.set({ busy: null, ...(answer.ok ? {} : { failure: { action, error: answer.error } }) });
    if (answer.ok) {
      const room = roomAck.safeParse(answer.data);
      if (room.success) this.applyRoom(room.data.room);
    }
    return answer;
  }

  private applySale(answer: Ack<unknown>): void {
    if (!answer.ok) return;
    const sale = saleAck.safeParse(answer.data);
    const current = this.snapshotValue.console;
    if (!sale.success || !current) return;
    const flashSale = sale.data.sale.endedAt === null ? sale.data.sale : null;
    this.setConsole({ ...current, room: { ...current.room, flashSale } });
  }

  private async output(
    which: 'restream' | 'recording',
    run: (broadcastId: number) => Promise<Ack<OutputStatus>>,
  ): Promise<void> {
    const broadcast = liveBroadcast(this.snapshotValue.console);
    if (!broadcast) return;
    this.set({ busy: which, failure: null });
    const answer = await run(broadcast.id);
    const current = this.snapshotValue.console;
    if (answer.ok && current) this.setConsole({ ...current, [which]: answer.data });
    this.set({ busy: null, ...(answer.ok ? {} : { failure: { action: which, error: answer.error } }) });
  }

  private applyRoom(room: RoomState): void {
    const current = this.snapshotValue.console;
    const base: ConsoleState = current ?? {
      room,
      media: { available: true, reason: null },
      send: null,
      restream: idleOutput,
      recording: idleOutput,
    };
    this.setConsole({ ...base, room });
  }

  private async load(): Promise<void> {
    if (this.disposed || !this.session.hub.connected) return;
    const [state, products] = await Promise.all([
      this.session.hub.request('live.console', {}),
      this.snapshotValue.productsLoaded ? null : this.session.hub.request('live.products', {}),
    ]);
    if (this.disposed) return;
    if (products?.ok) this.set({ products: products.data.products, productsLoaded: true });
    if (state.ok) {
      this.set({ consoleError: null });
      this.setConsole(state.data);
    } else this.set({ consoleError: state.error });
  }

  private async loadOrders(broadcastId: number): Promise<void> {
    if (this.ordersFor !== broadcastId) this.set({ orders: [] });
    this.ordersFor = broadcastId;
    const ack = await this.session.hub.request('live.orders', { broadcastId });
    if (this.disposed || this.ordersFor !== broadcastId || !ack.ok) return;
    this.set({ orders: mergeById(this.snapshotValue.orders, ack.data.orders) });
  }

  private setConsole(state: ConsoleState): void {
    const wasLive = liveBroadcast(this.snapshotValue.console);
    this.set({ console: state });
    const live = liveBroadcast(state);
    if (live) {
      this.comments.follow(live.id);
      if (this.ordersFor !== live.id) void this.loadOrders(live.id);
    }
    if (live && this.pollTimer === undefined) {
      this.pollTimer = setInterval(() => void this.load(), consolePollMs);
    } else if (!live && this.pollTimer !== undefined) {
      clearInterval(this.pollTimer);
      this.pollTimer = undefined;
    }
    // Ended elsewhere (another window, the hub after a crash): the media and the blocker go too.
    if (wasLive && !live) {
      this.client.stop();
      this.holdAwake(false);
    }
  }

  private holdAwake(on: boolean): void {
    if (this.awake === on) return;
    this.awake = on;
    void (on ? this.keepAwake.hold() : this.keepAwake.release()).catch(() => undefined);
  }

  private set(patch: Partial<LiveSnapshot>): void {
    this.snapshotValue = { ...this.snapshotValue, ...patch };
    this.changes.emit();
  }
}

const idleOutput: OutputStatus = { state: 'idle', error: null, file: null, startedAt: null };

export const liveStore = defineStore('live.console', (session: Session) => new LiveStore(session));
