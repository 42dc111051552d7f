import type { Kysely, Selectable } from 'kysely';
import { breakReasons, clockFlags, ignoredReasons } from '../../shared/domain/shifts/clock-event';
import type { BreakReason, ClockFlag, IgnoredReason } from '../../shared/domain/shifts/clock-event';
import { shiftFigures } from '../../shared/domain/shifts/shift-machine';
import type { ClockEvent, ShiftBreak, ShiftOverride } from '../../shared/domain/shifts/shift-machine';
import type { ClockEventView, ShiftView } from '../../shared/protocol/shifts';
import type { ClockEventsTable, Database, ShiftsTable } from '../store/schema';

/**
 * Rows of the Shifts tables read back into the domain's and the protocol's
 * shapes. JSON columns are parsed defensively: a value outside the known
 * words is dropped rather than passed on.
 */

export type ClockEventRow = Selectable<ClockEventsTable>;
export type ShiftRow = Selectable<ShiftsTable>;

function isOneOf<T extends string>(words: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (words as readonly string[]).includes(value);
}

export function breakReasonOf(value: string | null): BreakReason | null {
  return isOneOf(breakReasons, value) ? value : null;
}

export function ignoredReasonOf(value: string | null): IgnoredReason | null {
  return isOneOf(ignoredReasons, value) ? value : null;
}

export function parseFlags(json: string): ClockFlag[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? clockFlags.filter((f) => parsed.includes(f)) : [];
  } catch {
    return [];
  }
}

export function parseBreaks(json: string): ShiftBreak[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((b: unknown): ShiftBreak[] => {
      if (typeof b !== 'object' || b === null) return [];
      const { start, end, reason } = b as Record<string, unknown>;
      if (typeof start !== 'number' || (end !== null && typeof end !== 'number')) return [];
      return [{ start, end, reason: isOneOf(breakReasons, reason) ? reason : null }];
    });
  } catch {
    return [];
  }
}

export function toDomainEvent(row: ClockEventRow): ClockEvent {
  return {
    commandId: row.command_id,
    deviceId: row.device_id,
    counter: row.counter,
    kind: row.kind,
    deviceAt: Number(row.device_at),
    receivedAt: Number(row.received_at),
    deviceSkewMs: row.device_skew_ms,
    breakReason: breakReasonOf(row.break_reason),
  };
}

/** `own`: the worker's own answer, the only one that carries a break's reason. */
export function toEventView(row: ClockEventRow, own: boolean): ClockEventView {
  return {
    commandId: row.command_id,
    deviceId: row.device_id,
    counter: row.counter,
    kind: row.kind,
    deviceAt: Number(row.device_at),
    receivedAt: Number(row.received_at),
    breakReason: own ? breakReasonOf(row.break_reason) : null,
    flags: parseFlags(row.flags),
    ignoredReason: ignoredReasonOf(row.ignored_reason),
  };
}

/** An open shift's figures run to `now`; a closed one's are as stored. */
export function toShiftView(row: ShiftRow, own: boolean, now: number): ShiftView {
  const breaks = parseBreaks(row.breaks).map((b) => ({ ...b, reason: own ? b.reason : null }));
  const startedAt = Number(row.started_at);
  const endedAt = row.ended_at === null ? null : Number(row.ended_at);
  const { workedMs, breakMs } =
    endedAt === null
      ? shiftFigures({ startedAt, endedAt, breaks }, now)
      : { workedMs: row.worked_ms, breakMs: row.break_ms };
  return {
    shiftKey: row.shift_key,
    day: row.day_key,
    startedAt,
    endedAt,
    breaks,
    workedMs,
    breakMs,
    flags: parseFlags(row.flags),
    edited: row.edited === 1,
  };
}

export function loadEvents(db: Kysely<Database>, orgId: number, userId: number) {
  return db
    .selectFrom('clock_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .orderBy('device_at')
    .orderBy('counter')
    .execute();
}

export async function loadOverrides(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
): Promise<ShiftOverride[]> {
  const rows = await db
    .selectFrom('shift_overrides')
    .select(['id', 'shift_key', 'started_at', 'ended_at'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    shiftKey: r.shift_key,
    startedAt: Number(r.started_at),
    endedAt: Number(r.ended_at),
  }));
}
