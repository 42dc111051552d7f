import { v7 as uuidv7 } from 'uuid';
import type { NotSentReason, OutboxEntry } from '../../../shared/bridge';
import { Rerun } from '../../../shared/domain/rerun';
import type { Ack, CommandOutput, ErrorCode } from '../../../shared/protocol';
import type { Timesheet, TimesheetPeriod } from '../../../shared/protocol/shifts';
import { Emitter } from '../../net/emitter';
import type { Session } from '../../session/session';
import { defineStore } from '../../session/store-registry';

export type TimesheetList = CommandOutput<'timesheets.list'>;

export interface TimesheetChoice {
  period: TimesheetPeriod;
  /** Any day of the period; the hub answers for the week's Monday or the month's 1st. */
  start: string;
}

/** What became of one queued decision or edit, by its outbox entry id. */
export type DecisionOutcome =
  { state: 'waiting' } | { state: 'saved' } | { state: 'refused'; reason: NotSentReason };

const decisionEvents = new Set<string>(['timesheets.approve', 'timesheets.return', 'timesheets.editShift']);

/**
 * The period's timesheets (timesheets.list) and the one open (timesheets.get).
 * Approve, return and edit go through the outbox (their own lane per worker,
 * so an edit lands before the approval that follows it); when one lands the
 * list and the open sheet are read again, audit trail included.
 */
export class TimesheetsStore {
  private choiceValue: TimesheetChoice | null = null;
  private listValue: TimesheetList | null = null;
  private listError: ErrorCode | null = null;
  private openUser: number | null = null;
  private sheetValue: Timesheet | null = null;
  private sheetError: ErrorCode | null = null;
  private outcomes = new Map<string, DecisionOutcome>();
  private versionValue = 0;
  private readonly changes = new Emitter();
  private readonly loadList: Rerun;
  private readonly loadSheet: Rerun;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly session: Session) {
    const { hub, outbox } = session;
    this.loadList = new Rerun(async () => {
      const choice = this.choiceValue;
      if (choice === null) return;
      const answer = await hub.request('timesheets.list', choice);
      if (choice !== this.choiceValue) return;
      if (answer.ok) {
        this.listValue = answer.data;
        this.listError = null;
      } else {
        this.listError = answer.error.code;
      }
      this.changes.emit();
    });
    this.loadSheet = new Rerun(async () => {
      const choice = this.choiceValue;
      const userId = this.openUser;
      if (choice === null || userId === null) return;
      const answer = await hub.request('timesheets.get', { userId, ...choice });
      if (choice !== this.choiceValue || userId !== this.openUser) return;
      if (answer.ok) {
        this.sheetValue = answer.data;
        this.sheetError = null;
      } else {
        this.sheetError = answer.error.code;
      }
      this.changes.emit();
    });
    this.stops.push(
      hub.onConnected(() => {
        void this.loadList.run();
        void this.loadSheet.run();
      }),
    );
    this.stops.push(
      outbox.onDelivered((entry) => {
        if (!decisionEvents.has(entry.event)) return;
        this.settle(entry.id, { state: 'saved' });
        void this.loadList.run();
        void this.loadSheet.run();
      }),
    );
    this.stops.push(
      outbox.onNotSent((entry, reason) => {
        if (decisionEvents.has(entry.event)) this.settle(entry.id, { state: 'refused', reason });
      }),
    );
    // A clock event changes someone's hours: the open period is read again.
    this.stops.push(hub.onPush('roster.changed', () => void this.loadList.run()));
  }

  get choice(): TimesheetChoice | null {
    return this.choiceValue;
  }
  get list(): TimesheetList | null {
    return this.listValue;
  }
  get listFailure(): ErrorCode | null {
    return this.listError;
  }
  get openUserId(): number | null {
    return this.openUser;
  }
  get sheet(): Timesheet | null {
    return this.sheetValue;
  }
  get sheetFailure(): ErrorCode | null {
    return this.sheetError;
  }
  /** Bumps whenever an outcome changes, for useSyncExternalStore. */
  get version(): number {
    return this.versionValue;
  }

  outcome(entryId: string): DecisionOutcome | null {
    return this.outcomes.get(entryId) ?? null;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  choose(choice: TimesheetChoice): Promise<void> {
    this.choiceValue = choice;
    this.listValue = null;
    this.sheetValue = null;
    this.changes.emit();
    void this.loadSheet.run();
    return this.loadList.run();
  }

  open(userId: number | null): Promise<void> {
    this.openUser = userId;
    this.sheetValue = null;
    this.sheetError = null;
    this.changes.emit();
    return this.loadSheet.run();
  }

  refresh(): Promise<void> {
    void this.loadSheet.run();
    return this.loadList.run();
  }

  approve(userId: number, comment: string): Promise<Ack<OutboxEntry>> {
    const choice = this.current();
    const trimmed = comment.trim();
    return this.queue(
      this.session.outbox.enqueue(
        'timesheets.approve',
        { id: uuidv7(), userId, ...choice, ...(trimmed ? { comment: trimmed } : {}) },
        null,
      ),
    );
  }

  /** A return says what to fix: the comment is required (the hub refuses an empty one too). */
  sendBack(userId: number, comment: string): Promise<Ack<OutboxEntry>> {
    const choice = this.current();
    return this.queue(
      this.session.outbox.enqueue(
        'timesheets.return',
        { id: uuidv7(), userId, ...choice, comment: comment.trim() },
        null,
      ),
    );
  }

  editShift(
    userId: number,
    shiftKey: string,
    startedAt: number,
    endedAt: number,
    reason: string,
  ): Promise<Ack<OutboxEntry>> {
    return this.queue(
      this.session.outbox.enqueue(
        'timesheets.editShift',
        { id: uuidv7(), userId, shiftKey, startedAt, endedAt, reason: reason.trim() },
        null,
      ),
    );
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private current(): TimesheetChoice {
    const choice = this.choiceValue;
    if (choice === null) throw new Error('no period chosen');
    // The hub's own start for the period (a Monday or a 1st), as the list answered it.
    return this.listValue ? { period: this.listValue.period, start: this.listValue.start } : choice;
  }

  private async queue(put: Promise<Ack<OutboxEntry>>): Promise<Ack<OutboxEntry>> {
    const answer = await put;
    // Delivery can beat this line (the sender wakes inside enqueue): an outcome already known stays.
    if (answer.ok && !this.outcomes.has(answer.data.id)) this.settle(answer.data.id, { state: 'waiting' });
    return answer;
  }

  private settle(entryId: string, outcome: DecisionOutcome): void {
    this.outcomes = new Map(this.outcomes).set(entryId, outcome);
    this.versionValue += 1;
    this.changes.emit();
  }
}

export const timesheetsStore = defineStore(
  'employer.timesheets',
  (session: Session) => new TimesheetsStore(session),
);
