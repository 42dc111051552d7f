import type { BreakReason, ClockList, LocalClockEvent, WingsBridge } from '../../shared/bridge';
import { clockSkewMs } from '../../shared/domain/clock-skew';
import { Rerun } from '../../shared/domain/rerun';
import type { ClockKind } from '../../shared/domain/shifts/clock-event';
import { fail, ok, type Ack, type ErrorCode } from '../../shared/protocol';
import { clockOutput, type MyShiftState, type ShiftsMine } from '../../shared/protocol/shifts';
import { Emitter } from '../net/emitter';
import type { Session } from '../session/session';
import { defineStore } from '../session/store-registry';

export interface ShiftSnapshot {
  /** This workstation's record, from the host: there with the hub unreachable. */
  readonly local: ClockList | null;
  readonly localError: ErrorCode | null;
  /** The hub's view: state, today's shifts and skew flags. */
  readonly mine: ShiftsMine | null;
  readonly mineError: ErrorCode | null;
  /** Hub − this computer, measured on this launch's last connect; else the host's last known. */
  readonly skewMs: number | null;
  /** The press being written to the host right now; its buttons wait. */
  readonly recording: ClockKind | null;
  /**
   * Local events the hub's `mine` may not reflect yet: waiting to be sent, or delivered after the
   * last hub read began. While any is here the local record decides the state shown.
   */
  readonly unconfirmed: ReadonlySet<string>;
}

const empty: ShiftSnapshot = {
  local: null,
  localError: null,
  mine: null,
  mineError: null,
  skewMs: null,
  recording: null,
  unconfirmed: new Set(),
};

/** Enough of the newest local events to know the state and today's presses. */
const localLimit = 50;

export interface ShiftStoreOptions {
  now?: () => number;
}

/**
 * The worker's shift: clock presses go to the host (its disk, then the
 * outbox's clock lane), so they work with the hub away; the hub's
 * `shifts.mine` and its `shifts.changed` pushes say what it made of them.
 * The skew is measured on every connect (session.whoami carries the hub's
 * time) and handed to the host with each press, so even an event recorded
 * offline tells the supervisor how far this clock was off.
 */
export class ShiftStore {
  private snapshotValue: ShiftSnapshot = empty;
  private measuredSkew: number | null = null;
  /**
   * Command id → the generation it was seen delivered at (Infinity while not yet). A hub read that
   * began at or after that generation reflects it; one that began before may answer the old state.
   */
  private readonly awaiting = new Map<string, number>();
  private generation = 0;
  private readonly changes = new Emitter();
  private readonly readLocal: Rerun;
  private readonly readHub: Rerun;
  private readonly stops: (() => void)[] = [];
  private readonly bridge: WingsBridge;
  private readonly now: () => number;
  private disposed = false;

  constructor(
    private readonly session: Session,
    options: ShiftStoreOptions = {},
  ) {
    this.bridge = session.options.bridge;
    this.now = options.now ?? Date.now;
    const { hub } = session;
    this.readLocal = new Rerun(async () => {
      const answer = await this.bridge.call('clock.list', { sessionId: session.id, limit: localLimit });
      if (answer.ok)
        this.set({ local: answer.data, localError: null, skewMs: this.measuredSkew ?? answer.data.skewMs });
      else this.set({ localError: answer.error.code });
    });
    this.readHub = new Rerun(async () => {
      const started = this.generation;
      const answer = await hub.request('shifts.mine', {});
      if (!answer.ok) {
        this.set({ mineError: answer.error.code });
        return;
      }
      for (const [id, delivered] of this.awaiting) if (started >= delivered) this.awaiting.delete(id);
      this.set({ mine: answer.data, mineError: null, unconfirmed: this.unconfirmed() });
    });
    this.stops.push(
      hub.onConnected(() => {
        void this.measureSkew();
        void this.readHub.run();
      }),
      hub.onPush('shifts.changed', ({ state }) => {
        this.foldState(state);
        // Today's shifts and flags changed with it; the push carries only the state.
        void this.readHub.run();
      }),
      // Every change of the outbox may be one of ours delivered or refused: the statuses follow.
      this.bridge.listen('outbox.changed', () => void this.readLocal.run()),
      session.outbox.onDelivered((entry, data) => {
        if (entry.event !== 'shifts.clock') return;
        const answer = clockOutput.safeParse(data);
        this.markDelivered(entry.id);
        if (answer.success) this.foldState(answer.data.state);
        void this.readLocal.run();
      }),
    );
    void this.readLocal.run();
    if (hub.connected) {
      void this.measureSkew();
      void this.readHub.run();
    }
  }

  get snapshot(): ShiftSnapshot {
    return this.snapshotValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /**
   * One press: written to the host's disk with its outbox entry, then the
   * outbox sends it when it can. Refused only when the host cannot write it.
   */
  async record(kind: ClockKind, breakReason?: BreakReason): Promise<Ack<LocalClockEvent>> {
    if (this.snapshotValue.recording) return fail('conflict', 'A clock event is being recorded.');
    this.set({ recording: kind });
    try {
      const answer = await this.bridge.call('clock.record', {
        sessionId: this.session.id,
        event: {
          kind,
          ...(kind === 'break_start' && breakReason ? { breakReason } : {}),
          deviceSkewMs: this.measuredSkew,
        },
      });
      if (!answer.ok) return answer;
      this.awaiting.set(answer.data.event.commandId, Infinity);
      await this.readLocal.run();
      return ok(answer.data.event);
    } catch {
      return fail('unavailable', 'The workstation did not answer.');
    } finally {
      this.set({ recording: null });
    }
  }

  refresh(): Promise<void> {
    return Promise.all([this.readLocal.run(), this.readHub.run()]).then(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    for (const stop of this.stops.splice(0)) stop();
  }

  private async measureSkew(): Promise<void> {
    const sentAt = this.now();
    const answer = await this.session.hub.request('session.whoami', {});
    const receivedAt = this.now();
    if (!answer.ok) return;
    this.measuredSkew = clockSkewMs(sentAt, receivedAt, answer.data.serverTime);
    this.set({ skewMs: this.measuredSkew });
  }

  private markDelivered(commandId: string): void {
    if (this.awaiting.get(commandId) !== Infinity) return;
    this.generation += 1;
    this.awaiting.set(commandId, this.generation);
    void this.readHub.run();
  }

  private unconfirmed(): ReadonlySet<string> {
    return new Set(this.awaiting.keys());
  }

  private foldState(state: MyShiftState): void {
    const mine = this.snapshotValue.mine;
    // Before the first read there is nothing to fold into; the read that follows brings it all.
    if (mine) this.set({ mine: { ...mine, state } });
  }

  private set(patch: Partial<ShiftSnapshot>): void {
    if (this.disposed) return;
    this.snapshotValue = { ...this.snapshotValue, ...patch };
    this.changes.emit();
  }
}

export const shiftStore = defineStore('shifts.shift', (session: Session) => new ShiftStore(session));
