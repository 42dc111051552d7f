import { v7 as uuidv7 } from 'uuid';
import type { OutboxEntry } from '../../shared/bridge';
import { Rerun } from '../../shared/domain/rerun';
import type { Ack, CannedReply, ErrorCode } from '../../shared/protocol';
import { cannedReplySchema } from '../../shared/protocol/tickets';
import { Emitter } from '../net/emitter';
import { defineStore } from '../session/store-registry';
import type { Session } from '../session/session';

const none: readonly CannedReply[] = [];
const noEntries: readonly OutboxEntry[] = [];

/** `agent`: one agent's personal reply, kept by a supervisor for them (`ownerId`). */
export type CannedScope = 'org' | 'mine' | 'agent';

/** What the editor saves: a new reply without `cannedId`, a change to one with it. */
export interface CannedDraft {
  cannedId?: number;
  scope: CannedScope;
  /** Whose personal reply: with scope `agent` only, as the hub insists. */
  ownerId?: number;
  shortcut: string;
  title: string;
  body: string;
  locale: 'zh-CN' | 'en' | null;
}

/**
 * The draft key a reply's body is kept under while it is edited: `canned:<id>`,
 * or `canned:new` (`canned:new:<ownerId>` for a new one for an agent, so a
 * half-written reply for one agent never turns up in another's form).
 */
export function cannedDraftKey(cannedId: number | null, ownerId: number | null = null): string {
  if (cannedId !== null) return `canned:${cannedId}`;
  return ownerId === null ? 'canned:new' : `canned:new:${ownerId}`;
}

/** Code-unit order, as SQLite sorts the hub's list: a refetch must not reshuffle what is on screen. */
function byShortcut(a: CannedReply, b: CannedReply): number {
  return a.shortcut < b.shortcut ? -1 : a.shortcut > b.shortcut ? 1 : a.id - b.id;
}

/** The reply a delivered `canned.save` answered with, if it reads as one. */
function savedReply(data: unknown): CannedReply | null {
  const parsed = cannedReplySchema.safeParse((data as { canned?: unknown } | null)?.canned);
  return parsed.success ? parsed.data : null;
}

const cannedEvents = new Set<string>(['canned.save', 'canned.delete']);

/**
 * A list of canned replies read with `canned.list` and kept current: read
 * again on every canned.changed push and reconnect, and what this worker's
 * outbox delivers shows at once, before the push's re-read. Subclasses say
 * what to ask for and which replies belong in their list.
 */
abstract class CannedList {
  protected value: readonly CannedReply[] = none;
  private loadedValue = false;
  private errorValue: ErrorCode | null = null;
  protected readonly changes = new Emitter();
  private readonly load: Rerun;
  protected readonly stops: (() => void)[] = [];

  constructor(protected readonly session: Session) {
    const { hub, outbox } = session;
    this.load = new Rerun(async () => {
      const input = this.listInput();
      if (input === null) return;
      const answer = await hub.request('canned.list', input);
      // Another list chosen meanwhile: this answer is about replies no longer on screen.
      if (this.listInput()?.ownerId !== input.ownerId) return;
      if (answer.ok) {
        this.value = answer.data;
        this.loadedValue = true;
        this.errorValue = null;
      } else {
        this.errorValue = answer.error.code;
      }
      this.changes.emit();
    });
    this.stops.push(hub.onPush('canned.changed', () => void this.refresh()));
    this.stops.push(hub.onConnected(() => void this.refresh()));
    this.stops.push(
      outbox.onDelivered((entry, data) => {
        if (entry.event === 'canned.save') {
          const reply = savedReply(data);
          if (!reply) return;
          // Saved into another list (a supervisor's save for an agent), or moved out of this one.
          if (this.belongs(reply)) this.put(reply);
          else this.drop(reply.id);
        } else if (entry.event === 'canned.delete') {
          const cannedId = entry.payload.cannedId;
          if (typeof cannedId === 'number') this.drop(cannedId);
        }
      }),
    );
  }

  /** What `canned.list` is asked; null: nothing to read now. */
  protected abstract listInput(): { ownerId?: number } | null;
  /** Whether a reply the hub saved is one of this list's. */
  protected abstract belongs(reply: CannedReply): boolean;

  /** Shortcut order, as the hub lists them. */
  get list(): readonly CannedReply[] {
    return this.value;
  }
  get loaded(): boolean {
    return this.loadedValue;
  }
  get error(): ErrorCode | null {
    return this.errorValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Resolves after a read that started after this call (at once when there is nothing to read). */
  refresh(): Promise<void> {
    return this.listInput() === null ? Promise.resolve() : this.load.run();
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Empties the list for a new read (another agent's replies). */
  protected reset(): void {
    this.value = none;
    this.loadedValue = false;
    this.errorValue = null;
    this.changes.emit();
  }

  private put(reply: CannedReply): void {
    this.value = [...this.value.filter((r) => r.id !== reply.id), reply].sort(byShortcut);
    this.changes.emit();
  }

  private drop(cannedId: number): void {
    if (!this.value.some((r) => r.id === cannedId)) return;
    this.value = this.value.filter((r) => r.id !== cannedId);
    this.changes.emit();
  }
}

/**
 * The canned replies this worker may use: the organisation's and their own.
 * Saving and deleting go through the outbox (lane `canned`), so a reply
 * written offline is kept on the host's disk and sent once; a refusal (a
 * shortcut already taken, say) lands in "not sent" with its text.
 */
export class CannedStore extends CannedList {
  private waitingValue: readonly OutboxEntry[] = noEntries;

  constructor(session: Session) {
    super(session);
    const { hub, outbox } = session;
    this.stops.push(outbox.subscribe(() => this.followOutbox()));
    this.followOutbox();
    if (hub.connected) void this.refresh();
  }

  protected listInput(): { ownerId?: number } {
    return {};
  }

  protected belongs(reply: CannedReply): boolean {
    return reply.ownerId === null || reply.ownerId === this.session.user.id;
  }

  /** Saves and deletions waiting in the outbox, oldest first. */
  get waiting(): readonly OutboxEntry[] {
    return this.waitingValue;
  }

  /** Queues the reply on the host's disk; the body is kept under `draftKey` so "Copy back" can restore it. */
  save(draft: CannedDraft, draftKey: string | null): Promise<Ack<OutboxEntry>> {
    const { cannedId, ownerId, ...rest } = draft;
    return this.session.outbox.enqueue(
      'canned.save',
      {
        id: uuidv7(),
        ...(cannedId === undefined ? {} : { cannedId }),
        // The hub refuses an ownerId beside any other scope.
        ...(rest.scope === 'agent' && ownerId !== undefined ? { ownerId } : {}),
        ...rest,
      },
      draftKey,
    );
  }

  remove(cannedId: number): Promise<Ack<OutboxEntry>> {
    return this.session.outbox.enqueue('canned.delete', { id: uuidv7(), cannedId }, null);
  }

  private followOutbox(): void {
    const waiting = this.session.outbox.pending.filter((entry) => cannedEvents.has(entry.event));
    const same =
      waiting.length === this.waitingValue.length &&
      waiting.every((entry, i) => entry.id === this.waitingValue[i]?.id);
    if (same) return;
    this.waitingValue = waiting.length === 0 ? noEntries : waiting;
    this.changes.emit();
  }
}

export const cannedStore = defineStore('ticketCanned', (session: Session) => new CannedStore(session));

/**
 * One agent's personal replies, for the supervisor managing them: read with
 * `canned.list { ownerId }` for the agent `show` chose. Saving and deleting
 * go through `CannedStore` (the same outbox lane).
 */
export class AgentCannedStore extends CannedList {
  private ownerValue: number | null = null;

  protected listInput(): { ownerId: number } | null {
    return this.ownerValue === null ? null : { ownerId: this.ownerValue };
  }

  protected belongs(reply: CannedReply): boolean {
    return this.ownerValue !== null && reply.ownerId === this.ownerValue;
  }

  /** Whose replies are read; null: nobody's. */
  get ownerId(): number | null {
    return this.ownerValue;
  }

  /** Reads `ownerId`'s replies from now on (null: stops reading); another agent's start empty, unloaded. */
  show(ownerId: number | null): void {
    if (ownerId === this.ownerValue) return;
    this.ownerValue = ownerId;
    this.reset();
    if (this.session.hub.connected) void this.refresh();
  }
}

export const agentCannedStore = defineStore(
  'ticketAgentCanned',
  (session: Session) => new AgentCannedStore(session),
);
