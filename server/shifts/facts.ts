import type { Kysely } from 'kysely';
import { defaultAccommodation } from '../../shared/domain/tickets/assignment';
import type { Database } from '../store/schema';
import { loadStatuses } from '../tickets/agents';

/** What makes a worker on shift busy, and what the roster shows beside their state. */
export interface WorkFacts {
  openTickets: number;
  /** Open tickets reach the agent's limit (or they set themselves busy). */
  atTicketLimit: boolean;
  room: { slug: string; live: boolean } | null;
}

const none: WorkFacts = { openTickets: 0, atTicketLimit: false, room: null };

/**
 * The facts for some of the organisation's workers (all when `userIds` is
 * null), in three grouped queries whatever the number of workers.
 */
export async function workFacts(
  db: Kysely<Database>,
  orgId: number,
  userIds: readonly number[] | null,
): Promise<(userId: number) => WorkFacts> {
  if (userIds !== null && userIds.length === 0) return () => none;
  let tickets = db
    .selectFrom('tickets')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('assignee_id', 'is not', null)
    .where('status', 'in', [...loadStatuses])
    .groupBy('assignee_id');
  let agents = db
    .selectFrom('agent_states as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.user_id', 's.max_concurrent', 's.presence'])
    .where('u.org_id', '=', orgId);
  let rooms = db
    .selectFrom('live_rooms as r')
    .select([
      'r.anchor_id',
      'r.slug',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('live_broadcasts as b')
              .select('b.id')
              .whereRef('b.room_id', '=', 'r.id')
              .where('b.status', '=', 'live'),
          )
          .as('live'),
    ])
    .where('r.org_id', '=', orgId);
  if (userIds !== null) {
    tickets = tickets.where('assignee_id', 'in', [...userIds]);
    agents = agents.where('s.user_id', 'in', [...userIds]);
    rooms = rooms.where('r.anchor_id', 'in', [...userIds]);
  }
  const [ticketRows, agentRows, roomRows] = await Promise.all([
    tickets.execute(),
    agents.execute(),
    rooms.execute(),
  ]);
  const open = new Map(ticketRows.map((r) => [r.assignee_id, Number(r.n)]));
  const agent = new Map(agentRows.map((r) => [r.user_id, r]));
  const room = new Map(roomRows.map((r) => [r.anchor_id, { slug: r.slug, live: Boolean(r.live) }]));
  return (userId) => {
    const openTickets = open.get(userId) ?? 0;
    const a = agent.get(userId);
    const limit = a?.max_concurrent ?? defaultAccommodation.maxConcurrent;
    return {
      openTickets,
      atTicketLimit: a?.presence === 'busy' || (a !== undefined && openTickets >= limit),
      room: room.get(userId) ?? null,
    };
  };
}
