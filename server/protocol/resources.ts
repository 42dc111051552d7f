import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { WorkerPrincipal } from './principal';

/** A person of the caller's organisation, as a handler that names one by id gets them. */
export interface OrgUser {
  id: number;
  username: string;
  displayName: string;
}

/**
 * Every lookup of a resource a command names by id (a worker now; a ticket,
 * a conversation, a live room later) goes through here, so the organisation
 * check cannot be forgotten in a handler's own `where`. Something in another
 * organisation is "not found": ids must not tell who or what exists elsewhere.
 * Customers and viewers get their own guards, bound to their conversation or room.
 */
export class WorkerResources {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly principal: WorkerPrincipal,
  ) {}

  get orgId(): number {
    return this.principal.user.organisation.id;
  }

  async user(id: number): Promise<OrgUser | null> {
    const row = await this.db
      .selectFrom('users')
      .select(['id', 'username', 'display_name'])
      .where('id', '=', id)
      .where('org_id', '=', this.orgId)
      .executeTakeFirst();
    return row ? { id: row.id, username: row.username, displayName: row.display_name } : null;
  }
}

export function workerResources(db: Kysely<Database>, principal: WorkerPrincipal): WorkerResources {
  return new WorkerResources(db, principal);
}
