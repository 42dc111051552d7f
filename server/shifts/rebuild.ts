import type { Kysely } from 'kysely';
import { dayKeyOf } from '../../shared/domain/calendar';
import type { DerivedShift, ShiftState } from '../../shared/domain/shifts/shift-machine';
import { deriveShifts } from '../../shared/domain/shifts/shift-machine';
import type { Database } from '../store/schema';
import { loadEvents, loadOverrides, toDomainEvent } from './stored';

export interface Rebuilt {
  /** The machine's state after the worker's last event. */
  state: ShiftState;
  /** Shift keys whose row was written, inserted or removed. */
  changed: string[];
  /** The earliest start among changed shifts (old or new times); null when nothing changed. */
  earliestChange: number | null;
}

function shiftValues(s: DerivedShift, timeZone: string) {
  return {
    started_at: s.startedAt,
    ended_at: s.endedAt,
    day_key: dayKeyOf(s.startedAt, timeZone),
    breaks: JSON.stringify(s.breaks),
    worked_ms: s.workedMs,
    break_ms: s.breakMs,
    flags: JSON.stringify(s.flags),
    edited: s.edited ? 1 : 0,
  };
}

type ShiftValues = ReturnType<typeof shiftValues>;

function sameShift(a: ShiftValues, b: ShiftValues): boolean {
  return (
    a.started_at === b.started_at &&
    a.ended_at === b.ended_at &&
    a.day_key === b.day_key &&
    a.breaks === b.breaks &&
    a.worked_ms === b.worked_ms &&
    a.break_ms === b.break_ms &&
    a.flags === b.flags &&
    a.edited === b.edited
  );
}

/**
 * Folds all of one worker's clock events and overrides again (in device time
 * order, whatever order they arrived in) and writes what differs: shifts
 * from the earliest one a late event or an edit touched onward change, the
 * earlier ones compare equal and are left alone. A shift keeps its key (its
 * clock-in's command id), so the pay ledger's source keys survive. Each
 * event's flags and ignored reason are brought up to date the same way. Run
 * inside the write that inserted the event or the override; it reads no
 * clock, so the demo seed and a restart give the same rows.
 */
export async function rebuildShifts(
  trx: Kysely<Database>,
  orgId: number,
  userId: number,
  timeZone: string,
): Promise<Rebuilt> {
  const rows = await loadEvents(trx, orgId, userId);
  const events = rows.map(toDomainEvent);
  const overrides = await loadOverrides(trx, orgId, userId);
  // "Now" is the latest fact stored, not the clock: the same rows always give the same shifts, and an
  // open shift's stored figures run to its last event (answers run them on to the hub's now).
  const asOf = [...events.map((e) => e.deviceAt), ...overrides.map((o) => o.endedAt)].reduce(
    (a, b) => Math.max(a, b),
    0,
  );
  const derived = deriveShifts(events, overrides, asOf);

  const ignored = new Map(derived.ignored.map((i) => [i.commandId, i.reason]));
  for (const row of rows) {
    const flags = JSON.stringify(derived.flags.get(row.command_id) ?? []);
    const reason = ignored.get(row.command_id) ?? null;
    if (row.flags === flags && row.ignored_reason === reason) continue;
    await trx
      .updateTable('clock_events')
      .set({ flags, ignored_reason: reason })
      .where('id', '=', row.id)
      .execute();
  }

  const stored = await trx
    .selectFrom('shifts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
  const byKey = new Map(stored.map((s) => [s.shift_key, s]));
  const changed: string[] = [];
  let earliestChange: number | null = null;
  const touch = (key: string, at: number) => {
    changed.push(key);
    earliestChange = earliestChange === null ? at : Math.min(earliestChange, at);
  };
  for (const shift of derived.shifts) {
    const values = shiftValues(shift, timeZone);
    const old = byKey.get(shift.shiftKey);
    byKey.delete(shift.shiftKey);
    if (!old) {
      await trx
        .insertInto('shifts')
        .values({ org_id: orgId, user_id: userId, shift_key: shift.shiftKey, ...values })
        .execute();
      touch(shift.shiftKey, shift.startedAt);
      continue;
    }
    const was: ShiftValues = {
      started_at: Number(old.started_at),
      ended_at: old.ended_at === null ? null : Number(old.ended_at),
      day_key: old.day_key,
      breaks: old.breaks,
      worked_ms: old.worked_ms,
      break_ms: old.break_ms,
      flags: old.flags,
      edited: old.edited,
    };
    // An open shift's figures move with `now`; only its times, breaks and flags make it a change.
    const open = values.ended_at === null && was.ended_at === null;
    if (sameShift(was, open ? { ...values, worked_ms: was.worked_ms, break_ms: was.break_ms } : values)) {
      continue;
    }
    await trx.updateTable('shifts').set(values).where('id', '=', old.id).execute();
    touch(shift.shiftKey, Math.min(was.started_at, shift.startedAt));
  }
  // A clock-in a late event made "already clocked in": its shift no longer exists.
  for (const gone of byKey.values()) {
    await trx.deleteFrom('shifts').where('id', '=', gone.id).execute();
    touch(gone.shift_key, Number(gone.started_at));
  }
  return { state: derived.state, changed, earliestChange };
}
