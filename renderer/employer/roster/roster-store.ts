import { Rerun } from '../../../shared/domain/rerun';
import type { ErrorCode } from '../../../shared/protocol';
import type { RosterRow } from '../../../shared/protocol/shifts';
import { Emitter } from '../../net/emitter';
import type { Session } from '../../session/session';
import { defineStore } from '../../session/store-registry';

const none: readonly RosterRow[] = [];

function byName(a: RosterRow, b: RosterRow): number {
  return a.user.displayName.localeCompare(b.user.displayName);
}

/**
 * Who is on shift now (roster.list), read when the view asks and after every
 * reconnect; each `roster.changed` push replaces the workers it names in
 * place, so a clock-in, a break or a room going live shows without a reread.
 * The hub never sends a break's reason here: a break is 'unavailable'.
 */
export class RosterStore {
  private rowsValue: readonly RosterRow[] = none;
  private loadedValue = false;
  private errorValue: ErrorCode | null = null;
  private readonly changes = new Emitter();
  private readonly load: Rerun;
  private readonly stops: (() => void)[] = [];

  constructor(session: Session) {
    const { hub } = session;
    this.load = new Rerun(async () => {
      const answer = await hub.request('roster.list', {});
      if (answer.ok) {
        this.rowsValue = [...answer.data.rows].sort(byName);
        this.loadedValue = true;
        this.errorValue = null;
      } else {
        this.errorValue = answer.error.code;
      }
      this.changes.emit();
    });
    this.stops.push(hub.onConnected(() => void this.load.run()));
    this.stops.push(hub.onPush('roster.changed', ({ rows }) => this.fold(rows)));
    if (hub.connected) void this.load.run();
  }

  get rows(): readonly RosterRow[] {
    return this.rowsValue;
  }
  get loaded(): boolean {
    return this.loadedValue;
  }
  get error(): ErrorCode | null {
    return this.errorValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  refresh(): Promise<void> {
    return this.load.run();
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private fold(rows: readonly RosterRow[]): void {
    const changed = new Map(rows.map((row) => [row.user.id, row]));
    const next = this.rowsValue.map((row) => changed.get(row.user.id) ?? row);
    const known = new Set(this.rowsValue.map((row) => row.user.id));
    // A worker new to the roster (just given a role) joins in name order.
    for (const row of rows) if (!known.has(row.user.id)) next.push(row);
    this.rowsValue = next.sort(byName);
    this.changes.emit();
  }
}

export const rosterStore = defineStore('employer.roster', (session: Session) => new RosterStore(session));

/**
 * A room the supervisor asked to watch from the roster: the live rooms view
 * opens it once, then clears the request, so a later visit starts from the list.
 */
export class WatchRequest {
  private slugValue: string | null = null;
  private readonly changes = new Emitter();

  get slug(): string | null {
    return this.slugValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  ask(slug: string): void {
    this.slugValue = slug;
    this.changes.emit();
  }

  take(): string | null {
    const slug = this.slugValue;
    this.slugValue = null;
    return slug;
  }

  dispose(): void {
    this.slugValue = null;
  }
}

export const watchRequest = defineStore('employer.watchRequest', () => new WatchRequest());
