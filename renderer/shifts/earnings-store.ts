import { dayKeyOf, defaultTimeZone } from '../../shared/domain/calendar';
import { Rerun } from '../../shared/domain/rerun';
import type { ErrorCode } from '../../shared/protocol';
import type { EarningsView, Statement } from '../../shared/protocol/pay';
import { Emitter } from '../net/emitter';
import type { Session } from '../session/session';
import { defineStore } from '../session/store-registry';

export type EarningsPeriod = 'day' | 'week' | 'month';

export interface EarningsSnapshot {
  readonly period: EarningsPeriod;
  /** The day the period is asked around (today in the organisation's zone, unless the view names one). */
  readonly day: string | null;
  readonly view: EarningsView | null;
  readonly loading: boolean;
  readonly error: ErrorCode | null;
}

export interface StatementSnapshot {
  readonly month: string | null;
  readonly statement: Statement | null;
  readonly loading: boolean;
  readonly error: ErrorCode | null;
}

export interface EarningsStoreOptions {
  now?: () => number;
}

/**
 * The worker's earnings for today, this week or this month, and a month's
 * pay statement: both read from the hub (the ledger is the hub's), asked
 * again on every reconnect and whenever the hub says the ledger moved
 * (`earnings.changed`). The period the worker chose stays chosen across
 * workspace switches.
 */
export class EarningsStore {
  private earningsValue: EarningsSnapshot = {
    period: 'day',
    day: null,
    view: null,
    loading: false,
    error: null,
  };
  private statementValue: StatementSnapshot = { month: null, statement: null, loading: false, error: null };
  private readonly changes = new Emitter();
  private readonly loadEarnings: Rerun;
  private readonly loadStatement: Rerun;
  private readonly stops: (() => void)[] = [];
  private readonly now: () => number;
  private timeZone = defaultTimeZone;
  private chosenDay: string | null = null;
  private disposed = false;

  constructor(session: Session, options: EarningsStoreOptions = {}) {
    const { hub } = session;
    this.now = options.now ?? Date.now;
    this.loadEarnings = new Rerun(async () => {
      const { period } = this.earningsValue;
      const day = this.chosenDay ?? dayKeyOf(this.now(), this.timeZone);
      this.setEarnings({ loading: true, day });
      const answer = await hub.request('earnings.mine', { period, day, offset: 0, limit: 50 });
      // The worker chose another period meanwhile: the rerun that follows answers for it.
      if (period !== this.earningsValue.period) return;
      if (answer.ok) {
        const zoneChanged = answer.data.timeZone !== this.timeZone;
        this.timeZone = answer.data.timeZone;
        this.setEarnings({ view: answer.data, loading: false, error: null });
        // "Today" is the organisation's day: asked again in its zone if that differs from the guess.
        if (zoneChanged && this.chosenDay === null && dayKeyOf(this.now(), this.timeZone) !== day)
          void this.loadEarnings.run();
      } else {
        this.setEarnings({ loading: false, error: answer.error.code });
      }
    });
    this.loadStatement = new Rerun(async () => {
      const { month } = this.statementValue;
      if (month === null) return;
      this.setStatement({ loading: true });
      const answer = await hub.request('statement.get', { month });
      if (month !== this.statementValue.month) return;
      if (answer.ok) this.setStatement({ statement: answer.data, loading: false, error: null });
      else this.setStatement({ loading: false, error: answer.error.code });
    });
    this.stops.push(
      hub.onConnected(() => void this.reload()),
      hub.onPush('earnings.changed', () => void this.reload()),
    );
    if (hub.connected) void this.loadEarnings.run();
  }

  get earnings(): EarningsSnapshot {
    return this.earningsValue;
  }
  get statement(): StatementSnapshot {
    return this.statementValue;
  }
  /** The organisation's zone as the hub last said, for "this month" and the statement's months. */
  get zone(): string {
    return this.timeZone;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  choosePeriod(period: EarningsPeriod): Promise<void> {
    if (period !== this.earningsValue.period) this.setEarnings({ period, view: null, error: null });
    return this.loadEarnings.run();
  }

  /** A day other than today (from `#/shifts/<week>`), or null for today. */
  chooseDay(day: string | null): Promise<void> {
    if (day !== this.chosenDay) {
      this.chosenDay = day;
      this.setEarnings({ view: null, error: null });
    }
    return this.loadEarnings.run();
  }

  openStatement(month: string): Promise<void> {
    if (month !== this.statementValue.month) this.setStatement({ month, statement: null, error: null });
    return this.loadStatement.run();
  }

  closeStatement(): void {
    this.setStatement({ month: null, statement: null, loading: false, error: null });
  }

  dispose(): void {
    this.disposed = true;
    for (const stop of this.stops.splice(0)) stop();
  }

  private reload(): Promise<void> {
    return Promise.all([this.loadEarnings.run(), this.loadStatement.run()]).then(() => undefined);
  }

  private setEarnings(patch: Partial<EarningsSnapshot>): void {
    if (this.disposed) return;
    this.earningsValue = { ...this.earningsValue, ...patch };
    this.changes.emit();
  }

  private setStatement(patch: Partial<StatementSnapshot>): void {
    if (this.disposed) return;
    this.statementValue = { ...this.statementValue, ...patch };
    this.changes.emit();
  }
}

export const earningsStore = defineStore('shifts.earnings', (session: Session) => new EarningsStore(session));
