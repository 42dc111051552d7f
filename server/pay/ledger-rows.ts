import type { Kysely, Selectable } from 'kysely';
import type { LedgerEntry } from '../../shared/protocol/pay';
import type { Database, EarningsLedgerTable } from '../store/schema';

export type LedgerRow = Selectable<EarningsLedgerTable> & { author_name: string | null };

/** The ledger's rows with their author's name, one query. */
export function ledgerSelect(db: Kysely<Database>, orgId: number) {
  return db
    .selectFrom('earnings_ledger as l')
    .leftJoin('users as a', 'a.id', 'l.author_id')
    .selectAll('l')
    .select('a.display_name as author_name')
    .where('l.org_id', '=', orgId);
}

export function toEntry(r: LedgerRow): LedgerEntry {
  return {
    id: r.id,
    kind: r.kind,
    quantity: r.quantity,
    rate: r.rate,
    amountFen: r.amount_fen,
    occurredAt: r.occurred_at,
    day: r.day_key,
    sourceKey: r.source_key,
    revision: r.revision,
    reason: r.reason,
    author: r.author_id === null ? null : { id: r.author_id, displayName: r.author_name ?? '' },
    createdAt: r.created_at,
  };
}
