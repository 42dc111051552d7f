import { v7 as uuidv7 } from 'uuid';
import type { NotSentReason, OutboxEntry } from '../../../shared/bridge';
import { dayKeyOf, defaultTimeZone } from '../../../shared/domain/calendar';
import { Rerun } from '../../../shared/domain/rerun';
import type { Ack, CommandInput, CommandOutput, ErrorCode } from '../../../shared/protocol';
import { Emitter } from '../../net/emitter';
import type { Session } from '../../session/session';
import { defineStore } from '../../session/store-registry';

export type QuotaReport = CommandOutput<'quota.report'>;
export type QuotaSettings = CommandOutput<'quota.settings'>;
export type QuotaExport = CommandOutput<'quota.export'>;
export type QuotaParametersInput = CommandInput<'quota.saveSettings'>['parameters'];

/** The quota commands whose landing changes what the report says. */
const changesReport = new Set<string>([
  'quota.savePerson',
  'quota.removePerson',
  'quota.saveMonth',
  'quota.saveSettings',
]);

/** A save the hub refused after it left the outbox: the form that queued it says so beside its fields. */
export interface Refusal {
  entryId: string;
  event: string;
  reason: NotSentReason;
}

/**
 * The quota report of the chosen year and the organisation's quota
 * parameters. Read when the view asks, after every reconnect and after any
 * quota change lands (a record, a month, the parameters), so the figures
 * and warnings never lag behind what was just saved.
 */
export class QuotaStore {
  private yearValue: number;
  private reportValue: QuotaReport | null = null;
  private reportYear: number | null = null;
  private reportError: ErrorCode | null = null;
  private settingsValue: QuotaSettings | null = null;
  private settingsError: ErrorCode | null = null;
  private refusalValue: Refusal | null = null;
  private readonly changes = new Emitter();
  private readonly loadReport: Rerun;
  private readonly loadSettings: Rerun;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly session: Session,
    now: () => number = Date.now,
  ) {
    const { hub, outbox } = session;
    // The year as the organisation's calendar reads it (the hub counts months in its zone too).
    this.yearValue = Number(dayKeyOf(now(), defaultTimeZone).slice(0, 4));
    this.loadReport = new Rerun(async () => {
      const year = this.yearValue;
      const answer = await hub.request('quota.report', { year });
      // The year changed while this was read: the next run reads the new one.
      if (year !== this.yearValue) return;
      if (answer.ok) {
        this.reportValue = answer.data;
        this.reportYear = year;
        this.reportError = null;
      } else {
        this.reportError = answer.error.code;
      }
      this.changes.emit();
    });
    this.loadSettings = new Rerun(async () => {
      const answer = await hub.request('quota.settings', {});
      if (answer.ok) {
        this.settingsValue = answer.data;
        this.settingsError = null;
      } else {
        this.settingsError = answer.error.code;
      }
      this.changes.emit();
    });
    this.stops.push(
      hub.onConnected(() => {
        void this.loadReport.run();
        void this.loadSettings.run();
      }),
    );
    this.stops.push(
      outbox.onDelivered((entry) => {
        if (!changesReport.has(entry.event)) return;
        if (entry.event === 'quota.saveSettings') void this.loadSettings.run();
        void this.loadReport.run();
      }),
    );
    this.stops.push(
      outbox.onNotSent((entry, reason) => {
        if (entry.event !== 'quota.saveSettings') return;
        this.refusalValue = { entryId: entry.id, event: entry.event, reason };
        this.changes.emit();
      }),
    );
    if (hub.connected) {
      void this.loadReport.run();
      void this.loadSettings.run();
    }
  }

  get year(): number {
    return this.yearValue;
  }
  /** The report of `year`; null until it has been read (a report of another year is not shown as this one's). */
  get report(): QuotaReport | null {
    return this.reportYear === this.yearValue ? this.reportValue : null;
  }
  get reportFailure(): ErrorCode | null {
    return this.reportError;
  }
  get settings(): QuotaSettings | null {
    return this.settingsValue;
  }
  get settingsFailure(): ErrorCode | null {
    return this.settingsError;
  }
  /** The last parameters save the hub refused, until the next save. */
  get settingsRefusal(): Refusal | null {
    return this.refusalValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  chooseYear(year: number): void {
    if (year === this.yearValue) return;
    this.yearValue = year;
    this.reportError = null;
    this.changes.emit();
    void this.loadReport.run();
  }

  refresh(): Promise<void> {
    return Promise.all([this.loadReport.run(), this.loadSettings.run()]).then(() => undefined);
  }

  saveSettings(parameters: QuotaParametersInput): Promise<Ack<OutboxEntry>> {
    this.refusalValue = null;
    this.changes.emit();
    return this.session.outbox.enqueue('quota.saveSettings', { id: uuidv7(), parameters }, null);
  }

  /** The verification pack of the chosen year, as the hub builds it (XLSX). */
  exportPack(): Promise<Ack<QuotaExport>> {
    return this.session.hub.request('quota.export', { year: this.yearValue });
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }
}

export const quotaStore = defineStore('employer.quota', (session: Session) => new QuotaStore(session));
