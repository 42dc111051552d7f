import type { Kysely } from 'kysely';
import type { RosterRow } from '../../shared/protocol/shifts';
import type { MyShiftState } from '../../shared/protocol/shifts';
import { rooms } from '../protocol/rooms';
import type { HubServer } from '../protocol/socket-types';
import type { Database } from '../store/schema';
import { workFacts } from './facts';
import { rosterRows } from './roster';
import { latestShift, myStateOf, stateOfShift } from './state';

/** The worker's own state now, as `shifts.mine` and the clock answer give it. */
export async function myState(db: Kysely<Database>, orgId: number, userId: number): Promise<MyShiftState> {
  const [latest, facts] = await Promise.all([latestShift(db, orgId, userId), workFacts(db, orgId, [userId])]);
  return myStateOf(stateOfShift(latest), facts(userId));
}

/**
 * Reads, inside the write, what the worker's change looks like to the
 * employer and to the worker; the function it returns sends both after the
 * commit. The roster row carries no break reason; the worker's state does.
 */
export async function shiftPushes(
  db: Kysely<Database>,
  io: HubServer,
  orgId: number,
  userId: number,
  now: number,
  cause: 'clock' | 'edit' | 'decision',
): Promise<() => void> {
  const rows: RosterRow[] = cause === 'decision' ? [] : await rosterRows(db, orgId, now, [userId]);
  const state = await myState(db, orgId, userId);
  return () => {
    if (rows.length > 0) io.to(rooms.employer(orgId)).emit('roster.changed', { rows });
    io.to(rooms.user(userId)).emit('shifts.changed', { state, cause });
  };
}
