import { sql, type Kysely } from 'kysely';
import { defaultAccommodation, type AgentPresence } from '../../shared/domain/tickets/assignment';
import type { Accommodation, Agent } from '../../shared/protocol/tickets';
import type { Database } from '../store/schema';

/** Statuses whose tickets take one of an agent's slots (`countsTowardLoad` in shared/domain/tickets). */
export const loadStatuses = ['new', 'open', 'pending'] as const;

interface AgentRow {
  id: number;
  display_name: string;
  created_at: number;
  presence: AgentPresence | null;
  presence_since: number | null;
  last_assigned_at: number | null;
  max_concurrent: number | null;
  reassign_after_ms: number | null;
  text_only: number | null;
  load: number;
}

/**
 * Users of the organisation with the agent role, with their routing state.
 * An agent without an `agent_states` row yet reads as the defaults (offline
 * since they were created, the default profile); the row is written the
 * first time their presence or profile is.
 */
export function agentRows(db: Kysely<Database>, orgId: number) {
  return db
    .selectFrom('users as u')
    .leftJoin('agent_states as s', 's.user_id', 'u.id')
    .select([
      'u.id',
      'u.display_name',
      'u.created_at',
      's.presence',
      's.presence_since',
      's.last_assigned_at',
      's.max_concurrent',
      's.reassign_after_ms',
      's.text_only',
      sql<number>`(select count(*) from tickets t where t.assignee_id = u.id and t.org_id = u.org_id
        and t.status in ('new', 'open', 'pending'))`.as('load'),
    ])
    .where('u.org_id', '=', orgId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', '=', 'agent'),
      ),
    );
}

export function profileOf(
  r: Pick<AgentRow, 'max_concurrent' | 'reassign_after_ms' | 'text_only'>,
): Accommodation {
  return {
    maxConcurrent: r.max_concurrent ?? defaultAccommodation.maxConcurrent,
    reassignAfterMs: r.max_concurrent === null ? defaultAccommodation.reassignAfterMs : r.reassign_after_ms,
    textOnly: r.text_only === null ? defaultAccommodation.textOnly : r.text_only === 1,
  };
}

function toAgent(r: AgentRow): Agent {
  return {
    id: r.id,
    displayName: r.display_name,
    presence: r.presence ?? 'offline',
    presenceSince: r.presence_since ?? r.created_at,
    load: Number(r.load),
    profile: profileOf(r),
  };
}

export async function listAgents(db: Kysely<Database>, orgId: number): Promise<Agent[]> {
  const rows = await agentRows(db, orgId).orderBy('u.display_name').orderBy('u.id').execute();
  return rows.map(toAgent);
}

/** An agent of the organisation (agent role), or null: a user elsewhere, or without the role, is not one. */
export async function loadAgent(db: Kysely<Database>, orgId: number, userId: number): Promise<Agent | null> {
  const row = await agentRows(db, orgId).where('u.id', '=', userId).executeTakeFirst();
  return row ? toAgent(row) : null;
}

/** Writes the agent's state row with the defaults if it has none; call inside a write. */
export async function ensureAgentState(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
  now: number,
): Promise<void> {
  await db
    .insertInto('agent_states')
    .values({
      user_id: userId,
      org_id: orgId,
      presence: 'offline',
      presence_since: now,
      max_concurrent: defaultAccommodation.maxConcurrent,
      reassign_after_ms: defaultAccommodation.reassignAfterMs,
      text_only: defaultAccommodation.textOnly ? 1 : 0,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}
