import type { NotSentEntry, NotSentReason, OutboxEntry, OutboxList, WingsBridge } from '../../shared/bridge';
import { notSentReasonSchema } from '../../shared/bridge';
import {
  defaultOutboxPolicy,
  OutboxSender,
  type OutboxClock,
  type OutboxPolicy,
  type OutboxStorage,
  type Send,
} from '../../shared/domain/outbox';
import { checkQueuedCommand } from '../../shared/domain/queued-command';
import type { Ack, CommandInput, MutatingCommandName } from '../../shared/protocol';
import { ok } from '../../shared/protocol';
import { callOrThrow } from '../net/bridge-call';
import { Emitter } from '../net/emitter';

/** The host keeps a reason's message to the schema's bound (UTF-16 units); cut at a code point, never inside a pair. */
const maxReasonLength = notSentReasonSchema.shape.message.maxLength ?? Infinity;
function clip(message: string): string {
  if (message.length <= maxReasonLength) return message;
  let out = '';
  for (const char of message) {
    if (out.length + char.length > maxReasonLength) break;
    out += char;
  }
  return out;
}

/** The outbox on the host's disk, through the bridge, always as the signed-in session it was given. */
export function bridgeOutboxStorage(bridge: WingsBridge, sessionId: string): OutboxStorage {
  return {
    list: () => callOrThrow(bridge, 'outbox.list', { sessionId }),
    attempted: async (id) => (await callOrThrow(bridge, 'outbox.attempted', { sessionId, id })).attempts,
    delivered: async (id) => {
      await callOrThrow(bridge, 'outbox.delivered', { sessionId, id });
    },
    notSent: async (id, reason) => {
      await callOrThrow(bridge, 'outbox.notSent', {
        sessionId,
        id,
        reason: { code: reason.code, message: clip(reason.message) },
      });
    },
  };
}

export const realClock: OutboxClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};

/** Null while the entry is still a command this version can send; else why it is not. */
export function validateQueued(entry: OutboxEntry): NotSentReason | null {
  const check = checkQueuedCommand(entry.event, entry.payload);
  return check.ok ? null : check.reason;
}

export interface SessionOutboxOptions {
  bridge: WingsBridge;
  sessionId: string;
  send: Send;
  /** Every (re)connect of the hub link: waiting lanes go at once. */
  onConnected(listener: () => void): () => void;
  clock?: OutboxClock;
  policy?: Partial<Omit<OutboxPolicy, 'validate'>>;
}

const emptyList: OutboxList = { pending: [], notSent: [] };

/**
 * The signed-in worker's outbox as the renderer sees and drives it: what
 * waits, what was not sent, and the worker's actions on both. It lives as
 * long as the session, so a refusal that arrives while no view of it is on
 * screen is still here (and on the host's disk) when the worker looks.
 */
export class SessionOutbox {
  private readonly changes = new Emitter();
  private readonly delivered = new Emitter<[OutboxEntry, unknown]>();
  private readonly refused = new Emitter<[OutboxEntry, NotSentReason]>();
  private readonly sender: OutboxSender;
  private listValue: OutboxList = emptyList;
  private readonly stops: (() => void)[] = [];
  private started = false;

  constructor(private readonly options: SessionOutboxOptions) {
    this.sender = new OutboxSender(
      bridgeOutboxStorage(options.bridge, options.sessionId),
      options.send,
      { ...defaultOutboxPolicy, ...options.policy, validate: validateQueued },
      options.clock ?? realClock,
      {
        delivered: (entry, data) => this.delivered.emit(entry, data),
        notSent: (entry, reason) => this.refused.emit(entry, reason),
        changed: (list) => {
          this.listValue = list;
          this.changes.emit();
        },
      },
    );
  }

  /** Both lists at once, the same object until either changes (for useSyncExternalStore). */
  get list(): OutboxList {
    return this.listValue;
  }
  get pending(): readonly OutboxEntry[] {
    return this.listValue.pending;
  }
  get notSent(): readonly NotSentEntry[] {
    return this.listValue.notSent;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** The hub applied an entry; `data` is its answer (a posted note, say), for the store that shows it. */
  onDelivered(listener: (entry: OutboxEntry, data: unknown) => void): () => void {
    return this.delivered.subscribe(listener);
  }

  /** An entry moved to "not sent" just now (it stays listed until the worker acts on it). */
  onNotSent(listener: (entry: OutboxEntry, reason: NotSentReason) => void): () => void {
    return this.refused.subscribe(listener);
  }

  /** Reads the outbox, follows the host's changes to it, and sends on every connect. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stops.push(
      this.options.bridge.listen('outbox.changed', (counts) => {
        // This window's own sends already updated its list; only a change made elsewhere (another
        // window, a restart's sweep) shows as other counts, and only that is worth reading the list for.
        const { pending, notSent } = this.listValue;
        if (counts.pending !== pending.length || counts.notSent !== notSent.length) void this.refresh();
      }),
    );
    this.stops.push(this.options.onConnected(() => this.sender.wake()));
    void this.refresh();
  }

  /**
   * Queues a command on the host's disk first, then tries to send it. The
   * host checks it parses as that command (`invalid_input` if not: the
   * composer keeps the text and says why).
   */
  async enqueue<N extends MutatingCommandName>(
    event: N,
    payload: CommandInput<N> & { id: string },
    draftKey: string | null,
  ): Promise<Ack<OutboxEntry>> {
    const answer = await this.options.bridge.call('outbox.put', {
      sessionId: this.options.sessionId,
      id: payload.id,
      event,
      payload,
      draftKey,
    });
    if (!answer.ok) return answer;
    await this.refresh();
    this.sender.wake();
    return ok(answer.data.entry);
  }

  /** Back into its lane with a fresh attempt count, sent as soon as the lane allows. */
  async retry(id: string): Promise<Ack<Record<string, never>>> {
    return this.settle(
      await this.options.bridge.call('outbox.retry', { sessionId: this.options.sessionId, id }),
    );
  }

  /** Thrown away for good, at the worker's word. */
  async discard(id: string): Promise<Ack<Record<string, never>>> {
    return this.settle(
      await this.options.bridge.call('outbox.discard', { sessionId: this.options.sessionId, id }),
    );
  }

  stop(): void {
    this.sender.stop();
    for (const stop of this.stops.splice(0)) stop();
  }

  private async settle(answer: Ack<Record<string, never>>): Promise<Ack<Record<string, never>>> {
    if (answer.ok) {
      await this.refresh();
      this.sender.wake();
    }
    return answer;
  }

  private async refresh(): Promise<void> {
    try {
      await this.sender.refresh();
    } catch {
      // The host did not answer; its next outbox.changed, or the next action, reads the list again.
    }
  }
}
