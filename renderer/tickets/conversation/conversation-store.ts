import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { NotSentEntry, OutboxEntry, OutboxList } from '../../../shared/bridge';
import {
  ticketsProtocol,
  type Ack,
  type CommandOutput,
  type ErrorCode,
  type TicketDetail,
  type TicketMessage,
  type TicketSummary,
} from '../../../shared/protocol';
import { Emitter } from '../../net/emitter';
import type { HubConnection } from '../../net/hub-connection';
import { StreamFeed, type StreamSource } from '../../net/stream-feed';
import type { Session } from '../../session/session';
import { writtenSince } from './collision';

export const replyDraftKey = (ticketId: number): string => `ticket.reply.${ticketId}`;
export const noteDraftKey = (ticketId: number): string => `ticket.note.${ticketId}`;

/** A conversation opens on its newest messages; older ones page in with "Load earlier". */
const pageSize = 30;
/** Scroll-back held in memory per open conversation; the hub keeps the rest. */
const keep = 300;
/** "Viewing" is said again this often while the conversation is open, so colleagues' lines do not lapse. */
export const viewingEveryMs = 10_000;
/** A colleague's "viewing" lapses this long after their last sign of it (they renew every 10 s). */
const viewingShownMs = 25_000;
/** "Typing" goes out at most this often while the agent types. */
const typingEveryMs = 3_000;
/** A "typing" line (a colleague's or the customer's) goes this long after its last sign. */
const typingShownMs = 5_000;

/** What claim, transfer, setStatus and update answer. */
const ticketChangeOutput = z.object({ ticket: ticketsProtocol.ticketSummarySchema });

export type TicketContext = CommandOutput<'tickets.context'>;
export type Suggestion = CommandOutput<'tickets.suggest'>['suggestions'][number];

/** A colleague in this conversation now, as their last ephemeral event said. */
export interface Colleague {
  readonly id: number;
  readonly name: string;
  readonly activity: 'viewing' | 'typing';
}

/** What the box below the history writes: a reply the customer reads, or a note only agents see. */
export type ComposeMode = 'reply' | 'note';

export type StatusAction = 'open' | 'pending' | 'snoozed' | 'resolved';

/** What a send did: queued on the host's disk, blocked here before sending, or not queued at all. */
export type SendOutcome =
  | { kind: 'queued'; entry: OutboxEntry }
  | { kind: 'blocked'; since: number }
  | { kind: 'failed'; code: ErrorCode };

export interface ReplyInput {
  body: string;
  internal: boolean;
  cannedId?: number;
  /** The agent saw the new messages and sends anyway. */
  force?: boolean;
  /**
   * The newest seq the agent based the text on; newer messages from others
   * block the send (before it reaches the hub). Default: when they began typing.
   */
  basedOn?: number;
}

/** The conversation's messages as the feed reads them: its page command and its share of the pushes. */
export function ticketSource(hub: HubConnection, ticketId: number): StreamSource<TicketMessage> {
  return {
    get connected() {
      return hub.connected;
    },
    page: (input) => hub.request('tickets.messages', { ticketId, ...input }),
    onItem: (handler) =>
      hub.onPush('tickets.messages', (push) => {
        if (push.ticketId === ticketId) push.messages.forEach(handler);
      }),
    onConnected: (listener) => hub.onConnected(listener),
  };
}

function payloadTicketId(entry: OutboxEntry): number | null {
  const id = entry.payload.ticketId;
  return typeof id === 'number' ? id : null;
}

/** "Changed" refusals of replies in this conversation: the hub would have had the agent talk past new messages. */
export function refusedReplies(list: OutboxList, ticketId: number): NotSentEntry[] {
  return list.notSent.filter(
    (e) =>
      e.event === 'tickets.reply' &&
      e.reason.code === 'changed' &&
      payloadTicketId(e) === ticketId &&
      e.payload.internal !== true,
  );
}

/** The seq a queued reply was based on, as it went to the hub. */
export function seenSeqOf(entry: OutboxEntry): number {
  const seen = entry.payload.seenSeq;
  return typeof seen === 'number' ? seen : 0;
}

/** Commands on this ticket still waiting in the outbox (not replies: those show in the history). */
export function waitingActions(list: OutboxList, ticketId: number): OutboxEntry[] {
  return list.pending.filter(
    (e) => e.event !== 'tickets.reply' && e.event !== 'tickets.read' && payloadTicketId(e) === ticketId,
  );
}

/** Actions on this ticket (not replies, not read marks) the hub refused or that kept failing. */
export function refusedActions(list: OutboxList, ticketId: number): NotSentEntry[] {
  return list.notSent.filter(
    (e) => e.event !== 'tickets.reply' && e.event !== 'tickets.read' && payloadTicketId(e) === ticketId,
  );
}

/** Replies and notes to this ticket the hub has not acknowledged yet, in queue order. */
export function waitingReplies(list: OutboxList, ticketId: number): OutboxEntry[] {
  return list.pending.filter((e) => e.event === 'tickets.reply' && payloadTicketId(e) === ticketId);
}

/**
 * One open conversation: its messages (newest page first, older on demand,
 * pushes by seq), the ticket and customer, the context panel's orders and
 * earlier tickets, suggested replies, who else is here, and every action on
 * it through the outbox (lane `ticket:<id>`). Made and kept by
 * `conversationsStore`, so switching tickets and back loses nothing.
 */
export class ConversationStore {
  readonly feed: StreamFeed<TicketMessage>;
  private readonly changes = new Emitter();
  private readonly arrivals = new Emitter<[TicketMessage]>();
  private readonly stops: (() => void)[] = [];
  private started = false;
  private disposed = false;

  private detailValue: TicketDetail | null = null;
  private detailErrorValue: ErrorCode | null = null;
  private contextValue: TicketContext | null = null;
  private contextErrorValue: ErrorCode | null = null;
  private suggestionsValue: readonly Suggestion[] = [];
  private suggestForValue: number | null = null;
  private suggestAsked: number | null = null;
  private colleaguesValue: readonly Colleague[] = [];
  private readonly colleagueUntil = new Map<number, { colleague: Colleague; until: number }>();
  private colleagueTimer: ReturnType<typeof setTimeout> | undefined;
  private customerTypingValue = false;
  private customerTimer: ReturnType<typeof setTimeout> | undefined;
  private lastTypingSent = -Infinity;
  private opens = 0;
  private viewingTimer: ReturnType<typeof setInterval> | undefined;
  /** The newest seq on screen when the agent began the reply in the box; null while the box is empty. */
  private replyBasis: number | null = null;
  /** Set when a send was blocked here: messages after `since` are the new ones. */
  private blockValue: { since: number } | null = null;
  /** The read count last queued, so a burst of renders queues one mark. */
  private readQueued = -1;
  /** Suggestions sent with one press, by `<forSeq>:<cannedId>`: a second press must not send the same answer twice. */
  private sentValue: ReadonlySet<string> = new Set();
  private modeValue: ComposeMode = 'reply';
  /** The canned reply the text in the reply box started from, sent with it so the suggestions learn. */
  private cannedValue: number | null = null;

  constructor(
    private readonly session: Session,
    readonly ticketId: number,
  ) {
    this.feed = new StreamFeed(ticketSource(session.hub, ticketId), { pageSize, keep });
  }

  get detail(): TicketDetail | null {
    return this.detailValue;
  }
  get ticket(): TicketSummary | null {
    return this.detailValue?.ticket ?? null;
  }
  get detailError(): ErrorCode | null {
    return this.detailErrorValue;
  }
  get context(): TicketContext | null {
    return this.contextValue;
  }
  get contextError(): ErrorCode | null {
    return this.contextErrorValue;
  }
  /** Best first, at most three, for the customer's newest message (`suggestFor`). */
  get suggestions(): readonly Suggestion[] {
    return this.suggestionsValue;
  }
  get suggestFor(): number | null {
    return this.suggestForValue;
  }
  get colleagues(): readonly Colleague[] {
    return this.colleaguesValue;
  }
  get customerTyping(): boolean {
    return this.customerTypingValue;
  }
  /** Ascending by seq. */
  get messages(): readonly TicketMessage[] {
    return this.feed.items;
  }
  /** The newest message on screen (0 before any): what a reply sent now has seen. */
  get newestShown(): number {
    return this.feed.items.at(-1)?.seq ?? 0;
  }
  /** A send blocked here because messages arrived while the agent wrote; null otherwise. */
  get block(): { since: number } | null {
    return this.blockValue;
  }

  get mode(): ComposeMode {
    return this.modeValue;
  }
  setMode(mode: ComposeMode): void {
    if (mode === this.modeValue) return;
    this.modeValue = mode;
    this.changes.emit();
  }
  /** The canned reply the reply box's text started from, if any. */
  get cannedId(): number | null {
    return this.cannedValue;
  }
  setCannedId(id: number | null): void {
    this.cannedValue = id;
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

  /** A message from the customer or a colleague arrived (pushed, not the agent's own). */
  onArrival(listener: (message: TicketMessage) => void): () => void {
    return this.arrivals.subscribe(listener);
  }

  /** Starts following the hub: messages, the ticket, pushes about it. Once; the first open calls it. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    const { hub, outbox } = this.session;
    this.stops.push(this.feed.start());
    this.stops.push(this.feed.subscribe(() => this.onFeedChanged()));
    this.stops.push(
      hub.onConnected(() => {
        // Pushes were lost while away: the ticket is read again (the feed catches its messages up itself).
        void this.loadDetail();
        if (this.contextValue === null) void this.loadContext();
        if (this.opens > 0) this.sendActivity('viewing');
      }),
    );
    this.stops.push(
      hub.onPush('tickets.changed', ({ tickets }) => {
        const mine = tickets.find((t) => t.id === this.ticketId);
        if (mine) this.setTicket(mine);
      }),
    );
    this.stops.push(
      hub.onPush('tickets.messages', ({ ticketId, messages }) => {
        if (ticketId !== this.ticketId) return;
        for (const m of writtenSince(messages, 0, this.session.user.id)) this.arrivals.emit(m);
      }),
    );
    this.stops.push(
      hub.onPush('tickets.activity', ({ ticketId, user, activity }) => {
        if (ticketId !== this.ticketId || user.id === this.session.user.id) return;
        if (activity === 'left') this.colleagueUntil.delete(user.id);
        else {
          const shownMs = activity === 'typing' ? typingShownMs : viewingShownMs;
          this.colleagueUntil.set(user.id, {
            colleague: { id: user.id, name: user.displayName, activity },
            until: Date.now() + shownMs,
          });
        }
        this.sweepColleagues();
      }),
    );
    this.stops.push(
      hub.onPush('tickets.customerTyping', ({ ticketId }) => {
        if (ticketId === this.ticketId) this.setCustomerTyping(true);
      }),
    );
    this.stops.push(outbox.onDelivered((entry, data) => this.onDelivered(entry, data)));
    if (hub.connected) {
      void this.loadDetail();
      void this.loadContext();
    }
  }

  /**
   * The pane shows this conversation: colleagues see "viewing" now and every
   * 10 s, and "left" when the returned close is called.
   */
  open(): () => void {
    this.start();
    this.opens += 1;
    if (this.opens === 1) {
      this.sendActivity('viewing');
      this.viewingTimer = setInterval(() => this.sendActivity('viewing'), viewingEveryMs);
    }
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.opens -= 1;
      if (this.opens === 0) {
        clearInterval(this.viewingTimer);
        this.viewingTimer = undefined;
        this.sendActivity('left');
      }
    };
  }

  get isOpen(): boolean {
    return this.opens > 0;
  }

  /** The agent typed in the reply box or the note box: colleagues see it, told at most every 3 s. */
  typed(internal: boolean): void {
    const now = Date.now();
    if (now - this.lastTypingSent < typingEveryMs) return;
    this.lastTypingSent = now;
    this.session.hub.ephemeral('tickets.activity', { ticketId: this.ticketId, activity: 'typing', internal });
  }

  /**
   * The reply box's text changed: the first text marks what was on screen
   * when the agent began, the box emptied clears it. What arrives after
   * that mark blocks the send until the agent has seen it.
   */
  replyTextChanged(text: string): void {
    if (text.trim() === '') {
      this.replyBasis = null;
      this.cannedValue = null;
      if (this.blockValue !== null) {
        this.blockValue = null;
        this.changes.emit();
      }
      return;
    }
    if (this.replyBasis === null && this.feed.loaded) this.replyBasis = this.newestShown;
  }

  /**
   * The agent looked at the new messages: the reply is now based on what is
   * on screen, so "Send reply" goes through. The notice and the marks stay
   * until they send or empty the box, so "Send anyway" is still there.
   */
  reviewed(): void {
    this.replyBasis = this.newestShown;
  }

  /** Messages from the customer or colleagues after `seq`. */
  newSince(seq: number): TicketMessage[] {
    return writtenSince(this.feed.items, seq, this.session.user.id);
  }

  /**
   * Queues a reply or note on the host's disk (lane `ticket:<id>`); the feed
   * shows it once the hub has stored it. A reply is blocked here, before the
   * outbox, when messages from others are on screen that are newer than what
   * it was based on: the agent reviews them or sends anyway (`force`).
   */
  async send(input: ReplyInput): Promise<SendOutcome> {
    const { body, internal, cannedId, force = false } = input;
    const basedOn = input.basedOn ?? this.replyBasis ?? this.newestShown;
    if (!internal && !force && this.newSince(basedOn).length > 0) {
      this.blockValue = { since: basedOn };
      this.changes.emit();
      return { kind: 'blocked', since: basedOn };
    }
    const payload = {
      id: uuidv7(),
      ticketId: this.ticketId,
      body,
      internal,
      seenSeq: this.newestShown,
      force,
      ...(cannedId === undefined ? {} : { cannedId }),
    };
    const draftKey = internal ? noteDraftKey(this.ticketId) : replyDraftKey(this.ticketId);
    const answer = await this.session.outbox.enqueue('tickets.reply', payload, draftKey);
    if (!answer.ok) return { kind: 'failed', code: answer.error.code };
    // A suggestion sent with one press leaves the box and what its text was based on alone.
    if (!internal && input.basedOn === undefined) {
      this.replyBasis = null;
      if (this.blockValue !== null) {
        this.blockValue = null;
        this.changes.emit();
      }
      // A refused reply whose text went out in this one is answered: it leaves the not-sent list.
      const sent = body.trim();
      for (const entry of refusedReplies(this.session.outbox.list, this.ticketId)) {
        const typed = entry.typed?.trim() ?? '';
        if (force || (typed !== '' && sent.includes(typed))) await this.session.outbox.discard(entry.id);
      }
    }
    return { kind: 'queued', entry: answer.data };
  }

  /**
   * One press on a suggestion's Send: the filled text goes out as a reply,
   * based on the customer message the suggestion answers, at most once per
   * suggestion and message.
   */
  async sendSuggestion(cannedId: number, body: string): Promise<SendOutcome | { kind: 'already' }> {
    const key = `${this.suggestForValue ?? 0}:${cannedId}`;
    if (this.sentValue.has(key)) return { kind: 'already' };
    this.sentValue = new Set([...this.sentValue, key]);
    this.changes.emit();
    const outcome = await this.send({
      body,
      internal: false,
      cannedId,
      basedOn: this.suggestForValue ?? this.newestShown,
    });
    if (outcome.kind !== 'queued') {
      this.sentValue = new Set([...this.sentValue].filter((k) => k !== key));
      this.changes.emit();
    }
    return outcome;
  }

  /** Suggestions sent (or being sent) with one press, as `<forSeq>:<cannedId>`; a new set on each change. */
  get sentSuggestions(): ReadonlySet<string> {
    return this.sentValue;
  }

  claim(): Promise<Ack<OutboxEntry>> {
    return this.session.outbox.enqueue('tickets.claim', { id: uuidv7(), ticketId: this.ticketId }, null);
  }

  setStatus(status: StatusAction, snoozeUntil?: number): Promise<Ack<OutboxEntry>> {
    return this.session.outbox.enqueue(
      'tickets.setStatus',
      {
        id: uuidv7(),
        ticketId: this.ticketId,
        status,
        ...(status === 'snoozed' && snoozeUntil !== undefined ? { snoozeUntil } : {}),
      },
      null,
    );
  }

  /** To a colleague (or back to the queue with null), with a note they read first. */
  transfer(toUserId: number | null, note: string): Promise<Ack<OutboxEntry>> {
    const trimmed = note.trim();
    return this.session.outbox.enqueue(
      'tickets.transfer',
      { id: uuidv7(), ticketId: this.ticketId, toUserId, ...(trimmed ? { note: trimmed } : {}) },
      null,
    );
  }

  update(change: { priority?: TicketSummary['priority']; tags?: string[] }): Promise<Ack<OutboxEntry>> {
    return this.session.outbox.enqueue(
      'tickets.update',
      { id: uuidv7(), ticketId: this.ticketId, ...change },
      null,
    );
  }

  /** Colleagues to transfer to, as the hub lists them now. */
  agents(): Promise<Ack<CommandOutput<'agents.list'>>> {
    return this.session.hub.request('agents.list', {});
  }

  /**
   * The agent sees this conversation (shown, window focused): the customer's
   * messages count as read. One mark per new count, through the outbox's own
   * read lane, so it never waits behind a reply.
   */
  markRead(): void {
    const detail = this.detailValue;
    if (!detail) return;
    const count = detail.ticket.customerMessages;
    if (count <= detail.readCount || count <= this.readQueued) return;
    this.readQueued = count;
    void this.session.outbox
      .enqueue('tickets.read', { id: uuidv7(), ticketId: this.ticketId, readCount: count }, null)
      .then((answer) => {
        if (!answer.ok && this.readQueued === count) this.readQueued = -1;
      });
  }

  /** Unread customer messages as the hub last said. */
  get unread(): number {
    const detail = this.detailValue;
    return detail ? Math.max(0, detail.ticket.customerMessages - detail.readCount) : 0;
  }

  loadOlder(): Promise<void> {
    return this.feed.loadOlder();
  }
  loadNewer(): Promise<void> {
    return this.feed.loadNewer();
  }

  /** Reads the ticket again (after a failure the pane offers it). */
  async reload(): Promise<void> {
    await Promise.all([this.loadDetail(), this.loadContext(), this.feed.catchUp()]);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.opens > 0) this.sendActivity('left');
    this.opens = 0;
    clearInterval(this.viewingTimer);
    clearTimeout(this.colleagueTimer);
    clearTimeout(this.customerTimer);
    for (const stop of this.stops.splice(0)) stop();
  }

  private sendActivity(activity: 'viewing' | 'left'): void {
    if (this.disposed && activity !== 'left') return;
    this.session.hub.ephemeral('tickets.activity', { ticketId: this.ticketId, activity, internal: false });
  }

  private async loadDetail(): Promise<void> {
    const answer = await this.session.hub.request('tickets.get', { ticketId: this.ticketId });
    if (this.disposed) return;
    if (answer.ok) {
      this.detailValue = answer.data;
      this.detailErrorValue = null;
    } else {
      this.detailErrorValue = answer.error.code;
    }
    this.changes.emit();
  }

  private async loadContext(): Promise<void> {
    const answer = await this.session.hub.request('tickets.context', { ticketId: this.ticketId });
    if (this.disposed) return;
    if (answer.ok) {
      this.contextValue = answer.data;
      this.contextErrorValue = null;
    } else {
      this.contextErrorValue = answer.error.code;
    }
    this.changes.emit();
  }

  /** The customer's newest message moved on: its suggestions are asked for again. */
  private async loadSuggestions(forSeq: number): Promise<void> {
    this.suggestAsked = forSeq;
    const answer = await this.session.hub.request('tickets.suggest', { ticketId: this.ticketId });
    if (this.disposed || this.suggestAsked !== forSeq) return;
    if (!answer.ok) {
      // Asked again at the next customer message or reconnect; the reply box works without.
      this.suggestAsked = null;
      return;
    }
    this.suggestionsValue = answer.data.suggestions;
    this.suggestForValue = answer.data.forSeq;
    this.changes.emit();
  }

  private onFeedChanged(): void {
    if (!this.feed.loaded) return;
    const items = this.feed.items;
    let latestCustomer = 0;
    for (let i = items.length - 1; i >= 0; i--) {
      const m = items[i];
      if (m?.author.kind === 'customer' && m.kind === 'message') {
        latestCustomer = m.seq;
        break;
      }
    }
    // A customer message ends their "typing…"; a colleague's ends theirs.
    const newest = items.at(-1);
    if (newest?.author.kind === 'customer' && this.customerTypingValue) this.setCustomerTyping(false);
    if (newest?.author.kind === 'agent' && newest.author.id !== null) {
      const seen = this.colleagueUntil.get(newest.author.id);
      if (seen?.colleague.activity === 'typing') {
        this.colleagueUntil.set(newest.author.id, {
          colleague: { ...seen.colleague, activity: 'viewing' },
          until: Date.now() + viewingShownMs,
        });
        this.sweepColleagues();
      }
    }
    if (this.suggestAsked === null || latestCustomer > this.suggestAsked)
      void this.loadSuggestions(latestCustomer);
  }

  private onDelivered(entry: OutboxEntry, data: unknown): void {
    if (payloadTicketId(entry) !== this.ticketId) return;
    switch (entry.event) {
      case 'tickets.reply': {
        const parsed = ticketsProtocol.ticketReplyOutput.safeParse(data);
        if (!parsed.success) return;
        this.feed.receive(parsed.data.message);
        this.setTicket(parsed.data.ticket);
        return;
      }
      case 'tickets.read': {
        const parsed = ticketsProtocol.ticketReadOutput.safeParse(data);
        if (!parsed.success || !this.detailValue) return;
        this.detailValue = { ...this.detailValue, readCount: parsed.data.readCount };
        this.changes.emit();
        return;
      }
      case 'tickets.claim':
      case 'tickets.transfer':
      case 'tickets.setStatus':
      case 'tickets.update': {
        const parsed = ticketChangeOutput.safeParse(data);
        if (parsed.success) this.setTicket(parsed.data.ticket);
        return;
      }
      default:
        return;
    }
  }

  private setTicket(ticket: TicketSummary): void {
    const detail = this.detailValue;
    if (!detail) return;
    // Pushes and acks can cross: an older picture of the ticket never replaces a newer one.
    if (ticket.updatedAt < detail.ticket.updatedAt) return;
    this.detailValue = { ...detail, ticket };
    this.changes.emit();
  }

  private setCustomerTyping(on: boolean): void {
    clearTimeout(this.customerTimer);
    this.customerTimer = on ? setTimeout(() => this.setCustomerTyping(false), typingShownMs) : undefined;
    if (on === this.customerTypingValue) return;
    this.customerTypingValue = on;
    this.changes.emit();
  }

  /** Drops lapsed colleagues, publishes the rest, and wakes again when the next one lapses. */
  private sweepColleagues(): void {
    clearTimeout(this.colleagueTimer);
    this.colleagueTimer = undefined;
    const now = Date.now();
    let next = Infinity;
    for (const [id, { until }] of this.colleagueUntil) {
      if (until <= now) this.colleagueUntil.delete(id);
      else next = Math.min(next, until);
    }
    const list = [...this.colleagueUntil.values()].map((v) => v.colleague);
    const same =
      list.length === this.colleaguesValue.length &&
      list.every((c, i) => {
        const was = this.colleaguesValue[i];
        return was?.id === c.id && was.activity === c.activity && was.name === c.name;
      });
    if (!same) {
      this.colleaguesValue = list;
      this.changes.emit();
    }
    if (next !== Infinity && !this.disposed) {
      this.colleagueTimer = setTimeout(() => this.sweepColleagues(), next - now);
    }
  }
}
