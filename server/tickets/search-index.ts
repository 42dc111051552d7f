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

function headerBody(row: { number: number; customerName: string; orderNumber: string | null }): string {
  return [`#${row.number}`, row.customerName, row.orderNumber ?? ''].join(' ').trim();
}

/** Written when a ticket is created and again when its customer or order changes. */
export async function indexTicketHeader(
  db: Kysely<Database>,
  row: { ticketId: number; orgId: number; number: number; customerName: string; orderNumber: string | null },
): Promise<void> {
  await sql`insert or replace into ticket_search (rowid, body, ticket_id, org_id)
    values (${headerRowId(row.ticketId)}, ${headerBody(row)}, ${row.ticketId}, ${row.orgId})`.execute(db);
}

/** Rows of one multi-row insert: five bound values each, well under SQLite's parameter limit. */
const indexBatch = 200;

interface IndexRow {
  rowid: number;
  body: string;
  ticketId: number;
  orgId: number;
}

async function writeRows(db: Kysely<Database>, rows: readonly IndexRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += indexBatch) {
    const values = rows
      .slice(i, i + indexBatch)
      .map((r) => sql`(${r.rowid}, ${r.body}, ${r.ticketId}, ${r.orgId})`);
    await sql`insert or replace into ticket_search (rowid, body, ticket_id, org_id) values ${sql.join(values)}`.execute(
      db,
    );
  }
}

/**
 * Many messages at once (the demo's six months of history): one statement
 * per batch rather than a round trip to the store's thread per message.
 */
export async function indexMessages(
  db: Kysely<Database>,
  rows: readonly { messageId: number; ticketId: number; orgId: number; body: string }[],
): Promise<void> {
  await writeRows(
    db,
    rows
      .filter((r) => r.body.trim() !== '')
      .map((r) => ({ rowid: messageRowId(r.messageId), body: r.body, ticketId: r.ticketId, orgId: r.orgId })),
  );
}

/** Many tickets' header rows at once, as `indexTicketHeader` writes one. */
export async function indexTicketHeaders(
  db: Kysely<Database>,
  rows: readonly {
    ticketId: number;
    orgId: number;
    number: number;
    customerName: string;
    orderNumber: string | null;
  }[],
): Promise<void> {
  await writeRows(
    db,
    rows.map((r) => ({
      rowid: headerRowId(r.ticketId),
      body: headerBody(r),
      ticketId: r.ticketId,
      orgId: r.orgId,
    })),
  );
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
