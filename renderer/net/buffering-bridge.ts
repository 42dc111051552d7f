import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  HostSession,
  OutboxEntry,
  OutboxList,
  WingsBridge,
} from '../../shared/bridge';
import type { BrowserBuffer, LastSave } from '../../shared/domain/connection-notice';
import { checkQueuedCommand } from '../../shared/domain/queued-command';
import { fail, ok, type Ack } from '../../shared/protocol';
import { Emitter } from './emitter';
import type { BufferedDraft, BufferedEntry, HostBufferStore } from './host-buffer-store';
import type { HostLink } from './host-link';
import type { HostStatus } from './host-status';

/** Buffered entries sort after anything the host numbered (its seq is a small SQLite rowid). */
const bufferedSeqBase = 1_000_000_000;

interface Known {
  worker: string;
  /** The host link dropped after this session was seen: a restarted host may have forgotten it. */
  dropped: boolean;
}

type AnyAck = Ack<unknown>;

/**
 * The bridge as the session uses it in web mode: while the host is out of
 * reach (the web process stopped), the signed-in worker's drafts and sends
 * are kept in this browser (IndexedDB, ./host-buffer-store.ts) instead of
 * failing, and the outbox keeps showing and sending them. When the host
 * answers again for the same worker (the same session after a blip, or a new
 * sign-in after a restart) they are handed over before that answer reaches
 * the app: drafts to the host's drafts, sends to its outbox in the order they
 * were sent, each under the id it already has (the host outbox and the hub
 * apply an id once), and each leaves the browser once the host has it.
 */
export class BufferingBridge implements WingsBridge, HostStatus {
  private readonly known = new Map<string, Known>();
  /** What the host last said, per session: shown while it is away instead of nothing. */
  private readonly hostDrafts = new Map<string, Map<string, string | null>>();
  private readonly hostLists = new Map<string, OutboxList>();
  private readonly handing = new Map<string, Promise<void>>();
  private readonly changes = new Emitter();
  private bufferValue: BrowserBuffer = 'checking';
  private lastSaveValue: LastSave = null;

  constructor(
    private readonly inner: WingsBridge,
    private readonly hostLink: HostLink,
    private readonly store: HostBufferStore,
    private readonly now: () => number = Date.now,
  ) {
    this.store.open().then(
      () => this.setBuffer('working'),
      () => this.setBuffer('failed'),
    );
    hostLink.subscribe(() => {
      if (hostLink.state === 'lost' || hostLink.state === 'refused') {
        for (const known of this.known.values()) known.dropped = true;
      }
      this.changes.emit();
    });
  }

  get link(): HostLink['state'] {
    return this.hostLink.state;
  }
  get refusal(): HostLink['refusal'] {
    return this.hostLink.refusal;
  }
  get buffer(): BrowserBuffer {
    return this.bufferValue;
  }
  get lastSave(): LastSave {
    return this.lastSaveValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  listen: WingsBridge['listen'] = (name, handler) => this.inner.listen(name, handler);

  async call<N extends ChannelName>(name: N, input: ChannelInput<N>): Promise<Ack<ChannelOutput<N>>> {
    // One dispatch on the name; each branch knows its own channel's types.
    return (await this.route(name, input)) as Ack<ChannelOutput<N>>;
  }

  private async route(name: ChannelName, input: unknown): Promise<AnyAck> {
    switch (name) {
      case 'session.signIn':
      case 'session.current':
        return this.adopting(await this.inner.call(name, input as never));
      case 'session.signOut': {
        const { sessionId } = input as ChannelInput<'session.signOut'>;
        this.forget(sessionId);
        return this.inner.call(name, input as never);
      }
      case 'drafts.get':
        return this.draftGet(input as ChannelInput<'drafts.get'>);
      case 'drafts.put':
      case 'drafts.delete':
        return this.draftWrite(name, input as ChannelInput<'drafts.put'> | ChannelInput<'drafts.delete'>);
      case 'outbox.put':
        return this.outboxPut(input as ChannelInput<'outbox.put'>);
      case 'outbox.list':
        return this.outboxList(input as ChannelInput<'outbox.list'>);
      case 'outbox.attempted':
      case 'outbox.delivered':
      case 'outbox.notSent':
        return this.outboxSettle(name, input as ChannelInput<'outbox.notSent'>);
      default:
        return this.inner.call(name, input as never);
    }
  }

  /** A session the host answered with: remember whose it is, and hand over what waits for that worker. */
  private async adopting(answer: AnyAck): Promise<AnyAck> {
    if (!answer.ok) return answer;
    const data = answer.data as { session?: HostSession | null; sessionId?: string };
    const session = 'sessionId' in data ? (data as HostSession) : (data.session ?? null);
    if (!session) return answer;
    const worker = session.owner;
    this.known.set(session.sessionId, { worker, dropped: false });
    await this.handOver(worker, session.sessionId);
    return answer;
  }

  private forget(sessionId: string): void {
    this.known.delete(sessionId);
    this.hostDrafts.delete(sessionId);
    this.hostLists.delete(sessionId);
  }

  /** Whether a worker-scoped call should be kept in the browser instead of the host's answer. */
  private keepsLocally(sessionId: string, answer: AnyAck | null): Known | null {
    const known = this.known.get(sessionId);
    if (!known) return null;
    if (answer === null) return known;
    if (answer.ok) return null;
    if (answer.error.code === 'unavailable') return known;
    // A restarted host no longer knows this session: what the page still writes for it is kept for the next sign-in.
    if (answer.error.code === 'forbidden' && known.dropped) return known;
    return null;
  }

  private reachable(): boolean {
    return this.hostLink.state === 'connected';
  }

  private async draftGet(input: ChannelInput<'drafts.get'>): Promise<AnyAck> {
    const answer = this.reachable() ? await this.inner.call('drafts.get', input) : null;
    if (answer?.ok) {
      this.cacheDraft(input.sessionId, input.key, answer.data.text);
      const known = this.known.get(input.sessionId);
      // Not handed over yet (a blip): the text typed in the browser is the newer one.
      const buffered = known ? await this.buffered(known.worker, input.key) : null;
      return buffered ? ok({ text: buffered.text || null, updatedAt: buffered.updatedAt }) : answer;
    }
    const known = this.keepsLocally(input.sessionId, answer);
    if (!known) return answer ?? fail('unavailable', 'Wings cannot reach its host.');
    const buffered = await this.buffered(known.worker, input.key);
    if (buffered) return ok({ text: buffered.text || null, updatedAt: buffered.updatedAt });
    const cached = this.hostDrafts.get(input.sessionId)?.get(input.key);
    if (cached !== undefined) return ok({ text: cached, updatedAt: null });
    return answer ?? fail('unavailable', 'Wings cannot reach its host.');
  }

  private async buffered(worker: string, key: string): Promise<BufferedDraft | null> {
    try {
      return await this.store.getDraft(worker, key);
    } catch {
      return null;
    }
  }

  private cacheDraft(sessionId: string, key: string, text: string | null): void {
    let drafts = this.hostDrafts.get(sessionId);
    if (!drafts) {
      drafts = new Map();
      this.hostDrafts.set(sessionId, drafts);
    }
    drafts.set(key, text);
  }

  private async draftWrite(
    name: 'drafts.put' | 'drafts.delete',
    input: ChannelInput<'drafts.put'> | ChannelInput<'drafts.delete'>,
  ): Promise<AnyAck> {
    const text = 'text' in input ? input.text : '';
    const answer = this.reachable() ? await this.inner.call(name, input as never) : null;
    if (answer?.ok) {
      this.cacheDraft(input.sessionId, input.key, text || null);
      this.setLastSave('host');
      return answer;
    }
    const known = this.keepsLocally(input.sessionId, answer);
    if (!known) {
      if (answer && !answer.ok && answer.error.code !== 'forbidden') this.setLastSave('failed');
      return answer ?? fail('unavailable', 'Wings cannot reach its host.');
    }
    const updatedAt = this.now();
    try {
      await this.store.putDraft({ worker: known.worker, key: input.key, text, updatedAt });
    } catch {
      this.setBuffer('failed');
      this.setLastSave('failed');
      return fail('unavailable', 'Neither the host nor this browser could keep the draft.');
    }
    this.setBuffer('working');
    this.setLastSave('browser');
    return name === 'drafts.put' ? ok({ updatedAt }) : ok({});
  }

  private async outboxPut(input: ChannelInput<'outbox.put'>): Promise<AnyAck> {
    const answer = this.reachable() ? await this.inner.call('outbox.put', input) : null;
    if (answer?.ok) {
      this.setLastSave('host');
      return answer;
    }
    const known = this.keepsLocally(input.sessionId, answer);
    if (!known) {
      // A refusal of the command itself (bad input, a reused id) is the composer's to say; the rest is unsaved work.
      if (answer && !answer.ok && !['invalid_input', 'conflict'].includes(answer.error.code)) {
        this.setLastSave('failed');
      }
      return answer ?? fail('unavailable', 'Wings cannot reach its host.');
    }
    // The host would refuse what this version cannot send; so does the browser, with the same rule.
    const check = checkQueuedCommand(input.event, input.payload);
    if (!check.ok) return fail('invalid_input', check.reason.message);
    if (input.payload['id'] !== input.id)
      return fail('invalid_input', 'The command id must match the entry id.');
    try {
      const existing = (await this.store.entries(known.worker)).find((row) => row.entry.id === input.id);
      if (existing) return ok({ entry: existing.entry });
      const entry: OutboxEntry = {
        id: input.id,
        seq: bufferedSeqBase,
        event: input.event,
        payload: input.payload,
        lane: check.lane,
        typed: check.typed,
        draftKey: input.draftKey,
        createdAt: this.now(),
        attempts: 0,
      };
      const row = await this.store.addEntry(known.worker, entry);
      const stamped = { ...row, entry: { ...entry, seq: bufferedSeqBase + row.local } };
      await this.store.updateEntry(stamped);
      this.setBuffer('working');
      this.setLastSave('browser');
      return ok({ entry: stamped.entry });
    } catch {
      this.setBuffer('failed');
      this.setLastSave('failed');
      return fail('unavailable', 'Neither the host nor this browser could keep it.');
    }
  }

  private async outboxList(input: ChannelInput<'outbox.list'>): Promise<AnyAck> {
    const answer = this.reachable() ? await this.inner.call('outbox.list', input) : null;
    if (answer?.ok) this.hostLists.set(input.sessionId, answer.data);
    const known = answer?.ok ? this.known.get(input.sessionId) : this.keepsLocally(input.sessionId, answer);
    if (!known) return answer ?? fail('unavailable', 'Wings cannot reach its host.');
    const base = answer?.ok ? answer.data : this.hostLists.get(input.sessionId);
    if (!base && !answer?.ok) return answer ?? fail('unavailable', 'Wings cannot reach its host.');
    // An unreadable buffer shows what the host said; the host's notice already says the browser keeps nothing.
    const rows = await this.store.entries(known.worker).catch((): BufferedEntry[] => []);
    const list = base ?? { pending: [], notSent: [] };
    const ids = new Set([...list.pending, ...list.notSent].map((e) => e.id));
    const now = this.now();
    const fresh = rows.filter((row) => !row.delivered && !ids.has(row.entry.id));
    return ok({
      pending: [...list.pending, ...fresh.filter((r) => !r.notSent).map((r) => r.entry)],
      notSent: [
        ...list.notSent,
        ...fresh.flatMap((r) => (r.notSent ? [{ ...r.entry, reason: r.notSent, failedAt: now }] : [])),
      ],
    } satisfies OutboxList);
  }

  /** attempted / delivered / notSent of an entry that only this browser holds are settled here. */
  private async outboxSettle(
    name: 'outbox.attempted' | 'outbox.delivered' | 'outbox.notSent',
    input: ChannelInput<'outbox.notSent'> | { sessionId: string; id: string },
  ): Promise<AnyAck> {
    const known = this.known.get(input.sessionId);
    let row: BufferedEntry | undefined;
    if (known) {
      try {
        row = (await this.store.entries(known.worker)).find((r) => r.entry.id === input.id);
      } catch {
        row = undefined;
      }
    }
    if (!row) return this.inner.call(name, input as never);
    try {
      if (name === 'outbox.delivered') {
        // The hub applied it, straight from this page: nothing is left to hand over.
        await this.store.dropEntry(row.local);
        return ok({});
      }
      if (name === 'outbox.notSent' && 'reason' in input) {
        await this.store.updateEntry({ ...row, notSent: input.reason });
        return ok({});
      }
      const attempts = row.entry.attempts + 1;
      await this.store.updateEntry({ ...row, entry: { ...row.entry, attempts } });
      return ok({ attempts });
    } catch {
      return fail('unavailable', 'This browser could not record it.');
    }
  }

  /** Drafts, then sends in the order they were sent; one handover per worker at a time. */
  private handOver(worker: string, sessionId: string): Promise<void> {
    const previous = this.handing.get(worker) ?? Promise.resolve();
    const next = previous.then(() => this.handOverNow(worker, sessionId)).catch(() => undefined);
    this.handing.set(worker, next);
    return next;
  }

  private async handOverNow(worker: string, sessionId: string): Promise<void> {
    if (this.bufferValue === 'failed') return;
    let drafts: BufferedDraft[];
    let rows: BufferedEntry[];
    try {
      [drafts, rows] = await Promise.all([this.store.drafts(worker), this.store.entries(worker)]);
    } catch {
      return;
    }
    for (const draft of drafts) {
      const answer =
        draft.text === ''
          ? await this.inner.call('drafts.delete', { sessionId, key: draft.key })
          : await this.inner.call('drafts.put', { sessionId, key: draft.key, text: draft.text });
      if (!answer.ok) return;
      this.cacheDraft(sessionId, draft.key, draft.text || null);
      await this.store.dropDraft(draft);
    }
    for (const row of rows) {
      if (!row.delivered) {
        const { id, event, payload, draftKey } = row.entry;
        const put = await this.inner.call('outbox.put', { sessionId, id, event, payload, draftKey });
        // `conflict`: the host already holds this id (an earlier handover got that far); it keeps the first.
        if (!put.ok && put.error.code !== 'conflict') {
          // Refused as a command (cannot happen for what passed the same check here): kept, the rest go on.
          if (put.error.code === 'invalid_input') continue;
          return;
        }
        if (row.notSent) {
          const marked = await this.inner.call('outbox.notSent', { sessionId, id, reason: row.notSent });
          if (!marked.ok) return;
        }
      }
      await this.store.dropEntry(row.local);
    }
    this.changes.emit();
  }

  private setBuffer(state: BrowserBuffer): void {
    if (state === this.bufferValue) return;
    this.bufferValue = state;
    this.changes.emit();
  }

  private setLastSave(state: LastSave): void {
    if (state === this.lastSaveValue) return;
    this.lastSaveValue = state;
    this.changes.emit();
  }
}
