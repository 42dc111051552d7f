import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { ackSchema, connectRefusals, errorSchema, type AckError } from '../../../shared/protocol/ack';
import {
  attachmentMaxBytes,
  attachmentMimes,
  chatAttachmentResponse,
  chatCommands,
  chatPushes,
  chatStartResponse,
  chatStateSchema,
  type ChatMessage,
  type ChatStartRequest,
  type ChatState,
} from '../../../shared/protocol/chat';
import type { namespaces } from '../../../shared/protocol/events';
import type { Attachment } from '../../../shared/protocol/tickets';
import {
  hasGap,
  loadKept,
  mergeBySeq,
  newPendingSend,
  nextToSend,
  saveKept,
  settle,
  storageKey,
  type Kept,
  type KeyValueStore,
  type Pending,
} from './chat-outbox';
import { Emitter } from './emitter';

/** How the page is linked to the hub right now. */
export type Link = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/** Why a start did not open a conversation; the page words each in its language. */
export type StartProblem = { kind: 'invalid' } | { kind: 'no_shop' } | { kind: 'limited'; retryAt: number };

export interface ChatSnapshot {
  link: Link;
  /** A conversation exists in this browser (or is being opened): the page shows it, not the form. */
  inConversation: boolean;
  ticketNumber: number | null;
  state: ChatState | null;
  messages: readonly ChatMessage[];
  outbox: readonly Pending[];
  /** The start still on its way: its first message is shown as pending. */
  start: ChatStartRequest | null;
  /** The last start the hub refused, to fill the form again. */
  refusedStart: ChatStartRequest | null;
  startProblem: StartProblem | null;
  /** The hub said "slow down": the text is kept and sent again at this time. */
  slowDownUntil: number | null;
  /** The agent typing a reply, by name, for a few seconds after their last keystroke. */
  typing: string | null;
  /** The hub no longer knows this browser's conversation (its token was refused). */
  ended: boolean;
  /** The browser keeps nothing (private mode, quota): unsent text would not survive a reload. */
  storageFailed: boolean;
}

export type PhotoProblem = 'not_a_photo' | 'too_large' | 'too_many_pixels' | 'limited' | 'offline' | 'failed';
export type PhotoResult = { ok: true; attachment: Attachment } | { ok: false; problem: PhotoProblem };

export interface NetworkSignal {
  online(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface ChatClientOptions {
  /** The hub's origin: the page is served by the hub, so `location.origin`. */
  origin: string;
  /** The shop (`?org=`); null on a hub with one organisation. */
  org: number | null;
  store: KeyValueStore;
  network: NetworkSignal;
  now?: () => number;
  /** For the page's Playwright tests, shorter waits; the defaults suit a phone on a bad line. */
  retryMs?: number;
}

/** `namespaces.customer`, written out: importing the table would bundle every job's schemas into the page. */
const customerNamespace = '/chat' satisfies (typeof namespaces)['customer'];
const commandTimeoutMs = 10_000;
const typingShownMs = 6_000;
const typingSendEveryMs = 2_500;
const historyPage = 50;
const maxRetryMs = 15_000;

const anyAck = ackSchema(z.unknown());
const historyAck = ackSchema(chatCommands['chat.history'].output);
const stateAck = ackSchema(chatStateSchema);
const sendOutput = chatCommands['chat.send'].output;
const rateOutput = chatCommands['chat.rate'].output;
const errorBody = z.object({ ok: z.literal(false), error: errorSchema });

/**
 * The customer's conversation, as one object that owns the socket (in the
 * manner of mediasoup-demo's RoomClient): components read `snapshot` through
 * useSyncExternalStore and call its methods; nothing else talks to the hub.
 *
 * Nothing is lost and nothing is doubled: every message goes into the kept
 * outbox (localStorage) under its UUIDv7 before it is sent, and leaves it
 * only when the hub acknowledges it or shows it stored. After every
 * (re)connect the page asks for what it missed (`afterSeq`), merges by seq,
 * settles the outbox against the command ids it sees, and sends the rest in
 * order. The hub answers a repeated id with its first answer.
 */
export class ChatClient {
  private readonly changes = new Emitter();
  private readonly key: string;
  private readonly now: () => number;
  private readonly retryMs: number;
  private kept: Kept;
  private snap: ChatSnapshot;
  private socket: Socket | null = null;
  private flushing = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private startFailures = 0;
  private sendFailures = 0;
  private lastTypingSent = 0;
  private readonly offNetwork: () => void;
  private closed = false;

  constructor(private readonly options: ChatClientOptions) {
    this.key = storageKey(options.org);
    this.now = options.now ?? Date.now;
    this.retryMs = options.retryMs ?? 1_000;
    this.kept = loadKept(options.store, this.key);
    this.snap = {
      link: 'idle',
      inConversation: this.kept.token !== null || this.kept.start !== null,
      ticketNumber: this.kept.ticketNumber,
      state: null,
      messages: this.kept.messages,
      outbox: this.kept.outbox,
      start: this.kept.start,
      refusedStart: null,
      startProblem: null,
      slowDownUntil: null,
      typing: null,
      ended: false,
      storageFailed: false,
    };
    this.offNetwork = options.network.subscribe((online) => {
      if (online) this.nudge();
    });
    if (this.kept.token) this.openSocket(this.kept.token);
    else if (this.kept.start) void this.postStart();
  }

  get snapshot(): ChatSnapshot {
    return this.snap;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Opens the conversation: kept first, then sent until the hub answers. */
  start(input: { name: string; orderNumber: string; message: string; locale: 'zh-CN' | 'en' }): void {
    const orderNumber = input.orderNumber.trim();
    const request: ChatStartRequest = {
      id: uuidv7(),
      ...(this.options.org !== null ? { org: this.options.org } : {}),
      name: input.name.trim(),
      ...(orderNumber !== '' ? { orderNumber } : {}),
      message: input.message,
      locale: input.locale,
    };
    this.kept = { ...this.kept, start: request };
    this.persist();
    this.update({
      inConversation: true,
      start: request,
      refusedStart: null,
      startProblem: null,
      ended: false,
    });
    void this.postStart();
  }

  /** A message (and maybe a photo already uploaded): kept, then sent in order. */
  send(body: string, attachment: Attachment | null = null): void {
    if (body.trim() === '' && attachment === null) return;
    this.addPending(newPendingSend(uuidv7(), body, attachment, this.now()));
  }

  rate(score: number, comment: string): void {
    if (this.kept.outbox.some((p) => p.kind === 'rate' && p.refused === null)) return;
    this.addPending({ kind: 'rate', id: uuidv7(), score, comment, createdAt: this.now(), refused: null });
  }

  /** A refused entry, sent once more under its own id (the customer asked). */
  retry(id: string): void {
    this.setOutbox(this.kept.outbox.map((p) => (p.id === id ? { ...p, refused: null } : p)));
    void this.flush();
  }

  discard(id: string): void {
    this.setOutbox(this.kept.outbox.filter((p) => p.id !== id));
  }

  /** The customer is writing: the agent sees it for a moment. Never stored, never queued. */
  typing(): void {
    const now = this.now();
    if (!this.socket?.connected || now - this.lastTypingSent < typingSendEveryMs) return;
    this.lastTypingSent = now;
    this.socket.volatile.emit('chat.typing', {});
  }

  /** Checks the photo here as the hub will, then uploads it to this conversation. */
  async uploadPhoto(file: Blob): Promise<PhotoResult> {
    if (!(attachmentMimes as readonly string[]).includes(file.type))
      return { ok: false, problem: 'not_a_photo' };
    if (file.size > attachmentMaxBytes) return { ok: false, problem: 'too_large' };
    const token = this.kept.token;
    if (!token) return { ok: false, problem: 'offline' };
    let res: Response;
    try {
      res = await fetch(`${this.options.origin}/api/chat/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': file.type },
        body: file,
      });
    } catch {
      return { ok: false, problem: 'offline' };
    }
    const body: unknown = await res.json().catch(() => null);
    if (res.status === 201) {
      const parsed = chatAttachmentResponse.safeParse(body);
      return parsed.success
        ? { ok: true, attachment: parsed.data.attachment }
        : { ok: false, problem: 'failed' };
    }
    if (res.status === 415) return { ok: false, problem: 'not_a_photo' };
    if (res.status === 413) {
      const message = errorBody.safeParse(body).data?.error.message ?? '';
      return { ok: false, problem: /pixel/i.test(message) ? 'too_many_pixels' : 'too_large' };
    }
    if (res.status === 429) return { ok: false, problem: 'limited' };
    if (res.status === 401) this.endConversation();
    return { ok: false, problem: 'failed' };
  }

  /**
   * Forgets the conversation on this device, unsent text included: on a
   * shared or public PC the next person must not find it. The hub keeps the
   * conversation; only this browser's key to it is gone.
   */
  forget(): void {
    this.startOver();
    this.update({ refusedStart: null });
  }

  /** Forgets this browser's conversation, keeping unsent text for the new one's form. */
  startOver(): void {
    const unsent = this.kept.outbox
      .filter((p) => p.kind === 'send')
      .map((p) => (p.kind === 'send' ? p.body : ''))
      .filter((b) => b.trim() !== '')
      .join('\n');
    this.closeSocket();
    this.kept = { ...this.kept, token: null, ticketNumber: null, start: null, outbox: [], messages: [] };
    this.persist();
    const refusedStart = unsent
      ? { ...(this.snap.refusedStart ?? this.snap.start ?? blankStart()), message: unsent }
      : null;
    this.update({
      link: 'idle',
      inConversation: false,
      ticketNumber: null,
      state: null,
      messages: [],
      outbox: [],
      start: null,
      refusedStart,
      startProblem: null,
      slowDownUntil: null,
      typing: null,
      ended: false,
    });
  }

  close(): void {
    this.closed = true;
    this.offNetwork();
    clearTimeout(this.flushTimer);
    clearTimeout(this.startTimer);
    clearTimeout(this.typingTimer);
    this.closeSocket();
  }

  private async postStart(): Promise<void> {
    const request = this.kept.start;
    if (!request || this.closed) return;
    clearTimeout(this.startTimer);
    this.update({ link: this.startFailures > 0 ? 'reconnecting' : 'connecting' });
    let res: Response;
    let body: unknown;
    try {
      res = await fetch(`${this.options.origin}/api/chat/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      body = await res.json();
    } catch {
      this.retryStart();
      return;
    }
    if (this.kept.start?.id !== request.id) return;
    const started = res.status === 200 ? chatStartResponse.safeParse(body) : null;
    if (started?.success) {
      this.startFailures = 0;
      this.kept = {
        ...this.kept,
        start: null,
        token: started.data.token,
        ticketNumber: started.data.ticketNumber,
      };
      this.persist();
      this.update({ start: null, ticketNumber: started.data.ticketNumber });
      this.openSocket(started.data.token);
      return;
    }
    const error = errorBody.safeParse(body).data?.error;
    if (res.status === 429) {
      const wait = error?.retryAfterMs ?? 60_000;
      this.update({ startProblem: { kind: 'limited', retryAt: this.now() + wait } });
      this.startTimer = setTimeout(() => void this.postStart(), wait);
      return;
    }
    if (res.status === 400 || res.status === 404) {
      // Resending cannot help: back to the form, with what the customer wrote.
      const noShop = error?.issues?.some((i) => i.path[0] === 'org') ?? false;
      this.kept = { ...this.kept, start: null };
      this.persist();
      this.update({
        inConversation: false,
        start: null,
        refusedStart: request,
        startProblem: { kind: noShop ? 'no_shop' : 'invalid' },
        link: 'idle',
      });
      return;
    }
    this.retryStart();
  }

  private retryStart(): void {
    this.startFailures += 1;
    this.update({ link: 'reconnecting' });
    this.startTimer = setTimeout(() => void this.postStart(), this.backoff(this.startFailures));
  }

  private backoff(failures: number): number {
    return Math.min(maxRetryMs, this.retryMs * 2 ** Math.min(failures - 1, 4));
  }

  private openSocket(token: string): void {
    this.closeSocket();
    const socket = io(`${this.options.origin}${customerNamespace}`, {
      path: '/socket.io',
      auth: { token },
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.3,
      timeout: 8_000,
    });
    this.socket = socket;
    this.update({ link: this.snap.link === 'idle' ? 'connecting' : this.snap.link });
    socket.on('connect', () => {
      this.update({ link: 'connected', ended: false });
      void this.sync(socket);
    });
    socket.on('disconnect', (reason) => {
      this.update({ link: 'reconnecting', typing: null });
      // The hub hung up on purpose (a restart): socket.io does not retry that by itself.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      if (socket.active) {
        this.update({ link: 'reconnecting' });
        return;
      }
      if (error.message === connectRefusals.busy) {
        // Too many connections from this address for now: the conversation is fine; try later.
        this.update({ link: 'reconnecting' });
        setTimeout(() => {
          if (this.socket === socket) socket.connect();
        }, 5_000);
        return;
      }
      this.endConversation();
    });
    socket.on('chat.messages', (raw: unknown) => {
      const parsed = chatPushes['chat.messages'].payload.safeParse(raw);
      if (parsed.success) this.receive(socket, parsed.data.messages);
    });
    socket.on('chat.state', (raw: unknown) => {
      const parsed = chatPushes['chat.state'].payload.safeParse(raw);
      if (parsed.success) this.update({ state: parsed.data, ticketNumber: parsed.data.ticketNumber });
    });
    socket.on('chat.typing', (raw: unknown) => {
      const parsed = chatPushes['chat.typing'].payload.safeParse(raw);
      if (!parsed.success) return;
      clearTimeout(this.typingTimer);
      this.update({ typing: parsed.data.name });
      this.typingTimer = setTimeout(() => this.update({ typing: null }), typingShownMs);
    });
  }

  private closeSocket(): void {
    if (!this.socket) return;
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.socket = null;
  }

  private endConversation(): void {
    this.closeSocket();
    this.update({ ended: true, link: 'idle' });
  }

  private nudge(): void {
    if (this.kept.start) {
      void this.postStart();
      return;
    }
    const socket = this.socket;
    if (socket && !socket.connected && !socket.active) socket.connect();
  }

  /** After every connect: the state, what was missed, then the outbox. */
  private async sync(socket: Socket): Promise<void> {
    const state = stateAck.safeParse(await this.ask(socket, 'chat.state', {}));
    if (state.success && state.data.ok)
      this.update({ state: state.data.data, ticketNumber: state.data.data.ticketNumber });
    if (this.kept.messages.length === 0) {
      const page = historyAck.safeParse(await this.ask(socket, 'chat.history', { limit: historyPage }));
      if (page.success && page.data.ok) this.merge(page.data.data.items);
    }
    await this.catchUp(socket);
    void this.flush();
  }

  /** Every message after the newest known one, page by page. */
  private async catchUp(socket: Socket): Promise<void> {
    for (let pages = 0; pages < 50 && this.socket === socket && socket.connected; pages++) {
      const afterSeq = this.kept.messages.at(-1)?.seq ?? 0;
      const page = historyAck.safeParse(await this.ask(socket, 'chat.history', { afterSeq, limit: 200 }));
      if (!page.success || !page.data.ok) return;
      this.merge(page.data.data.items);
      const newest = this.kept.messages.at(-1)?.seq ?? 0;
      if (page.data.data.items.length === 0 || newest >= page.data.data.lastSeq) return;
    }
  }

  private receive(socket: Socket, incoming: ChatMessage[]): void {
    const gap = hasGap(this.kept.messages, incoming);
    this.merge(incoming);
    if (incoming.some((m) => m.author === 'agent')) {
      clearTimeout(this.typingTimer);
      this.update({ typing: null });
    }
    if (gap) void this.catchUp(socket);
  }

  private merge(incoming: readonly ChatMessage[]): void {
    if (incoming.length === 0) return;
    const messages = mergeBySeq(this.kept.messages, incoming);
    const outbox = settle(this.kept.outbox, messages);
    this.kept = { ...this.kept, messages, outbox };
    this.persist();
    this.update({ messages, outbox });
  }

  private addPending(entry: Pending): void {
    this.setOutbox([...this.kept.outbox, entry]);
    void this.flush();
  }

  private setOutbox(outbox: Pending[]): void {
    this.kept = { ...this.kept, outbox };
    this.persist();
    this.update({ outbox });
  }

  /** Sends the outbox in order, one at a time; stops at the first entry that must wait. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    clearTimeout(this.flushTimer);
    try {
      for (;;) {
        const socket = this.socket;
        const entry = nextToSend(this.kept.outbox);
        if (!entry || !socket?.connected) return;
        const payload =
          entry.kind === 'send'
            ? {
                id: entry.id,
                body: entry.body,
                ...(entry.attachment ? { attachmentId: entry.attachment.id } : {}),
              }
            : {
                id: entry.id,
                score: entry.score,
                ...(entry.comment.trim() ? { comment: entry.comment.trim() } : {}),
              };
        const raw = await this.ask(socket, entry.kind === 'send' ? 'chat.send' : 'chat.rate', payload);
        const ack = anyAck.safeParse(raw);
        if (!ack.success) {
          // No answer in time (or none that makes sense): the same id goes again shortly.
          this.later(++this.sendFailures);
          return;
        }
        if (ack.data.ok) {
          this.sendFailures = 0;
          this.delivered(entry, ack.data.data);
          continue;
        }
        if (!this.refused(entry, ack.data.error)) return;
      }
    } finally {
      this.flushing = false;
    }
  }

  private delivered(entry: Pending, data: unknown): void {
    this.update({ slowDownUntil: null });
    if (entry.kind === 'send') {
      const out = sendOutput.safeParse(data);
      if (out.success) this.merge([out.data.message]);
    } else {
      const out = rateOutput.safeParse(data);
      if (out.success) this.update({ state: out.data.state });
    }
    this.setOutbox(this.kept.outbox.filter((p) => p.id !== entry.id));
  }

  /** True when the next entry may go on; false when the lane waits (and is woken later). */
  private refused(entry: Pending, error: AckError): boolean {
    if (error.code === 'rate_limited') {
      // "Slow down": the text stays, shown as waiting, and goes by itself after the wait.
      const wait = error.retryAfterMs ?? 3_000;
      this.update({ slowDownUntil: this.now() + wait });
      clearTimeout(this.flushTimer);
      this.flushTimer = setTimeout(() => {
        this.update({ slowDownUntil: null });
        void this.flush();
      }, wait);
      return false;
    }
    if (error.code === 'unavailable' || error.code === 'internal') {
      this.later(++this.sendFailures);
      return false;
    }
    if (error.code === 'unauthorized') {
      this.endConversation();
      return false;
    }
    if (entry.kind === 'rate' && error.code === 'conflict') {
      // Already rated (a rating sent from another tab): nothing is left to send.
      this.setOutbox(this.kept.outbox.filter((p) => p.id !== entry.id));
      return true;
    }
    this.setOutbox(
      this.kept.outbox.map((p) =>
        p.id === entry.id ? { ...p, refused: { code: error.code, message: error.message } } : p,
      ),
    );
    return true;
  }

  private later(failures: number): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.flush(), this.backoff(failures));
  }

  private async ask(socket: Socket, event: string, payload: unknown): Promise<unknown> {
    try {
      return await socket.timeout(commandTimeoutMs).emitWithAck(event, payload);
    } catch {
      return undefined;
    }
  }

  private persist(): void {
    this.update({ storageFailed: !saveKept(this.options.store, this.key, this.kept) });
  }

  private update(patch: Partial<ChatSnapshot>): void {
    if (this.closed) return;
    const next = { ...this.snap, ...patch };
    const changed = (Object.keys(patch) as (keyof ChatSnapshot)[]).some((k) => next[k] !== this.snap[k]);
    if (!changed) return;
    this.snap = next;
    this.changes.emit();
  }
}

function blankStart(): ChatStartRequest {
  return { id: uuidv7(), name: '', message: '', locale: 'en' };
}
