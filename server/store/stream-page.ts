import type { SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import type { StreamPage } from '../../shared/protocol/stream';

export interface PageRequest {
  beforeSeq?: number | undefined;
  afterSeq?: number | undefined;
  limit: number;
}

/**
 * Pages any stream kept as rows with a per-stream `seq`, on the index that
 * starts with the stream's key and then `seq`: the newest `limit` rows, the
 * `limit` before a seq (scrolling back) or after one (a gap, a catch-up).
 * `rows` is the stream's rows already narrowed to one stream (its org, its
 * conversation); `seqColumn` names its seq column as the query sees it.
 */
export async function pageStream<
  DB,
  TB extends keyof DB,
  Row extends { seq: number },
  Item extends { seq: number },
>(
  rows: SelectQueryBuilder<DB, TB, Row>,
  seqColumn: string,
  request: PageRequest,
  toItem: (row: Row) => Item,
): Promise<StreamPage<Item>> {
  const seq = sql.ref(seqColumn);
  let query = rows;
  if (request.afterSeq !== undefined) query = query.where(sql<boolean>`${seq} > ${request.afterSeq}`);
  if (request.beforeSeq !== undefined) query = query.where(sql<boolean>`${seq} < ${request.beforeSeq}`);
  // Ascending only when reading forward from a seq; the newest page and older pages read backwards.
  const forward = request.afterSeq !== undefined;
  const page = await query
    .orderBy(sql`${seq}`, forward ? 'asc' : 'desc')
    .limit(request.limit)
    .execute();
  const items = page.map(toItem).sort((a, b) => a.seq - b.seq);
  const newest = await rows
    .clearSelect()
    .select(sql<number | null>`max(${seq})`.as('last'))
    .executeTakeFirst();
  const last = (newest as { last?: unknown } | undefined)?.last;
  return { items, lastSeq: Number(last ?? 0) };
}
