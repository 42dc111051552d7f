import { v7 as uuidv7 } from 'uuid';
import type { NotSentReason, OutboxEntry } from '../../../shared/bridge';
import { Rerun } from '../../../shared/domain/rerun';
import type { Ack, CommandInput, CommandOutput, ErrorCode } from '../../../shared/protocol';
import { Emitter } from '../../net/emitter';
import type { Session } from '../../session/session';
import { defineStore } from '../../session/store-registry';

export type QuotaPeople = CommandOutput<'quota.people'>;
export type SavePersonInput = Omit<CommandInput<'quota.savePerson'>, 'id'>;
export type SaveMonthInput = Omit<CommandInput<'quota.saveMonth'>, 'id'>;

const personEvents = new Set<string>(['quota.savePerson', 'quota.removePerson', 'quota.saveMonth']);

/** A record to open: the report's warnings link to the person (and the month) they are about. */
export interface RecordRequest {
  userId: number;
  month: string | null;
  /** Changes on every ask, so asking twice for the same record opens it twice. */
  seq: number;
}

/** What became of one queued save, by its outbox entry id. */
export type SaveOutcome =
  { state: 'waiting' } | { state: 'saved' } | { state: 'refused'; reason: NotSentReason };

/**
 * The organisation's disabled workers' records (certificate numbers masked
 * by the hub: the whole number never comes back) and the workers a record
 * can still be made for. Saves go through the outbox; each one's outcome is kept by
 * its entry id, so the form that queued it can say it landed or why not.
 */
export class PeopleStore {
  private peopleValue: QuotaPeople | null = null;
  private peopleError: ErrorCode | null = null;
  private requestValue: RecordRequest | null = null;
  private outcomes = new Map<string, SaveOutcome>();
  private outcomesVersion = 0;
  private readonly changes = new Emitter();
  private readonly loadPeople: Rerun;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly session: Session) {
    const { hub, outbox } = session;
    this.loadPeople = new Rerun(async () => {
      const answer = await hub.request('quota.people', {});
      if (answer.ok) {
        this.peopleValue = answer.data;
        this.peopleError = null;
      } else {
        this.peopleError = answer.error.code;
      }
      this.changes.emit();
    });
    this.stops.push(hub.onConnected(() => void this.loadPeople.run()));
    this.stops.push(
      outbox.onDelivered((entry) => {
        if (!personEvents.has(entry.event)) return;
        this.settle(entry.id, { state: 'saved' });
        void this.loadPeople.run();
      }),
    );
    this.stops.push(
      outbox.onNotSent((entry, reason) => {
        if (!personEvents.has(entry.event)) return;
        this.settle(entry.id, { state: 'refused', reason });
      }),
    );
    if (hub.connected) void this.loadPeople.run();
  }

  get people(): QuotaPeople | null {
    return this.peopleValue;
  }
  get failure(): ErrorCode | null {
    return this.peopleError;
  }
  get request(): RecordRequest | null {
    return this.requestValue;
  }
  /** Bumps whenever an outcome changes, for useSyncExternalStore. */
  get version(): number {
    return this.outcomesVersion;
  }

  outcome(entryId: string): SaveOutcome | null {
    return this.outcomes.get(entryId) ?? null;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  openRecord(userId: number, month: string | null): void {
    this.requestValue = { userId, month, seq: (this.requestValue?.seq ?? 0) + 1 };
    this.changes.emit();
  }

  /** The record was opened: a later visit to the people view starts from the list. */
  clearRequest(): void {
    if (this.requestValue === null) return;
    this.requestValue = null;
    this.changes.emit();
  }

  savePerson(input: SavePersonInput): Promise<Ack<OutboxEntry>> {
    return this.queue(this.session.outbox.enqueue('quota.savePerson', { id: uuidv7(), ...input }, null));
  }

  removePerson(userId: number): Promise<Ack<OutboxEntry>> {
    return this.queue(this.session.outbox.enqueue('quota.removePerson', { id: uuidv7(), userId }, null));
  }

  saveMonth(input: SaveMonthInput): Promise<Ack<OutboxEntry>> {
    return this.queue(this.session.outbox.enqueue('quota.saveMonth', { id: uuidv7(), ...input }, null));
  }

  refresh(): Promise<void> {
    return this.loadPeople.run();
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private async queue(put: Promise<Ack<OutboxEntry>>): Promise<Ack<OutboxEntry>> {
    const answer = await put;
    // Delivery can beat this line (the sender wakes inside enqueue): an outcome already known stays.
    if (answer.ok && !this.outcomes.has(answer.data.id)) this.settle(answer.data.id, { state: 'waiting' });
    return answer;
  }

  private settle(entryId: string, outcome: SaveOutcome): void {
    this.outcomes = new Map(this.outcomes).set(entryId, outcome);
    this.outcomesVersion += 1;
    this.changes.emit();
  }
}

export const peopleStore = defineStore(
  'employer.quotaPeople',
  (session: Session) => new PeopleStore(session),
);
