import type { Kysely } from 'kysely';
import { ReplyRanker, type ReplyCandidate } from '../../shared/domain/tickets/suggest-replies';
import type { Database } from '../store/schema';
import { listCanned } from './canned';
import { latestCustomerMessage } from './store';

/** Suggestions for the customer's newest message: at most three, best first. */
export const suggestionCount = 3;

/**
 * The rankers, one per agent of an organisation (each sees the
 * organisation's replies and their own). Only a cache: built from the store
 * on first use and dropped whenever a canned reply or a pick of the
 * organisation changes, so a second hub node would build the same one.
 */
export class SuggestionCache {
  private readonly byOrg = new Map<number, Map<number, Promise<ReplyRanker>>>();

  invalidate(orgId: number): void {
    this.byOrg.delete(orgId);
  }

  ranker(db: Kysely<Database>, orgId: number, userId: number): Promise<ReplyRanker> {
    let org = this.byOrg.get(orgId);
    if (!org) {
      org = new Map();
      this.byOrg.set(orgId, org);
    }
    let ranker = org.get(userId);
    if (!ranker) {
      ranker = build(db, orgId, userId);
      org.set(userId, ranker);
      // A failed build is not kept: the next request tries again.
      ranker.catch(() => {
        if (this.byOrg.get(orgId)?.get(userId) === ranker) this.byOrg.get(orgId)?.delete(userId);
      });
    }
    return ranker;
  }

  async suggest(
    db: Kysely<Database>,
    orgId: number,
    userId: number,
    ticketId: number,
  ): Promise<{ suggestions: { cannedId: number; score: number }[]; forSeq: number | null }> {
    const latest = await latestCustomerMessage(db, ticketId);
    if (!latest) return { suggestions: [], forSeq: null };
    const ranker = await this.ranker(db, orgId, userId);
    const suggestions = ranker
      .rank(latest.body, suggestionCount)
      .map((r) => ({ cannedId: r.id, score: r.score }));
    return { suggestions, forSeq: latest.seq };
  }
}

async function build(db: Kysely<Database>, orgId: number, userId: number): Promise<ReplyRanker> {
  const replies = await listCanned(db, orgId, userId);
  const picks =
    replies.length === 0
      ? []
      : await db
          .selectFrom('canned_picks')
          .select(['canned_id', 'message'])
          .where('org_id', '=', orgId)
          .where(
            'canned_id',
            'in',
            replies.map((r) => r.id),
          )
          .orderBy('id', 'desc')
          .execute();
  const learned = new Map<number, string[]>();
  for (const p of picks) {
    const list = learned.get(p.canned_id) ?? [];
    list.push(p.message);
    learned.set(p.canned_id, list);
  }
  const candidates: ReplyCandidate[] = replies.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    locale: r.locale,
    learned: learned.get(r.id) ?? [],
  }));
  return new ReplyRanker(candidates);
}
