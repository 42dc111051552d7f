import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type {
  BreakReason,
  ClockKind,
  ClockList,
  LocalClockEvent,
  NotSentReason,
  OutboxEntry,
} from '../../shared/bridge';
import type { HostDb } from './host-db';
import type { OutboxStore } from './outbox-store';

export interface ClockRecordInput {
  kind: ClockKind;
  breakReason?: BreakReason | undefined;
  /** The page's latest measurement; undefined or null: use the last one this host was given. */
  deviceSkewMs?: number | null | undefined;
}

export type ClockRecordResult =
  { ok: true; event: LocalClockEvent; entry: OutboxEntry } | { ok: false; reason: NotSentReason };

/**
 * Each worker's clock events on this workstation's disk. The event and the
 * `shifts.clock` outbox entry that carries it to the hub are written in one
 * transaction: a crash leaves both or neither, so the worker's record and
 * what the hub will hear never disagree. `owner` always comes from the
 * host's session.
 */
export interface ClockStore {
  record(owner: string, input: ClockRecordInput, now: number): ClockRecordResult;
  /** Newest first, at most `limit`. */
  list(owner: string, limit: number): ClockList;
}

interface EventRow {
  command_id: string;
  device_id: string;
  counter: number;
  kind: ClockKind;
  device_at: number;
  break_reason: BreakReason | null;
  device_skew_ms: number | null;
  outbox_state: 'pending' | 'not_sent' | null;
}

interface DeviceRow {
  device_id: string;
  last_counter: number;
  skew_ms: number | null;
}

/** Thrown inside the transaction so the event is rolled back with the refused outbox entry. */
class Refused extends Error {
  constructor(readonly reason: NotSentReason) {
    super(reason.message);
  }
}

function toEvent(row: EventRow): LocalClockEvent {
  return {
    commandId: row.command_id,
    deviceId: row.device_id,
    counter: row.counter,
    kind: row.kind,
    deviceAt: row.device_at,
    breakReason: row.break_reason,
    deviceSkewMs: row.device_skew_ms,
    // Gone from the outbox means the hub applied it: an entry leaves only on the hub's answer.
    status: row.outbox_state ?? 'sent',
  };
}

export function createClockStore(db: HostDb, outbox: OutboxStore): ClockStore {
  const device = db.prepare<[], DeviceRow>(
    'SELECT device_id, last_counter, skew_ms FROM clock_device WHERE id = 1',
  );
  const makeDevice = db.prepare<[string]>(
    'INSERT INTO clock_device (id, device_id) VALUES (1, ?) ON CONFLICT (id) DO NOTHING',
  );
  const nextCounter = db.prepare<[], { last_counter: number }>(
    'UPDATE clock_device SET last_counter = last_counter + 1 WHERE id = 1 RETURNING last_counter',
  );
  const keepSkew = db.prepare<[number, number]>(
    'UPDATE clock_device SET skew_ms = ?, skew_at = ? WHERE id = 1',
  );
  const insert = db.prepare<
    [string, string, number, ClockKind, number, BreakReason | null, number | null, string, number]
  >(
    `INSERT INTO clock_events
       (owner, device_id, counter, kind, device_at, break_reason, device_skew_ms, command_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const newest = db.prepare<[string, number], EventRow>(
    `SELECT e.command_id, e.device_id, e.counter, e.kind, e.device_at, e.break_reason, e.device_skew_ms,
            o.state AS outbox_state
     FROM clock_events e LEFT JOIN outbox o ON o.id = e.command_id AND o.owner = e.owner
     WHERE e.owner = ? ORDER BY e.seq DESC LIMIT ?`,
  );
  const unsent = db.prepare<[string], { state: 'pending' | 'not_sent'; n: number }>(
    `SELECT o.state AS state, count(*) AS n
     FROM clock_events e JOIN outbox o ON o.id = e.command_id AND o.owner = e.owner
     WHERE e.owner = ? GROUP BY o.state`,
  );

  /** This install's device: made once, the first time anyone clocks in here. */
  function ensureDevice(): DeviceRow {
    const row = device.get();
    if (row) return row;
    makeDevice.run(randomUUID());
    const made = device.get();
    if (!made) throw new Error('clock_device was not written');
    return made;
  }

  const write = db.transaction((owner: string, input: ClockRecordInput, now: number) => {
    const current = ensureDevice();
    if (typeof input.deviceSkewMs === 'number') keepSkew.run(input.deviceSkewMs, now);
    const skew = typeof input.deviceSkewMs === 'number' ? input.deviceSkewMs : current.skew_ms;
    const counter = nextCounter.get()?.last_counter;
    if (counter === undefined) throw new Error('clock_device vanished inside the transaction');
    const id = uuidv7();
    const breakReason = input.kind === 'break_start' ? (input.breakReason ?? null) : null;
    insert.run(owner, current.device_id, counter, input.kind, now, breakReason, skew, id, now);
    const payload: Record<string, unknown> = {
      id,
      kind: input.kind,
      deviceId: current.device_id,
      counter,
      deviceAt: now,
      deviceSkewMs: skew,
      ...(breakReason === null ? {} : { breakReason }),
    };
    const put = outbox.put(owner, { id, event: 'shifts.clock', payload, draftKey: null }, now);
    if (!put.ok) throw new Refused(put.reason);
    const row = newest.get(owner, 1);
    if (!row || row.command_id !== id) throw new Error('the clock event was not written');
    return { event: toEvent(row), entry: put.entry };
  });

  return {
    record(owner, input, now) {
      try {
        return { ok: true, ...write(owner, input, now) };
      } catch (error) {
        // The counter went back with the rollback, which is safe: nothing outside saw it.
        if (error instanceof Refused) return { ok: false, reason: error.reason };
        throw error;
      }
    },
    list(owner, limit) {
      const row = device.get();
      const counts = unsent.all(owner);
      return {
        deviceId: row?.device_id ?? null,
        events: newest.all(owner, limit).map(toEvent),
        pending: counts.find((c) => c.state === 'pending')?.n ?? 0,
        notSent: counts.find((c) => c.state === 'not_sent')?.n ?? 0,
        skewMs: row?.skew_ms ?? null,
      };
    },
  };
}
