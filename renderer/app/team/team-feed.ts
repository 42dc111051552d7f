import type {
  Ack,
  CommandInput,
  CommandOutput,
  ErrorCode,
  PushPayload,
  TeamMessage,
} from '../../../shared/protocol';
import { Emitter } from '../../net/emitter';
import type { ConnectionState } from '../../net/connection-state';

/** The part of the hub connection the feed needs; HubConnection is one. */
export interface TeamSource {
  readonly state: ConnectionState;
  request(
    name: 'team.history',
    input: CommandInput<'team.history'>,
  ): Promise<Ack<CommandOutput<'team.history'>>>;
  onPush(name: 'team.message', handler: (payload: PushPayload<'team.message'>) => void): () => void;
  onConnected(listener: () => void): () => void;
}

const pageSize = 200;
/** Enough scroll-back for a shift; older notes stay on the hub. */
const keep = 500;

/**
 * The team stream as this window has seen it. Pushes carry a per-stream seq:
 * the next one is appended, an older one is a duplicate, a jump means pushes
 * were missed (e.g. while offline) and the feed asks team.history for the gap.
 */
export class TeamFeed {
  private readonly bySeq = new Map<number, TeamMessage>();
  private readonly changes = new Emitter();
  private snapshot: readonly TeamMessage[] = [];
  private lastSeq: number | null = null;
  private catching: Promise<void> | null = null;
  private again = false;
  private errorValue: ErrorCode | null = null;

  constructor(private readonly hub: TeamSource) {}

  get messages(): readonly TeamMessage[] {
    return this.snapshot;
  }
  /** The error code of the last failed catch-up, null once one succeeds. */
  get error(): ErrorCode | null {
    return this.errorValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  start(): () => void {
    const offPush = this.hub.onPush('team.message', ({ message }) => this.receive(message));
    const offConnect = this.hub.onConnected(() => void this.catchUp());
    if (this.hub.state === 'connected') void this.catchUp();
    return () => {
      offPush();
      offConnect();
    };
  }

  /** A message known from a push or from the ack of our own post. */
  receive(message: TeamMessage): void {
    this.merge([message]);
    // Before the first catch-up there is no baseline; that catch-up will cover this message too.
    if (this.lastSeq === null) return;
    if (message.seq === this.lastSeq + 1) this.lastSeq = message.seq;
    else if (message.seq > this.lastSeq + 1) void this.catchUp();
  }

  catchUp(): Promise<void> {
    if (this.catching) {
      this.again = true;
      return this.catching;
    }
    this.catching = this.loop().finally(() => {
      this.catching = null;
    });
    return this.catching;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        const ack = await this.hub.request(
          'team.history',
          this.lastSeq === null ? { limit: pageSize } : { afterSeq: this.lastSeq, limit: pageSize },
        );
        if (!ack.ok) {
          this.setError(ack.error.code);
          return;
        }
        this.setError(null);
        this.merge(ack.data.items);
        const highest = Math.max(this.lastSeq ?? 0, ...ack.data.items.map((m) => m.seq));
        this.lastSeq = highest;
        if (ack.data.items.length < pageSize || highest >= ack.data.lastSeq) break;
      }
    } while (this.again);
  }

  private merge(messages: readonly TeamMessage[]): void {
    let changed = false;
    for (const message of messages) {
      if (this.bySeq.has(message.seq)) continue;
      this.bySeq.set(message.seq, message);
      changed = true;
    }
    if (!changed) return;
    const sorted = [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
    for (const old of sorted.slice(0, Math.max(0, sorted.length - keep))) this.bySeq.delete(old.seq);
    this.snapshot = sorted.slice(-keep);
    this.changes.emit();
  }

  private setError(code: ErrorCode | null): void {
    if (code === this.errorValue) return;
    this.errorValue = code;
    this.changes.emit();
  }
}
