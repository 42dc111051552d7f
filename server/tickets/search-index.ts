import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema';

/**
 * The full-text index (`ticket_search`, FTS5 trigram): one row per message
 * or note body, and one "header" row per ticket holding its number, the
 * customer's name and the order number. Row ids are derived from what they
 * index (message id × 2, ticket id × 2 + 1), so a row is replaced or deleted
 * without scanning the unindexed columns.
 */
const messageRowId = (messageId: number): number => messageId * 2;
const headerRowId = (ticketId: number): number => ticketId * 2 + 1;

export async function indexMessage(
  db: Kysely<Database>,
  row: { messageId: number; ticketId: number; orgId: number; body: string },
): Promise<void> {
  if (row.body.trim() === '') return;
  await sql`insert or replace into ticket_search (rowid, body, ticket_id, org_id)
    values (${messageRowId(row.messageId)}, ${row.body}, ${row.ticketId}, ${row.orgId})`.execute(db);
}

/** Written when a ticket is created and again when its customer or order changes. */
export async function indexTicketHeader(
  db: Kysely<Database>,
  row: { ticketId: number; orgId: number; number: number; customerName: string; orderNumber: string | null },
): Promise<void> {
  const body = [`#${row.number}`, row.customerName, row.orderNumber ?? ''].join(' ').trim();
  await sql`insert or replace into ticket_search (rowid, body, ticket_id, org_id)
    values (${headerRowId(row.ticketId)}, ${body}, ${row.ticketId}, ${row.orgId})`.execute(db);
}

/** Escapes a user's words for an FTS5 MATCH: each becomes one quoted phrase, so operators are text. */
export function matchQuery(search: string): string | null {
  const words = search
    .normalize('NFKC')
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND ');
}
