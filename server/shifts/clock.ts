import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ShiftStateKind } from '../../shared/domain/shifts/clock-event';
import { skewFlags } from '../../shared/domain/shifts/shift-machine';
import type { AgentPresence } from '../../shared/domain/tickets/assignment';
import { ok, type Ack } from '../../shared/protocol/ack';
import type { clockInput, clockOutput } from '../../shared/protocol/shifts';
import type { Applied } from '../protocol/handler';
import type { WorkerPrincipal } from '../protocol/principal';
import type { HubServer } from '../protocol/socket-types';
import type { Database } from '../store/schema';
import { changePresence } from '../tickets/assignment';
import type { TicketPushes } from '../tickets/pushes';
import { Effects } from '../tickets/pushes';
import { myState, shiftPushes } from './pushes';
import { rebuildShifts } from './rebuild';
import { latestShift, stateOfShift } from './state';
import { toEventView } from './stored';
import { orgTimeZone } from './zone';

type ClockOutput = z.output<typeof clockOutput>;

/** Where an agent's presence goes when their shift state changes: on shift is routable, anything else is not. */
const presenceFor: Record<ShiftStateKind, AgentPresence> = {
  on: 'available',
  break: 'away',
  off: 'offline',
};

export interface ClockDeps {
  io: HubServer;
  tickets: TicketPushes;
}

function findEvent(db: Kysely<Database>, userId: number, deviceId: string, counter: number) {
  return db
    .selectFrom('clock_events')
    .selectAll()
    .where('user_id', '=', userId)
    .where('device_id', '=', deviceId)
    .where('counter', '=', counter)
    .executeTakeFirst();
}

/**
 * One clock event, applied exactly once. The dispatcher answers a repeated
 * command id from its ledger; a different id for the same device counter (a
 * workstation that lost its outbox's ids but kept its clock store) finds the
 * event already here and answers the state as it is, inserting nothing. The
 * hub never refuses an event for its time: it stores it, folds the worker's
 * events again in device time order, and marks what it cannot apply.
 */
export async function recordClockEvent(
  trx: Kysely<Database>,
  deps: ClockDeps,
  principal: WorkerPrincipal,
  input: z.output<typeof clockInput>,
  now: number,
): Promise<Applied<ClockOutput>> {
  const { user } = principal;
  const orgId = user.organisation.id;
  const existing = await findEvent(trx, user.id, input.deviceId, input.counter);
  if (existing) {
    return {
      ack: ok({ state: await myState(trx, orgId, user.id), event: toEventView(existing, true) }),
    };
  }

  const before = stateOfShift(await latestShift(trx, orgId, user.id));
  await trx
    .insertInto('clock_events')
    .values({
      org_id: orgId,
      user_id: user.id,
      command_id: input.id,
      device_id: input.deviceId,
      counter: input.counter,
      kind: input.kind,
      device_at: input.deviceAt,
      received_at: now,
      device_skew_ms: input.deviceSkewMs,
      break_reason: input.breakReason ?? null,
      flags: JSON.stringify(skewFlags({ ...input, receivedAt: now }, null)),
    })
    .execute();
  await rebuildShifts(trx, orgId, user.id, await orgTimeZone(trx, orgId));
  const after = stateOfShift(await latestShift(trx, orgId, user.id));

  // Routing follows the shift: only a change of state moves presence (a late event for last week does not).
  const fx = new Effects(orgId);
  let ticketsAfter: (() => void) | null = null;
  if (user.roles.includes('agent') && after.kind !== before.kind) {
    await changePresence(trx, fx, user.id, presenceFor[after.kind], now);
    ticketsAfter = await fx.settle(trx, deps.tickets);
  }
  const stored = await findEvent(trx, user.id, input.deviceId, input.counter);
  if (!stored) throw new Error('the clock event just inserted is missing');
  const pushes = await shiftPushes(trx, deps.io, orgId, user.id, now, 'clock');
  const ack: Ack<ClockOutput> = ok({
    state: await myState(trx, orgId, user.id),
    event: toEventView(stored, true),
  });
  return {
    ack,
    after: () => {
      ticketsAfter?.();
      pushes();
    },
  };
}
