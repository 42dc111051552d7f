import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { unknownVariables } from '../../shared/domain/tickets/canned-variables';
import { fail, ok, type Ack } from '../../shared/protocol/ack';
import {
  maxCannedPerList,
  type CannedReply,
  type cannedDeleteInput,
  type cannedListInput,
  type cannedSaveInput,
} from '../../shared/protocol/tickets';
import type { WorkerPrincipal } from '../protocol/principal';
import type { CannedRepliesTable, Database } from '../store/schema';
import type { TicketsDeps, WriteContext } from './deps';

type CannedRow = Selectable<CannedRepliesTable>;

function toCanned(r: CannedRow): CannedReply {
  return {
    id: r.id,
    ownerId: r.owner_id,
    shortcut: r.shortcut,
    title: r.title,
    body: r.body,
    locale: r.locale,
    updatedAt: r.updated_at,
  };
}

/** The organisation's replies and the agent's own: what one agent may insert. */
function visibleRows(db: Kysely<Database>, orgId: number, userId: number) {
  return db
    .selectFrom('canned_replies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', userId)]));
}

export async function listCanned(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
): Promise<CannedReply[]> {
  const rows = await visibleRows(db, orgId, userId).orderBy('shortcut').orderBy('id').execute();
  return rows.map(toCanned);
}

export async function visibleCanned(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
  cannedId: number,
): Promise<CannedReply | null> {
  const row = await visibleRows(db, orgId, userId).where('id', '=', cannedId).executeTakeFirst();
  return row ? toCanned(row) : null;
}

const isSupervisor = (p: WorkerPrincipal): boolean => p.user.roles.includes('supervisor');

const notFound = fail('not_found', 'There is no such canned reply.');
const noSuchAgent = fail('not_found', 'There is no such agent.');

/**
 * May the caller reach `ownerId`'s personal replies? Tenant first: a user of
 * another organisation is `not_found`, exactly as a missing one, so an id
 * tells nobody what exists elsewhere. Then the role: only a supervisor
 * manages another agent's replies.
 */
async function reachOwner(
  db: Kysely<Database>,
  principal: WorkerPrincipal,
  ownerId: number,
  action: string,
): Promise<Ack<null>> {
  if (ownerId === principal.user.id) return ok(null);
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', ownerId)
    .where('org_id', '=', principal.user.organisation.id)
    .executeTakeFirst();
  if (!user) return noSuchAgent;
  if (!isSupervisor(principal))
    return fail('forbidden', `Only a supervisor can ${action} another agent's replies.`);
  return ok(null);
}

/**
 * canned.list: without `ownerId`, what the caller may insert; with it, that
 * agent's personal replies only (what a supervisor manages for them).
 */
export async function listCannedFor(
  db: Kysely<Database>,
  principal: WorkerPrincipal,
  input: z.output<typeof cannedListInput>,
): Promise<Ack<CannedReply[]>> {
  const orgId = principal.user.organisation.id;
  if (input.ownerId === undefined) return ok(await listCanned(db, orgId, principal.user.id));
  const reach = await reachOwner(db, principal, input.ownerId, 'see');
  if (!reach.ok) return reach;
  const rows = await db
    .selectFrom('canned_replies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('owner_id', '=', input.ownerId)
    .orderBy('shortcut')
    .orderBy('id')
    .execute();
  return ok(rows.map(toCanned));
}

/**
 * A shortcut must be one insertion, never a choice: within what its owner
 * sees (the organisation's and their own) for a personal reply, and across
 * the whole organisation for an organisation-wide one, since every agent
 * sees it beside their own.
 */
async function shortcutTaken(
  db: Kysely<Database>,
  orgId: number,
  ownerId: number | null,
  shortcut: string,
  except: number | null,
): Promise<boolean> {
  let query = db
    .selectFrom('canned_replies')
    .select('id')
    .where('org_id', '=', orgId)
    .where('shortcut', '=', shortcut);
  if (ownerId !== null)
    query = query.where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', ownerId)]));
  if (except !== null) query = query.where('id', '!=', except);
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * May this person see this reply to change it? The organisation's and their
 * own always; another agent's only as a supervisor. For anyone else it is not
 * there at all: `not_found`, as a reply of another organisation.
 */
function maySee(principal: WorkerPrincipal, row: CannedRow): boolean {
  return row.owner_id === null || row.owner_id === principal.user.id || isSupervisor(principal);
}

/** May this person change (edit, delete) this reply? Their own always; any other as a supervisor. */
function mayChange(principal: WorkerPrincipal, row: CannedRow): boolean {
  return row.owner_id === principal.user.id || isSupervisor(principal);
}

export async function saveCanned(
  deps: TicketsDeps,
  ctx: WriteContext<WorkerPrincipal>,
  input: z.output<typeof cannedSaveInput>,
): Promise<Ack<{ canned: CannedReply }>> {
  const { trx, fx, principal, now } = ctx;
  const userId = principal.user.id;
  if (input.scope === 'org' && !isSupervisor(principal)) {
    return fail('forbidden', 'Only a supervisor can save replies for the whole organisation.');
  }
  const unknown = unknownVariables(input.body);
  if (unknown.length > 0) {
    return fail('invalid_input', `Unknown variables: ${unknown.map((v) => `{${v}}`).join(', ')}.`, [
      { path: ['body'], message: 'use {customer.name}, {order.id} or {agent.name}' },
    ]);
  }
  // `agent` always has its ownerId (cannedSaveInput insists); `?? userId` only narrows the type.
  const ownerId = input.scope === 'org' ? null : input.scope === 'mine' ? userId : (input.ownerId ?? userId);
  if (ownerId !== null) {
    const reach = await reachOwner(trx, principal, ownerId, 'save');
    if (!reach.ok) return reach;
  }
  let existing: CannedRow | null = null;
  if (input.cannedId !== undefined) {
    existing =
      (await trx
        .selectFrom('canned_replies')
        .selectAll()
        .where('id', '=', input.cannedId)
        .where('org_id', '=', fx.orgId)
        .executeTakeFirst()) ?? null;
    // Another agent's own reply is not there for an agent: not found, as in another organisation.
    if (!existing || !maySee(principal, existing)) return notFound;
    if (!mayChange(principal, existing)) return fail('forbidden', 'Only a supervisor can change this reply.');
  }
  if (!existing || existing.owner_id !== ownerId) {
    const held = await trx
      .selectFrom('canned_replies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', fx.orgId)
      .where('owner_id', ownerId === null ? 'is' : '=', ownerId)
      .executeTakeFirstOrThrow();
    if (Number(held.n) >= maxCannedPerList) {
      return fail(
        'cannot_apply',
        `This list already holds ${maxCannedPerList} canned replies: delete one no longer used first.`,
      );
    }
  }
  if (await shortcutTaken(trx, fx.orgId, ownerId, input.shortcut, existing?.id ?? null)) {
    return fail('conflict', `The shortcut ${input.shortcut} is already used by another reply.`);
  }
  const values = {
    owner_id: ownerId,
    shortcut: input.shortcut,
    title: input.title,
    body: input.body,
    locale: input.locale,
    updated_at: now,
  };
  const row = existing
    ? await trx
        .updateTable('canned_replies')
        .set(values)
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('canned_replies')
        .values({ ...values, org_id: fx.orgId, created_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
  fx.canned();
  fx.afterCommit(() => deps.suggestions.invalidate(fx.orgId));
  return ok({ canned: toCanned(row) });
}

export async function deleteCanned(
  deps: TicketsDeps,
  ctx: WriteContext<WorkerPrincipal>,
  input: z.output<typeof cannedDeleteInput>,
): Promise<Ack<{ cannedId: number }>> {
  const { trx, fx, principal } = ctx;
  const row = await trx
    .selectFrom('canned_replies')
    .selectAll()
    .where('id', '=', input.cannedId)
    .where('org_id', '=', fx.orgId)
    .executeTakeFirst();
  if (!row || !maySee(principal, row)) return notFound;
  if (!mayChange(principal, row)) return fail('forbidden', 'Only a supervisor can delete this reply.');
  await trx.deleteFrom('canned_replies').where('id', '=', row.id).execute();
  fx.canned();
  fx.afterCommit(() => deps.suggestions.invalidate(fx.orgId));
  return ok({ cannedId: row.id });
}
