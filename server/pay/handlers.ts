import type { Kysely } from 'kysely';
import { daysBetween } from '../../shared/domain/calendar';
import { effectiveDayProblem } from '../../shared/domain/pay/rules';
import { fail, ok, type Ack } from '../../shared/protocol/ack';
import { maxReportDays, type payCommands } from '../../shared/protocol/pay';
import type { Handlers } from '../protocol/handler';
import type { WorkerPrincipal } from '../protocol/principal';
import { rooms } from '../protocol/rooms';
import type { WorkerDeps } from '../protocol/audiences';
import type { Database } from '../store/schema';
import { earningsView } from './earnings';
import { outputCsv, outputXlsx } from './export';
import { ledgerSelect, toEntry } from './ledger-rows';
import { postRefund, syncLedger } from './ledger-sync';
import { outputReport } from './output';
import { loadRules, ruleView, userNames } from './rules-store';
import { orgToday } from './settings';
import { monthStatement } from './statement';

const orgOf = (p: WorkerPrincipal): number => p.user.organisation.id;
const isEmployer = (p: WorkerPrincipal): boolean =>
  p.user.roles.some((r) => r === 'supervisor' || r === 'admin');

const noWorker = fail('not_found', 'There is no such worker.');

async function inOrg(db: Kysely<Database>, orgId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row !== undefined;
}

function rangeProblem(from: string, to: string): Ack<never> | null {
  if (to <= from)
    return fail('invalid_input', 'The report must end after it starts.', [
      { path: ['to'], message: 'must be after from' },
    ]);
  if (daysBetween(from, to).length > maxReportDays) {
    return fail('invalid_input', `A report covers at most ${maxReportDays} days.`, [
      { path: ['to'], message: `at most ${maxReportDays} days after from` },
    ]);
  }
  return null;
}

export function payHandlers(deps: WorkerDeps): Handlers<typeof payCommands, WorkerPrincipal> {
  /** What a worker or employer reads is current: the ledger catches up in the one writer first. */
  const sync = (orgId: number, now: number) => deps.writes.run((trx) => syncLedger(trx, orgId, now));
  const earningsChanged = (userId: number) =>
    deps.io.to(rooms.user(userId)).emit('earnings.changed', { userId });

  async function teamProblem(db: Kysely<Database>, orgId: number, teamId: number | undefined) {
    if (teamId === undefined) return null;
    const team = await db
      .selectFrom('teams')
      .select('id')
      .where('id', '=', teamId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return team ? null : fail('not_found', 'There is no such team.');
  }

  return {
    'pay.rules': {
      kind: 'query',
      async run(ctx) {
        const orgId = orgOf(ctx.principal);
        const [rules, names, { timeZone, today }] = await Promise.all([
          loadRules(ctx.db, orgId),
          userNames(ctx.db, orgId),
          orgToday(ctx.db, orgId, ctx.now),
        ]);
        const overrides = new Map<number, ReturnType<typeof ruleView>[]>();
        const org: ReturnType<typeof ruleView>[] = [];
        for (const rule of rules) {
          const view = ruleView(rule, names);
          if (rule.userId === null) org.push(view);
          else overrides.set(rule.userId, [...(overrides.get(rule.userId) ?? []), view]);
        }
        return ok({
          org,
          overrides: [...overrides.entries()]
            .map(([userId, versions]) => ({ userId, displayName: names.get(userId) ?? '', versions }))
            .sort((a, b) => a.displayName.localeCompare(b.displayName)),
          timeZone,
          today,
        });
      },
    },

    'pay.saveRule': {
      kind: 'mutation',
      prepare(ctx, input) {
        return Promise.resolve(async (trx) => {
          const orgId = orgOf(ctx.principal);
          if (input.userId !== null && !(await inOrg(trx, orgId, input.userId))) return { ack: noWorker };
          const { today } = await orgToday(trx, orgId, ctx.now);
          if (effectiveDayProblem(input.effectiveFrom, today)) {
            return {
              ack: fail(
                'invalid_input',
                `A pay rule takes effect today (${today}) or later: what is already earned is never repriced.`,
                [{ path: ['effectiveFrom'], message: `must be ${today} or later` }],
              ),
            };
          }
          // Everything up to now is posted at the rates it was earned under before the new version exists.
          await syncLedger(trx, orgId, ctx.now);
          const rates = {
            hourly_fen: input.hourlyFen,
            per_ticket_fen: input.perTicketFen,
            csat_bonus_fen: input.csatBonusFen,
            csat_min_score: input.csatMinScore,
            live_hour_fen: input.liveHourFen,
            commission_bp: input.commissionBp,
            author_id: ctx.principal.user.id,
            created_at: ctx.now,
          };
          // A version not yet in force (or today's, whose earlier entries are posted) may be restated.
          await trx
            .insertInto('pay_rules')
            .values({
              org_id: orgId,
              user_id: input.userId ?? 0,
              effective_from: input.effectiveFrom,
              ...rates,
            })
            .onConflict((oc) => oc.columns(['org_id', 'user_id', 'effective_from']).doUpdateSet(rates))
            .execute();
          const rules = await loadRules(trx, orgId);
          const saved = rules.find(
            (r) => r.userId === input.userId && r.effectiveFrom === input.effectiveFrom,
          );
          if (!saved) return { ack: fail('internal', 'The rule was not saved.') };
          const names = await userNames(trx, orgId);
          return { ack: ok({ rule: ruleView(saved, names) }) };
        });
      },
    },

    'earnings.mine': {
      kind: 'query',
      async run(ctx, input) {
        const orgId = orgOf(ctx.principal);
        await sync(orgId, ctx.now);
        const view = await earningsView(
          ctx.db,
          orgId,
          ctx.principal.user.id,
          input.period,
          input.day,
          ctx.now,
          {
            offset: input.offset,
            limit: input.limit,
          },
        );
        return view ? ok(view) : noWorker;
      },
    },

    'earnings.worker': {
      kind: 'query',
      async run(ctx, input) {
        const orgId = orgOf(ctx.principal);
        if (!(await inOrg(ctx.db, orgId, input.userId))) return noWorker;
        await sync(orgId, ctx.now);
        const view = await earningsView(ctx.db, orgId, input.userId, input.period, input.day, ctx.now, {
          offset: input.offset,
          limit: input.limit,
        });
        return view ? ok(view) : noWorker;
      },
    },

    'statement.get': {
      kind: 'query',
      async run(ctx, input) {
        const orgId = orgOf(ctx.principal);
        const userId = input.userId ?? ctx.principal.user.id;
        if (userId !== ctx.principal.user.id && !isEmployer(ctx.principal)) {
          return fail('forbidden', 'Only a supervisor or an admin can see another worker’s statement.');
        }
        if (!(await inOrg(ctx.db, orgId, userId))) return noWorker;
        await sync(orgId, ctx.now);
        const statement = await monthStatement(ctx.db, orgId, userId, input.month, ctx.now);
        return statement ? ok(statement) : noWorker;
      },
    },

    'ledger.correct': {
      kind: 'mutation',
      prepare(ctx, input) {
        return Promise.resolve(async (trx) => {
          const orgId = orgOf(ctx.principal);
          if (!(await inOrg(trx, orgId, input.userId))) return { ack: noWorker };
          const author = ctx.principal.user.id;
          const inserted = await trx
            .insertInto('earnings_ledger')
            .values({
              org_id: orgId,
              user_id: input.userId,
              kind: 'correction',
              source_key: `correction:${input.id}`,
              revision: 0,
              quantity: 0,
              rate: 0,
              amount_fen: input.amountFen,
              rule_id: null,
              occurred_at: ctx.now,
              day_key: input.day,
              reason: input.reason,
              author_id: author,
              created_at: ctx.now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('timesheet_audit')
            .values({
              org_id: orgId,
              user_id: input.userId,
              timesheet_id: null,
              shift_key: null,
              action: 'correction',
              actor_id: author,
              comment: input.reason,
              before: null,
              after: JSON.stringify({ entryId: inserted.id, amountFen: input.amountFen, day: input.day }),
              created_at: ctx.now,
            })
            .execute();
          const row = await ledgerSelect(trx, orgId)
            .where('l.id', '=', inserted.id)
            .executeTakeFirstOrThrow();
          return { ack: ok({ entry: toEntry(row) }), after: () => earningsChanged(input.userId) };
        });
      },
    },

    'orders.refund': {
      kind: 'mutation',
      prepare(ctx, input) {
        return Promise.resolve(async (trx) => {
          const orgId = orgOf(ctx.principal);
          const order = await trx
            .selectFrom('live_orders')
            .select(['id', 'refunded_at'])
            .where('id', '=', input.orderId)
            .where('org_id', '=', orgId)
            .executeTakeFirst();
          if (!order) return { ack: fail('not_found', 'There is no such order.') };
          if (order.refunded_at !== null)
            return { ack: fail('conflict', 'This order was already refunded.') };
          // The order's commission is posted first, so the refund reverses exactly what it earned.
          await syncLedger(trx, orgId, ctx.now);
          await trx
            .updateTable('live_orders')
            .set({ refunded_at: ctx.now })
            .where('id', '=', order.id)
            .where('org_id', '=', orgId)
            .execute();
          const { timeZone } = await orgToday(trx, orgId, ctx.now);
          await postRefund(trx, orgId, order.id, ctx.now, ctx.now, timeZone);
          const row = await ledgerSelect(trx, orgId)
            .where('l.source_key', '=', `refund:${order.id}`)
            .where('l.revision', '=', 0)
            .executeTakeFirst();
          const entry = row ? toEntry(row) : null;
          return {
            ack: ok({ orderId: order.id, refundedAt: ctx.now, entry }),
            ...(row ? { after: () => earningsChanged(row.user_id) } : {}),
          };
        });
      },
    },

    'output.report': {
      kind: 'query',
      async run(ctx, input) {
        const orgId = orgOf(ctx.principal);
        const problem =
          rangeProblem(input.from, input.to) ?? (await teamProblem(ctx.db, orgId, input.teamId));
        if (problem) return problem;
        await sync(orgId, ctx.now);
        return ok(await outputReport(ctx.db, orgId, input));
      },
    },

    'output.export': {
      kind: 'query',
      async run(ctx, input) {
        const orgId = orgOf(ctx.principal);
        const problem =
          rangeProblem(input.from, input.to) ?? (await teamProblem(ctx.db, orgId, input.teamId));
        if (problem) return problem;
        await sync(orgId, ctx.now);
        const report = await outputReport(ctx.db, orgId, {
          from: input.from,
          to: input.to,
          ...(input.teamId === undefined ? {} : { teamId: input.teamId }),
        });
        return ok(
          input.format === 'csv'
            ? outputCsv(report, input.language)
            : await outputXlsx(report, input.language),
        );
      },
    },
  };
}
