import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SlaTargets } from '../../shared/domain/tickets/sla';
import { ticketPriorities } from '../../shared/domain/tickets/ticket-status';
import type { QueueCounts, TicketSummary, ticketsListInput } from '../../shared/protocol/tickets';
import type { z } from 'zod';
import type { Database } from '../store/schema';
import { loadSummaries } from './rows';
import { searchCondition } from './search';

type ListInput = z.output<typeof ticketsListInput>;

export interface ListResult {
  items: TicketSummary[];
  total: number;
  offset: number;
  readCounts: Record<string, number>;
}

/** What each queue view holds, as a condition on `t` (the agent is `userId`). */
function viewCondition(view: ListInput['view'], userId: number): RawBuilder<boolean> {
  switch (view) {
    case 'mine':
      return sql<boolean>`t.assignee_id = ${userId} and t.status != 'resolved'`;
    case 'unassigned':
      return sql<boolean>`t.assignee_id is null and t.status in ('new', 'open', 'pending')`;
    case 'open':
      return sql<boolean>`t.status in ('new', 'open', 'pending')`;
    case 'snoozed':
      return sql<boolean>`t.status = 'snoozed'`;
    case 'resolved':
      return sql<boolean>`t.status = 'resolved'`;
    case 'all':
      return sql<boolean>`1`;
  }
}

/** Beyond any real wait: tickets with no running clock sort after every ticket with one. */
const noClock = 9_000_000_000_000_000;

/**
 * Milliseconds to breach, computed in SQL with the organisation's targets,
 * as `timeToBreach` in shared/domain/tickets/sla.ts computes it: resolved
 * and paused-but-not-breached tickets have no running clock; without a first
 * response it is the first-response clock; otherwise the resolution clock,
 * moved by the time spent paused.
 */
function breachExpression(targets: SlaTargets, now: number): RawBuilder<number> {
  const per = (pick: (p: (typeof ticketPriorities)[number]) => number) =>
    sql.join(
      ticketPriorities.map((p) => sql`when ${p} then ${pick(p)}`),
      sql` `,
    );
  const first = sql`(case t.priority ${per((p) => targets[p].firstResponseMs)} end)`;
  const resolution = sql`(case t.priority ${per((p) => targets[p].resolutionMs)} end)`;
  return sql<number>`(case
    when t.status = 'resolved' then ${noClock}
    when t.first_response_at is null then t.created_at + ${first} - ${now}
    when t.sla_paused_since is not null then
      case when t.created_at + ${resolution} + t.sla_paused_ms - t.sla_paused_since <= 0
        then t.created_at + ${resolution} + t.sla_paused_ms - t.sla_paused_since
        else ${noClock} end
    else t.created_at + ${resolution} + t.sla_paused_ms - ${now}
  end)`;
}

const priorityRank = sql<number>`(case t.priority when 'urgent' then 0 when 'high' then 1
  when 'normal' then 2 else 3 end)`;

export interface ListContext {
  orgId: number;
  userId: number;
  now: number;
  sla: SlaTargets;
}

/** The view's tickets with the list's filters: only `tickets` (as `t`), so counting and paging join nothing. */
function filtered(db: Kysely<Database>, ctx: ListContext, input: ListInput) {
  let rows = db
    .selectFrom('tickets as t')
    .where('t.org_id', '=', ctx.orgId)
    .where(viewCondition(input.view, ctx.userId));
  if (input.status !== undefined) rows = rows.where('t.status', '=', input.status);
  if (input.priority !== undefined) rows = rows.where('t.priority', '=', input.priority);
  if (input.assigneeId !== undefined) rows = rows.where('t.assignee_id', '=', input.assigneeId);
  if (input.tag !== undefined) {
    const tag = input.tag;
    rows = rows.where(sql<boolean>`exists (select 1 from json_each(t.tags) where json_each.value = ${tag})`);
  }
  const search = input.search === undefined ? null : searchCondition(input.search, ctx.orgId);
  if (search) rows = rows.where(search);
  return rows;
}

/**
 * One page of a queue view, its total for the virtual list, and the agent's
 * read marks for the page. The page's ids are found on `tickets` alone and
 * only those rows are then read whole (customer, assignee, newest message),
 * so a view of 10,000 tickets costs one index walk, not 10,000 summaries.
 */
export async function listTickets(
  db: Kysely<Database>,
  ctx: ListContext,
  input: ListInput,
): Promise<ListResult> {
  const rows = filtered(db, ctx, input);
  let ordered = rows.select('t.id');
  switch (input.sort) {
    case 'updated':
      ordered = ordered.orderBy('t.updated_at', 'desc');
      break;
    case 'created':
      ordered = ordered.orderBy('t.created_at', 'desc');
      break;
    case 'priority':
      ordered = ordered.orderBy(priorityRank).orderBy('t.updated_at', 'desc');
      break;
    case 'breach':
      ordered = ordered.orderBy(breachExpression(ctx.sla, ctx.now)).orderBy('t.created_at');
      break;
  }
  const page = await ordered.orderBy('t.id', 'desc').limit(input.limit).offset(input.offset).execute();
  const counted = await rows.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const items = await loadSummaries(
    db,
    ctx.orgId,
    page.map((r) => r.id),
  );
  return {
    items,
    total: Number(counted?.n ?? 0),
    offset: input.offset,
    readCounts: await readCounts(
      db,
      ctx.userId,
      items.map((t) => t.id),
    ),
  };
}

export async function readCounts(
  db: Kysely<Database>,
  userId: number,
  ticketIds: readonly number[],
): Promise<Record<string, number>> {
  if (ticketIds.length === 0) return {};
  const rows = await db
    .selectFrom('ticket_reads')
    .select(['ticket_id', 'read_count'])
    .where('user_id', '=', userId)
    .where('ticket_id', 'in', [...ticketIds])
    .execute();
  const counts: Record<string, number> = {};
  for (const r of rows) counts[String(r.ticket_id)] = r.read_count;
  return counts;
}

/** The numbers beside each view in the queue, in one pass over the organisation's tickets. */
export async function queueCounts(db: Kysely<Database>, orgId: number, userId: number): Promise<QueueCounts> {
  const result = await sql<{
    mine: number | null;
    unassigned: number | null;
    open: number | null;
    snoozed: number | null;
    resolved: number | null;
    unread_mine: number | null;
  }>`select
      sum(t.assignee_id = ${userId} and t.status != 'resolved') as mine,
      sum(t.assignee_id is null and t.status in ('new', 'open', 'pending')) as unassigned,
      sum(t.status in ('new', 'open', 'pending')) as open,
      sum(t.status = 'snoozed') as snoozed,
      sum(t.status = 'resolved') as resolved,
      sum(t.assignee_id = ${userId} and t.status != 'resolved'
        and t.customer_messages > coalesce(r.read_count, 0)) as unread_mine
    from tickets t
    left join ticket_reads r on r.ticket_id = t.id and r.user_id = ${userId}
    where t.org_id = ${orgId}`.execute(db);
  const row = result.rows[0];
  return {
    mine: Number(row?.mine ?? 0),
    unassigned: Number(row?.unassigned ?? 0),
    open: Number(row?.open ?? 0),
    snoozed: Number(row?.snoozed ?? 0),
    resolved: Number(row?.resolved ?? 0),
    unreadMine: Number(row?.unread_mine ?? 0),
  };
}
