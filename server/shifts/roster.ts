import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { rosterStateOf } from '../../shared/domain/shifts/shift-machine';
import { roles as allRoles, type Role } from '../../shared/protocol/auth';
import type { RosterRow } from '../../shared/protocol/shifts';
import type { Database } from '../store/schema';
import { workFacts } from './facts';
import { stateOfShift } from './state';
import type { ShiftRow } from './stored';
import { parseFlags } from './stored';

/** Who appears on the roster: the people who take shifts. */
const rosterRoles: readonly Role[] = ['agent', 'anchor'];

export interface Worker {
  id: number;
  displayName: string;
  roles: Role[];
  team: { id: number; name: string } | null;
}

/** The organisation's agents and anchors (or the given users), with their roles and team, by name. */
export async function orgWorkers(
  db: Kysely<Database>,
  orgId: number,
  only: readonly number[] | null = null,
): Promise<Worker[]> {
  let query = db
    .selectFrom('users as u')
    .leftJoin('team_members as m', 'm.user_id', 'u.id')
    .leftJoin('teams as t', (j) => j.onRef('t.id', '=', 'm.team_id').on('t.org_id', '=', orgId))
    .select([
      'u.id',
      'u.display_name',
      't.id as team_id',
      't.name as team_name',
      sql<string>`(select group_concat(r.role) from user_roles r where r.user_id = u.id)`.as('roles'),
    ])
    .where('u.org_id', '=', orgId)
    .orderBy('u.display_name')
    .orderBy('u.id');
  if (only !== null) {
    if (only.length === 0) return [];
    query = query.where('u.id', 'in', [...only]);
  }
  const rows = await query.execute();
  return rows.flatMap((r): Worker[] => {
    const roles = (r.roles ?? '')
      .split(',')
      .filter((x): x is Role => (allRoles as readonly string[]).includes(x));
    if (only === null && !roles.some((x) => rosterRoles.includes(x))) return [];
    return [
      {
        id: r.id,
        displayName: r.display_name,
        roles,
        team: r.team_id !== null && r.team_name !== null ? { id: r.team_id, name: r.team_name } : null,
      },
    ];
  });
}

/** Each worker's newest shift (open or last), one query. */
async function latestShifts(
  db: Kysely<Database>,
  orgId: number,
  userIds: readonly number[],
): Promise<Map<number, ShiftRow>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('shifts as s')
    .selectAll('s')
    .where('s.org_id', '=', orgId)
    .where('s.user_id', 'in', [...userIds])
    .where((eb) =>
      eb.or([
        eb('s.ended_at', 'is', null),
        eb(
          's.started_at',
          '=',
          eb
            .selectFrom('shifts as s2')
            .select((e) => e.fn.max('s2.started_at').as('m'))
            .where('s2.org_id', '=', orgId)
            .whereRef('s2.user_id', '=', 's.user_id'),
        ),
      ]),
    )
    .execute();
  // The open shift first (a fast device clock can leave an ended one that "started" later), then the newest.
  const better = (a: ShiftRow, b: ShiftRow): boolean => {
    if ((a.ended_at === null) !== (b.ended_at === null)) return a.ended_at === null;
    if (Number(a.started_at) !== Number(b.started_at)) return Number(a.started_at) > Number(b.started_at);
    return a.id > b.id;
  };
  const latest = new Map<number, ShiftRow>();
  for (const r of rows) {
    const had = latest.get(r.user_id);
    if (!had || better(r, had)) latest.set(r.user_id, r);
  }
  return latest;
}

/**
 * The live roster: every agent and anchor (or just `only`) with their state
 * now. A break is "unavailable" and its reason never leaves the hub here; an
 * anchor broadcasting, or an agent at their ticket limit, is "busy".
 */
export async function rosterRows(
  db: Kysely<Database>,
  orgId: number,
  now: number,
  only: readonly number[] | null = null,
): Promise<RosterRow[]> {
  const workers = await orgWorkers(db, orgId, only);
  const ids = workers.map((w) => w.id);
  const [latest, facts] = await Promise.all([
    latestShifts(db, orgId, ids),
    workFacts(db, orgId, only === null ? null : ids),
  ]);
  return workers.map((w) => {
    const shift = latest.get(w.id);
    const state = stateOfShift(shift);
    const f = facts(w.id);
    return {
      user: { id: w.id, displayName: w.displayName },
      roles: w.roles,
      team: w.team,
      state: rosterStateOf(state, { live: f.room?.live ?? false, atTicketLimit: f.atTicketLimit }),
      since: state.since,
      openTickets: f.openTickets,
      liveRoom: f.room,
      flags: shift ? parseFlags(shift.flags) : [],
    };
  });
}
