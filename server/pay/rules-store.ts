import type { Kysely, Selectable } from 'kysely';
import type { RuleVersionLike } from '../../shared/domain/pay/rules';
import type { RuleVersion } from '../../shared/protocol/pay';
import type { Database, PayRulesTable } from '../store/schema';

export type RuleRow = RuleVersionLike & { authorId: number | null; createdAt: number };

function toRule(r: Selectable<PayRulesTable>): RuleRow {
  return {
    id: r.id,
    userId: r.user_id === 0 ? null : r.user_id,
    effectiveFrom: r.effective_from,
    rates: {
      hourlyFen: r.hourly_fen,
      perTicketFen: r.per_ticket_fen,
      csatBonusFen: r.csat_bonus_fen,
      csatMinScore: r.csat_min_score,
      liveHourFen: r.live_hour_fen,
      commissionBp: r.commission_bp,
    },
    authorId: r.author_id,
    createdAt: r.created_at,
  };
}

/** Every version of the organisation's rules and overrides, oldest first: a few rows, read whole. */
export async function loadRules(db: Kysely<Database>, orgId: number): Promise<RuleRow[]> {
  const rows = await db
    .selectFrom('pay_rules')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
  return rows.map(toRule);
}

export function ruleView(rule: RuleRow, names: ReadonlyMap<number, string>): RuleVersion {
  return {
    id: rule.id,
    userId: rule.userId,
    effectiveFrom: rule.effectiveFrom,
    ...rule.rates,
    author:
      rule.authorId === null ? null : { id: rule.authorId, displayName: names.get(rule.authorId) ?? '' },
    createdAt: rule.createdAt,
  };
}

export async function userNames(db: Kysely<Database>, orgId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
