import type { Kysely } from 'kysely';
import { dayKeyOf } from '../../shared/domain/calendar';
import { clockFlags } from '../../shared/domain/shifts/clock-event';
import type { ShiftsMine } from '../../shared/protocol/shifts';
import type { Database } from '../store/schema';
import { myState } from './pushes';
import { parseFlags, toShiftView } from './stored';
import { orgTimeZone } from './zone';

const week = 7 * 24 * 3_600_000;

/** The worker's own state, today's shifts (with the open one, even if it began yesterday) and recent skew. */
export async function shiftsMine(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
  now: number,
): Promise<ShiftsMine> {
  const timeZone = await orgTimeZone(db, orgId);
  const today = dayKeyOf(now, timeZone);
  const [state, rows, recent] = await Promise.all([
    myState(db, orgId, userId),
    db
      .selectFrom('shifts')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('day_key', '=', today), eb('ended_at', 'is', null)]))
      .orderBy('started_at')
      .execute(),
    db
      .selectFrom('clock_events')
      .select('flags')
      .distinct()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('received_at', '>=', now - week)
      .where('flags', '!=', '[]')
      .execute(),
  ]);
  const shifts = rows.map((r) => toShiftView(r, true, now));
  const seen = new Set(recent.flatMap((r) => parseFlags(r.flags)));
  return {
    state,
    today: {
      day: today,
      shifts,
      workedMs: shifts.reduce((n, s) => n + s.workedMs, 0),
      breakMs: shifts.reduce((n, s) => n + s.breakMs, 0),
    },
    flags: clockFlags.filter((f) => seen.has(f)),
    timeZone,
  };
}
