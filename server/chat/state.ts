import type { Kysely } from 'kysely';
import type { ChatState } from '../../shared/protocol/chat';
import type { Database } from '../store/schema';

/** What the customer's page shows about their conversation; null when the ticket is gone. */
export async function loadChatState(
  db: Kysely<Database>,
  orgId: number,
  ticketId: number,
): Promise<ChatState | null> {
  const row = await db
    .selectFrom('tickets as t')
    .innerJoin('organisations as g', 'g.id', 't.org_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .select([
      'g.name as shop',
      't.number',
      'c.name as customer_name',
      't.status',
      'a.display_name as agent_name',
      't.csat_score',
      't.csat_comment',
    ])
    .where('t.id', '=', ticketId)
    .where('t.org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return null;
  const rating = row.csat_score === null ? null : { score: row.csat_score, comment: row.csat_comment };
  return {
    shop: row.shop,
    ticketNumber: row.number,
    customerName: row.customer_name,
    status: row.status,
    agentName: row.agent_name,
    rating,
    canRate: row.status === 'resolved' && rating === null,
  };
}
