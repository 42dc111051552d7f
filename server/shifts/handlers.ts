import { fail, ok } from '../../shared/protocol/ack';
import type { shiftsCommands } from '../../shared/protocol/shifts';
import type { Handlers } from '../protocol/handler';
import type { WorkerPrincipal } from '../protocol/principal';
import type { WorkerDeps } from '../protocol/audiences';
import { recordClockEvent } from './clock';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { decideTimesheet, editShift, type DecisionInput } from './decisions';
import { shiftsMine } from './mine';
import { shiftPushes } from './pushes';
import { rosterRows } from './roster';
import { loadTimesheet, timesheetRows } from './timesheets';

const orgOf = (principal: WorkerPrincipal): number => principal.user.organisation.id;
const noSuchWorker = () => fail('not_found', 'There is no such worker in your organisation.');

export function shiftsHandlers(deps: WorkerDeps): Handlers<typeof shiftsCommands, WorkerPrincipal> {
  const clockDeps = { io: deps.io, tickets: deps.tickets.pushes };
  // Approving and returning differ only in the outcome: the same decision, audit and pushes.
  const decided =
    (principal: WorkerPrincipal, input: DecisionInput, outcome: 'approved' | 'returned', now: number) =>
    async (trx: Kysely<Database>) => {
      const ack = await decideTimesheet(trx, principal, input, outcome, now);
      if (!ack.ok) return { ack };
      const after = await shiftPushes(trx, deps.io, orgOf(principal), input.userId, now, 'decision');
      return { ack, after };
    };
  return {
    'shifts.clock': {
      kind: 'mutation',
      prepare(ctx, input) {
        return Promise.resolve((trx) => recordClockEvent(trx, clockDeps, ctx.principal, input, ctx.now));
      },
    },
    'shifts.mine': {
      kind: 'query',
      async run(ctx) {
        return ok(await shiftsMine(ctx.db, orgOf(ctx.principal), ctx.principal.user.id, ctx.now));
      },
    },
    'roster.list': {
      kind: 'query',
      async run(ctx) {
        return ok({ rows: await rosterRows(ctx.db, orgOf(ctx.principal), ctx.now), at: ctx.now });
      },
    },
    'timesheets.list': {
      kind: 'query',
      async run(ctx, input) {
        return ok(await timesheetRows(ctx.db, orgOf(ctx.principal), input.period, input.start, ctx.now));
      },
    },
    'timesheets.get': {
      kind: 'query',
      async run(ctx, input) {
        const sheet = await loadTimesheet(
          ctx.db,
          orgOf(ctx.principal),
          input.userId,
          input.period,
          input.start,
          ctx.now,
          // A supervisor's own timesheet is theirs: they see their own reasons.
          input.userId === ctx.principal.user.id,
        );
        return sheet ? ok(sheet) : noSuchWorker();
      },
    },
    'timesheets.mine': {
      kind: 'query',
      async run(ctx, input) {
        const { user } = ctx.principal;
        const sheet = await loadTimesheet(
          ctx.db,
          orgOf(ctx.principal),
          user.id,
          input.period,
          input.start,
          ctx.now,
          true,
        );
        return sheet ? ok(sheet) : noSuchWorker();
      },
    },
    'timesheets.approve': {
      kind: 'mutation',
      prepare: (ctx, input) => Promise.resolve(decided(ctx.principal, input, 'approved', ctx.now)),
    },
    'timesheets.return': {
      kind: 'mutation',
      prepare: (ctx, input) => Promise.resolve(decided(ctx.principal, input, 'returned', ctx.now)),
    },
    'timesheets.editShift': {
      kind: 'mutation',
      prepare(ctx, input) {
        return Promise.resolve(async (trx) => {
          const ack = await editShift(trx, ctx.principal, input, ctx.now);
          if (!ack.ok) return { ack };
          const after = await shiftPushes(trx, deps.io, orgOf(ctx.principal), input.userId, ctx.now, 'edit');
          return { ack, after };
        });
      },
    },
  };
}
