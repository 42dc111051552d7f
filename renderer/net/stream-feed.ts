import { Rerun } from '../../shared/domain/rerun';
import type { Ack, ErrorCode } from '../../shared/protocol/ack';
import type { StreamPage, StreamPageInput } from '../../shared/protocol/stream';
import { maxStreamPage } from '../../shared/protocol/stream';
import { Emitter } from './emitter';

/**
 * Where a feed reads one push stream: the stream's page command (team.history,
 * later a conversation's or a live room's) and its push. A HubConnection
 * adapts to it in a few lines; tests give it a real socket or a fake store.
 */
export interface StreamSource<T> {
  readonly connected: boolean;
  page(input: StreamPageInput): Promise<Ack<StreamPage<T>>>;
  /** Every pushed item of this stream; returns the unsubscribe. */
  onItem(handler: (item: T) => void): () => void;
  /** Each (re)connect; the feed catches up after it. */
  onConnected(listener: () => void): () => void;
}

export interface StreamFeedOptions {
  /** Items per request: the newest page, each older page, each piece of a gap. */
  pageSize: number;
  /** The most items held in memory; at least one page. */
  keep: number;
}

/** A source that throws instead of answering is treated as a hub out of reach. */
const thrownCode: ErrorCode = 'unavailable';

function ascending<T extends { seq: number }>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => a.seq - b.seq);
  return sorted.filter((item, i) => i === 0 || item.seq !== sorted[i - 1]?.seq);
}

/**
 * One push stream as this window has seen it: a window of consecutive items,
 * newest-first on start (one request), older pages on demand, pushes applied
 * by seq. A push that jumps ahead is held and exactly the missing seqs are
 * asked for (afterSeq = the last consecutive seq, limit = the gap, in pages);
 * a reconnect asks for what came after the last known seq. All of that runs
 * as one task through `Rerun`, so a burst of pushes or reconnects costs one
 * more pass, not one request each. Nothing here throws: a failed page sets
 * `error`, the next successful one clears it.
 *
 * Memory cap, which end is dropped: the end the worker is not reading.
 * - Following the newest (the usual case), the OLDEST items go; `hasOlder`
 *   turns true again and `loadOlder` brings them back.
 * - Once the worker reads back (`loadOlder`), their page must not be yanked
 *   away under them, so the oldest end is never dropped. A read-back page
 *   that overflows drops the NEWEST items instead, and when the window is full
 *   the feed stops taking pushes into it: it is "detached". Items that arrive
 *   then are not lost, they still count as new: `newer` says how many exist
 *   past the window, and `loadNewer` pages forward to them (dropping the
 *   oldest again, as the worker is heading back to the present) until the
 *   window meets the newest and follows pushes again.
 */
export class StreamFeed<T extends { seq: number }> {
  private readonly pageSize: number;
  private readonly keep: number;
  private readonly changes = new Emitter();
  private readonly sync: Rerun;

  /** Consecutive items, ascending; `snapshot` is its published copy. */
  private list: T[] = [];
  private snapshot: readonly T[] = [];
  /** The last consecutive seq at the live end; null until the newest page arrives (0: an empty stream). */
  private tip: number | null = null;
  /** Pushed items past a gap, applied once the gap is filled. */
  private readonly held = new Map<number, T>();
  /**
   * The hub may have items after `tip` that no push announced (after a
   * reconnect). Counted, not a flag: a reconnect while a catch-up page is on
   * its way must not be cleared by that page's answer.
   */
  private behindAsked = 0;
  private behindDone = 0;
  private detached = false;
  private readingBack = false;
  private reachedStart = false;
  /** The newest seq known to exist, from pushes and pages. */
  private knownLast = 0;
  private errorValue: ErrorCode | null = null;
  private older: Promise<void> | null = null;
  private newer: Promise<void> | null = null;
  /** Bumped on stop, so answers to a stopped feed's requests are dropped. */
  private generation = 0;
  private live = false;
  private listChanged = false;
  private stateChanged = false;

  constructor(
    private readonly source: StreamSource<T>,
    options: StreamFeedOptions,
  ) {
    const { pageSize, keep } = options;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxStreamPage)
      throw new RangeError(`pageSize must be 1..${maxStreamPage}`);
    if (!Number.isInteger(keep) || keep < pageSize) throw new RangeError('keep must hold at least one page');
    this.pageSize = pageSize;
    this.keep = keep;
    this.sync = new Rerun(() => this.syncOnce());
  }

  /** Ascending by seq; the same array until something in it changes. */
  get items(): readonly T[] {
    return this.snapshot;
  }
  /** The code of the last failed page, null once one succeeds. */
  get error(): ErrorCode | null {
    return this.errorValue;
  }
  /** The newest page has arrived (the stream may still be empty). */
  get loaded(): boolean {
    return this.tip !== null;
  }
  get hasOlder(): boolean {
    return this.tip !== null && this.list.length > 0 && !this.reachedStart;
  }
  get loadingOlder(): boolean {
    return this.older !== null;
  }
  /** The window stopped short of the newest items while the worker reads back. */
  get hasNewer(): boolean {
    return this.detached;
  }
  /** How many items exist past the window (seqs are consecutive per stream); 0 while following. */
  get newerCount(): number {
    return this.detached && this.tip !== null ? Math.max(0, this.knownLast - this.tip) : 0;
  }
  get loadingNewer(): boolean {
    return this.newer !== null;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** Follows the source: pushes, reconnects, and the first load when connected. Returns the stop. */
  start(): () => void {
    if (this.live) return () => undefined;
    this.live = true;
    const generation = this.generation;
    const offItem = this.source.onItem((item) => this.receive(item));
    const offConnected = this.source.onConnected(() => {
      if (this.tip !== null) this.markBehind();
      this.kick();
    });
    if (this.source.connected) this.kick();
    return () => {
      if (generation !== this.generation) return;
      this.generation++;
      this.live = false;
      offItem();
      offConnected();
    };
  }

  /**
   * Asks again for whatever is missing (the newest page before the first
   * load, a gap, a catch-up that failed); resolves when a pass that started
   * after this call is over.
   */
  catchUp(): Promise<void> {
    return this.sync.run();
  }

  /** An item known from a push, or from the ack of our own command. */
  receive(item: T): void {
    this.noteLast(item.seq);
    if (this.tip === null) {
      // Before the newest page there is no baseline; that page places it, or shows the gap before it.
      // The kick retries a newest page that failed; while one is on its way it costs no request.
      this.hold(item);
      this.kick();
    } else if (item.seq > this.tip && !this.detached) {
      if (item.seq === this.tip + 1) {
        this.append(item);
        this.drainHeld();
      } else {
        this.hold(item);
        this.kick();
      }
    }
    this.publish();
  }

  /** The page before the oldest item; a second call while one is loading waits for the same one. */
  loadOlder(): Promise<void> {
    if (this.older) return this.older;
    const first = this.list[0];
    if (!this.hasOlder || !first) return Promise.resolve();
    this.readingBack = true;
    this.older = this.fetchOlder(first.seq).finally(() => {
      this.older = null;
      this.stateChanged = true;
      this.publish();
    });
    this.stateChanged = true;
    this.publish();
    return this.older;
  }

  /**
   * The worker is reading toward the present again (at the newest items, or
   * asking for newer ones): from now on the oldest end is the one dropped,
   * and a detached window pages forward one page.
   */
  loadNewer(): Promise<void> {
    this.readingBack = false;
    if (this.newer) return this.newer;
    if (!this.detached || this.tip === null) return Promise.resolve();
    this.newer = this.fetchNewer(this.tip).finally(() => {
      this.newer = null;
      this.stateChanged = true;
      this.publish();
    });
    this.stateChanged = true;
    this.publish();
    return this.newer;
  }

  private kick(): void {
    void this.sync.run();
  }

  private async syncOnce(): Promise<void> {
    if (!this.live) return;
    if (this.tip === null && !(await this.loadNewest())) return;
    if (this.detached) {
      if (this.behind) await this.probe();
      return;
    }
    await this.fill();
  }

  private async loadNewest(): Promise<boolean> {
    const limit = this.pageSize;
    const page = await this.fetch({ limit });
    if (!page) return false;
    const items = ascending(page.items);
    this.list = items;
    this.listChanged = true;
    this.tip = items.at(-1)?.seq ?? 0;
    this.reachedStart = items.length < limit || (items[0]?.seq ?? 1) <= 1;
    this.noteLast(page.lastSeq);
    this.drainHeld();
    this.publish();
    return true;
  }

  /** Fills every gap below a held push, then (after a reconnect) pages on to the hub's newest. */
  private async fill(): Promise<void> {
    for (;;) {
      if (!this.live || this.detached || this.tip === null) return;
      const next = this.lowestHeld();
      if (next === undefined && !this.behind) return;
      const asked = this.behindAsked;
      const afterSeq = this.tip;
      const limit = Math.min(this.pageSize, next === undefined ? this.pageSize : next - afterSeq - 1);
      if (limit < 1) {
        // The held item is next after all: taking it moves the tip, so this cannot spin.
        this.drainHeld();
        continue;
      }
      const page = await this.fetch({ afterSeq, limit });
      if (!page) return;
      this.noteLast(page.lastSeq);
      for (const item of ascending(page.items)) {
        // Pushes may have moved the tip while the page was on its way.
        if (this.detached) break;
        if (item.seq > this.tip) this.append(item);
      }
      // Fewer than asked: the hub holds nothing else after afterSeq, so a
      // shortfall below a held push is a hole in the stream, not a wait.
      const complete = page.items.length < limit;
      if (next === undefined) {
        if (complete || this.tip >= page.lastSeq) this.behindDone = asked;
      } else if (complete && !this.detached && this.tip < next - 1) {
        this.tip = next - 1;
      }
      this.drainHeld();
      this.publish();
    }
  }

  /** Detached after a reconnect: one small page to learn how many items are newer. */
  private async probe(): Promise<void> {
    const asked = this.behindAsked;
    const afterSeq = Math.max(this.knownLast, this.tip ?? 0);
    const page = await this.fetch({ afterSeq, limit: 1 });
    if (!page) return;
    this.behindDone = asked;
    this.noteLast(page.lastSeq);
    this.publish();
  }

  private async fetchOlder(beforeSeq: number): Promise<void> {
    const limit = this.pageSize;
    const page = await this.fetch({ beforeSeq, limit });
    // A page for a window that has moved since (loadNewer dropped its start) no longer joins it.
    if (!page || this.list[0]?.seq !== beforeSeq) return;
    this.noteLast(page.lastSeq);
    const older = ascending(page.items).filter((item) => item.seq < beforeSeq);
    this.list.unshift(...older);
    this.reachedStart = page.items.length < limit || (older[0]?.seq ?? beforeSeq) <= 1;
    this.listChanged = true;
    if (this.list.length > this.keep) {
      this.list.length = this.keep;
      this.tip = this.list.at(-1)?.seq ?? this.tip;
      this.detach();
    }
    this.publish();
  }

  private async fetchNewer(afterSeq: number): Promise<void> {
    const limit = this.pageSize;
    const page = await this.fetch({ afterSeq, limit });
    if (!page || !this.detached || this.tip !== afterSeq) return;
    this.noteLast(page.lastSeq);
    for (const item of ascending(page.items)) if (item.seq > this.tip) this.append(item);
    if (page.items.length < limit || this.tip >= page.lastSeq) {
      this.detached = false;
      this.stateChanged = true;
      // Pushes while detached were only counted; the catch-up takes them in.
      if (this.knownLast > this.tip) {
        this.markBehind();
        this.kick();
      }
    }
    this.publish();
  }

  private async fetch(input: StreamPageInput): Promise<StreamPage<T> | null> {
    const generation = this.generation;
    let ack: Ack<StreamPage<T>>;
    try {
      ack = await this.source.page(input);
    } catch {
      ack = { ok: false, error: { code: thrownCode, message: 'the stream source failed' } };
    }
    if (generation !== this.generation) return null;
    this.setError(ack.ok ? null : ack.error.code);
    this.publish();
    return ack.ok ? ack.data : null;
  }

  /** Takes the item after the tip; at the cap, drops the oldest or detaches (see the class comment). */
  private append(item: T): void {
    if (this.list.length >= this.keep && this.readingBack) {
      this.detach();
      return;
    }
    this.list.push(item);
    this.tip = item.seq;
    this.held.delete(item.seq);
    if (this.list.length > this.keep) {
      this.list.splice(0, this.list.length - this.keep);
      this.reachedStart = false;
    }
    this.listChanged = true;
  }

  private detach(): void {
    this.detached = true;
    this.held.clear();
    this.behindDone = this.behindAsked;
    this.stateChanged = true;
  }

  private hold(item: T): void {
    this.held.set(item.seq, item);
    if (this.held.size <= this.keep) return;
    // Pushes pile up while a gap cannot be fetched: forget the newest, a catch-up pages them in.
    const newest = Math.max(...this.held.keys());
    this.held.delete(newest);
    this.markBehind();
  }

  private get behind(): boolean {
    return this.behindAsked > this.behindDone;
  }

  private markBehind(): void {
    this.behindAsked++;
  }

  private drainHeld(): void {
    const tip = this.tip;
    if (tip === null) return;
    for (const seq of this.held.keys()) if (seq <= tip) this.held.delete(seq);
    for (;;) {
      if (this.detached || this.tip === null) return;
      const next = this.held.get(this.tip + 1);
      if (!next) return;
      this.append(next);
    }
  }

  private lowestHeld(): number | undefined {
    let lowest: number | undefined;
    for (const seq of this.held.keys()) if (lowest === undefined || seq < lowest) lowest = seq;
    return lowest;
  }

  private noteLast(seq: number): void {
    if (seq <= this.knownLast) return;
    this.knownLast = seq;
    if (this.detached) this.stateChanged = true;
  }

  private setError(code: ErrorCode | null): void {
    if (code === this.errorValue) return;
    this.errorValue = code;
    this.stateChanged = true;
  }

  private publish(): void {
    if (this.listChanged) this.snapshot = [...this.list];
    const changed = this.listChanged || this.stateChanged;
    this.listChanged = false;
    this.stateChanged = false;
    if (changed) this.changes.emit();
  }
}
