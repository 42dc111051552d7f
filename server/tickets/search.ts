import { sql, type RawBuilder } from 'kysely';
import { codePointLength } from '../../shared/protocol/text';
import { matchQuery } from './search-index';

/** Words a search is cut to: more only makes a slower query, never a better one. */
const maxWords = 8;

/**
 * The tickets a search finds, as a condition on `t.id`, always within the
 * organisation. Every word must be found (in any message or note of the
 * ticket, its number, its customer's name or its order number). Words of
 * three characters or more use the trigram index; shorter ones (退款, 发票:
 * most Chinese words are two characters) cannot, so they are matched with
 * LIKE over the same rows, still narrowed to the organisation.
 */
export function searchCondition(search: string, orgId: number): RawBuilder<boolean> | null {
  const words = search
    .normalize('NFKC')
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .slice(0, maxWords);
  if (words.length === 0) return null;
  const conditions = words.map((word) => {
    if (codePointLength(word) >= 3) {
      const match = matchQuery(word) ?? '""';
      return sql<boolean>`t.id in (select ticket_id from ticket_search
        where ticket_search match ${match} and org_id = ${orgId})`;
    }
    const like = `%${word.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
    return sql<boolean>`t.id in (select ticket_id from ticket_search
      where org_id = ${orgId} and body like ${like} escape '\\')`;
  });
  return sql<boolean>`(${sql.join(conditions, sql` and `)})`;
}
