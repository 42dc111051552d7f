import { sql, type Kysely } from 'kysely';
import type { ShiftState } from '../../shared/domain/shifts/shift-machine';
import { offState, onShiftActivity } from '../../shared/domain/shifts/shift-machine';
import type { MyShiftState } from '../../shared/protocol/shifts';
import type { Database } from '../store/schema';
import type { WorkFacts } from './facts';
import type { ShiftRow } from './stored';
import { parseBreaks } from './stored';

/**
 * The machine's state read from a worker's open shift, or their newest: open with an
 * open break is a break, open is on shift (since the clock-in or the end of
 * the last break), otherwise off since it ended.
 */
export function stateOfShift(latest: ShiftRow | undefined): ShiftState {
  if (!latest) return offState;
  const endedAt = latest.ended_at === null ? null : Number(latest.ended_at);
  // Ended is off even when the end is ahead of the hub's clock (a device clock running fast).
  if (endedAt !== null) return { kind: 'off', since: endedAt, closedByEdit: false };
  const breaks = parseBreaks(latest.breaks);
  const last = breaks.at(-1);
  if (last && last.end === null) {
    return { kind: 'break', since: last.start, shiftKey: latest.shift_key, reason: last.reason };
  }
  return { kind: 'on', since: last?.end ?? Number(latest.started_at), shiftKey: latest.shift_key };
}

export function latestShift(db: Kysely<Database>, orgId: number, userId: number) {
  return (
    db
      .selectFrom('shifts')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      // The open one first: a fast device clock can leave an ended shift that "started" later.
      .orderBy(sql`ended_at is null`, 'desc')
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}

/** The worker's own view of their state, with the break's reason. */
export function myStateOf(state: ShiftState, facts: WorkFacts): MyShiftState {
  switch (state.kind) {
    case 'off':
      return { kind: 'off', since: state.since, activity: null, breakReason: null, shiftKey: null };
    case 'break':
      return {
        kind: 'break',
        since: state.since,
        activity: null,
        breakReason: state.reason,
        shiftKey: state.shiftKey,
      };
    case 'on':
      return {
        kind: 'on',
        since: state.since,
        activity: onShiftActivity({ live: facts.room?.live ?? false, atTicketLimit: facts.atTicketLimit }),
        breakReason: null,
        shiftKey: state.shiftKey,
      };
  }
}
