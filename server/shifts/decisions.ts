import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { dayKeyOf } from '../../shared/domain/calendar';
import { fail, ok, type Ack } from '../../shared/protocol/ack';
import type {
  TimesheetDecision,
  TimesheetPeriod,
  TimesheetShift,
  editShiftInput,
  timesheetsApproveInput,
} from '../../shared/protocol/shifts';
import type { WorkerPrincipal } from '../protocol/principal';
import type { Database } from '../store/schema';
import { deriveShifts } from '../../shared/domain/shifts/shift-machine';
import { rebuildShifts } from './rebuild';
import { loadEvents, loadOverrides, toDomainEvent } from './stored';
import { loadTimesheet, periodOf } from './timesheets';
import { orgTimeZone } from './zone';

export type DecisionInput = z.output<typeof timesheetsApproveInput>;

const noSuchWorker = () => fail('not_found', 'There is no such worker in your organisation.');

async function workerOf(db: Kysely<Database>, orgId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The timesheet's row, created open the first time anything is decided on it. */
async function ensureTimesheet(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
  period: TimesheetPeriod,
  startKey: string,
  now: number,
) {
  await db
    .insertInto('timesheets')
    .values({ org_id: orgId, user_id: userId, period, start_key: startKey, status: 'open', updated_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'period', 'start_key']).doNothing())
    .execute();
  return db
    .selectFrom('timesheets')
    .selectAll()
    .where('user_id', '=', userId)
    .where('period', '=', period)
    .where('start_key', '=', startKey)
    .executeTakeFirstOrThrow();
}

/**
 * Approves or returns a worker's timesheet, with the decision in the audit
 * trail in the same write. A return needs a comment (the schema says so); a
 * returned timesheet can be approved once it is put right, and every
 * decision is kept, not only the last.
 */
export async function decideTimesheet(
  trx: Kysely<Database>,
  principal: WorkerPrincipal,
  input: DecisionInput,
  status: 'approved' | 'returned',
  now: number,
): Promise<Ack<{ timesheet: TimesheetDecision }>> {
  const orgId = principal.user.organisation.id;
  if (!(await workerOf(trx, orgId, input.userId))) return noSuchWorker();
  const { from } = periodOf(input.period, input.start);
  const sheet = await ensureTimesheet(trx, orgId, input.userId, input.period, from, now);
  const comment = input.comment?.length ? input.comment : null;
  await trx
    .updateTable('timesheets')
    .set({ status, comment, decided_by: principal.user.id, decided_at: now, updated_at: now })
    .where('id', '=', sheet.id)
    .execute();
  await trx
    .insertInto('timesheet_audit')
    .values({
      org_id: orgId,
      user_id: input.userId,
      timesheet_id: sheet.id,
      shift_key: null,
      action: status,
      actor_id: principal.user.id,
      comment,
      before: JSON.stringify({ status: sheet.status }),
      after: JSON.stringify({ status, period: input.period, start: from }),
      created_at: now,
    })
    .execute();
  return ok({
    timesheet: {
      status,
      comment,
      decidedBy: { id: principal.user.id, displayName: principal.user.displayName },
      decidedAt: now,
    },
  });
}

/**
 * A supervisor's times for one shift: kept as an override (the worker's
 * events stay as they were sent), the worker's shifts rebuilt from it, and
 * the edit audited with what it was and what it became. A timesheet already
 * approved for the shift's week or month (its old day or its new one) is
 * open again, and that is audited too.
 */
export async function editShift(
  trx: Kysely<Database>,
  principal: WorkerPrincipal,
  input: z.output<typeof editShiftInput>,
  now: number,
): Promise<Ack<{ shift: TimesheetShift }>> {
  const orgId = principal.user.organisation.id;
  const shift = await trx
    .selectFrom('shifts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', input.userId)
    .where('shift_key', '=', input.shiftKey)
    .executeTakeFirst();
  if (!shift) return fail('not_found', 'There is no such shift for this worker.');
  if (input.endedAt > now) {
    return fail('invalid_input', 'A shift’s edited end cannot be in the future.', [
      { path: ['endedAt'], message: 'must not be after now' },
    ]);
  }
  // Tried first in memory: a refusal must come before anything is written.
  const overrides = await loadOverrides(trx, orgId, input.userId);
  const trial = deriveShifts(
    (await loadEvents(trx, orgId, input.userId)).map(toDomainEvent),
    [
      ...overrides,
      {
        id: Number.MAX_SAFE_INTEGER,
        shiftKey: input.shiftKey,
        startedAt: input.startedAt,
        endedAt: input.endedAt,
      },
    ],
    now,
  );
  if (!trial.shifts.some((s) => s.shiftKey === input.shiftKey)) {
    return fail('cannot_apply', 'These times put the shift inside another shift of the worker.');
  }
  await trx
    .insertInto('shift_overrides')
    .values({
      org_id: orgId,
      user_id: input.userId,
      shift_key: input.shiftKey,
      started_at: input.startedAt,
      ended_at: input.endedAt,
      reason: input.reason,
      author_id: principal.user.id,
      created_at: now,
    })
    .execute();
  const timeZone = await orgTimeZone(trx, orgId);
  await trx
    .insertInto('timesheet_audit')
    .values({
      org_id: orgId,
      user_id: input.userId,
      timesheet_id: null,
      shift_key: input.shiftKey,
      action: 'shift_edited',
      actor_id: principal.user.id,
      comment: input.reason,
      before: JSON.stringify({
        startedAt: Number(shift.started_at),
        endedAt: shift.ended_at === null ? null : Number(shift.ended_at),
        workedMs: shift.worked_ms,
      }),
      after: JSON.stringify({ startedAt: input.startedAt, endedAt: input.endedAt }),
      created_at: now,
    })
    .execute();
  await rebuildShifts(trx, orgId, input.userId, timeZone);
  const days = new Set([shift.day_key, dayKeyOf(input.startedAt, timeZone)]);
  for (const day of days) {
    for (const period of ['week', 'month'] as const) {
      await reopen(trx, principal, input.userId, period, periodOf(period, day).from, input.reason, now);
    }
  }
  const sheet = await loadTimesheet(
    trx,
    orgId,
    input.userId,
    'week',
    dayKeyOf(input.startedAt, timeZone),
    now,
    false,
  );
  const edited = sheet?.days.flatMap((d) => d.shifts).find((s) => s.shiftKey === input.shiftKey);
  if (!edited) throw new Error(`shift ${input.shiftKey} is missing after its edit`);
  return ok({ shift: edited });
}

async function reopen(
  trx: Kysely<Database>,
  principal: WorkerPrincipal,
  userId: number,
  period: TimesheetPeriod,
  startKey: string,
  reason: string,
  now: number,
): Promise<void> {
  const sheet = await trx
    .selectFrom('timesheets')
    .select(['id', 'status'])
    .where('user_id', '=', userId)
    .where('period', '=', period)
    .where('start_key', '=', startKey)
    .executeTakeFirst();
  if (sheet?.status !== 'approved') return;
  await trx
    .updateTable('timesheets')
    .set({ status: 'open', decided_by: null, decided_at: null, updated_at: now })
    .where('id', '=', sheet.id)
    .execute();
  await trx
    .insertInto('timesheet_audit')
    .values({
      org_id: principal.user.organisation.id,
      user_id: userId,
      timesheet_id: sheet.id,
      shift_key: null,
      action: 'reopened',
      actor_id: principal.user.id,
      comment: reason,
      before: JSON.stringify({ status: 'approved' }),
      after: JSON.stringify({ status: 'open', period, start: startKey }),
      created_at: now,
    })
    .execute();
}
