import { Rerun } from '../../../shared/domain/rerun';
import type { Ack, ErrorCode } from '../../../shared/protocol';
import type { ExportFile, OutputReport } from '../../../shared/protocol/pay';
import { Emitter } from '../../net/emitter';
import type { Session } from '../../session/session';
import { defineStore } from '../../session/store-registry';
import type { OutputRange } from './output-period';

/**
 * The output report for the range the supervisor chose (output.report), read
 * again on reconnect; exports are asked for on demand (output.export) and
 * handed back as the file the hub built, never rebuilt here.
 */
export class OutputStore {
  private rangeValue: OutputRange | null = null;
  private reportValue: OutputReport | null = null;
  private errorValue: ErrorCode | null = null;
  private loadingValue = false;
  private readonly changes = new Emitter();
  private readonly load: Rerun;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly session: Session) {
    const { hub } = session;
    this.load = new Rerun(async () => {
      const range = this.rangeValue;
      if (range === null) return;
      this.loadingValue = true;
      this.changes.emit();
      const answer = await hub.request('output.report', { from: range.from, to: range.to });
      // A newer choice started meanwhile: this answer is for a range no longer shown.
      if (range !== this.rangeValue) return;
      this.loadingValue = false;
      if (answer.ok) {
        this.reportValue = answer.data;
        this.errorValue = null;
      } else {
        this.errorValue = answer.error.code;
      }
      this.changes.emit();
    });
    this.stops.push(hub.onConnected(() => void this.load.run()));
  }

  get range(): OutputRange | null {
    return this.rangeValue;
  }
  get report(): OutputReport | null {
    return this.reportValue;
  }
  get error(): ErrorCode | null {
    return this.errorValue;
  }
  get loading(): boolean {
    return this.loadingValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  choose(range: OutputRange): Promise<void> {
    if (this.rangeValue?.from === range.from && this.rangeValue.to === range.to && this.reportValue) {
      return Promise.resolve();
    }
    this.rangeValue = range;
    this.changes.emit();
    return this.load.run();
  }

  refresh(): Promise<void> {
    return this.load.run();
  }

  /** The hub's file for the range shown, headers in the reader's language. */
  exportFile(format: 'csv' | 'xlsx', language: 'en' | 'zh-CN'): Promise<Ack<ExportFile>> {
    const range = this.rangeValue;
    if (range === null) throw new Error('export asked before a range was chosen');
    return this.session.hub.request('output.export', { from: range.from, to: range.to, format, language });
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }
}

export const outputStore = defineStore('employer.output', (session: Session) => new OutputStore(session));
