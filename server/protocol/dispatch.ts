import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Ack } from '../../shared/protocol/ack';
import { fail, invalidInput } from '../../shared/protocol/ack';
import type { CommandName } from '../../shared/protocol/events';
import { commands, isCommandName } from '../../shared/protocol/events';
import type { Database } from '../store/schema';
import type { CommandKey } from './command-results';
import { findResult, isFinal, storeResult } from './command-results';
import type { Applied, CommandContext, Handlers } from './handler';
import type { HubSocket } from './socket-types';

export interface DispatchDeps {
  db: Kysely<Database>;
  log: Logger;
  handlers: Handlers;
  now: () => number;
}

type Reply = (ack: Ack<unknown>) => void;

/** The handler table seen without its per-command types; `dispatch` has already parsed the input. */
type AnyHandler =
  | { kind: 'query'; run(ctx: CommandContext, input: unknown): Promise<Ack<unknown>> }
  | {
      kind: 'mutation';
      prepare(
        ctx: Omit<CommandContext, 'db'>,
        input: unknown,
      ): Promise<(trx: Kysely<Database>) => Promise<Applied<unknown>>>;
    };

/** Event names are client data: bounded before they reach a log line. */
function printable(event: unknown): string {
  return typeof event === 'string' ? event.slice(0, 64) : typeof event;
}

/**
 * The one place every client event passes through: unknown names, bad
 * payloads, missing roles, repeats and thrown errors are all answered here,
 * so handlers only see parsed input from a permitted user.
 */
export function attachDispatcher(deps: DispatchDeps, socket: HubSocket): void {
  socket.onAny((event: unknown, ...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last !== 'function') {
      // Every command is acknowledged; without an ack there is no one to answer, so nothing is done.
      deps.log.debug({ event: printable(event) }, 'event without ack dropped');
      return;
    }
    const ack = last as (answer: unknown) => void;
    const reply: Reply = (answer) => {
      try {
        ack(answer);
      } catch (err) {
        deps.log.warn({ err, event: printable(event) }, 'ack failed');
      }
    };
    const payload = args.length > 1 ? args[0] : undefined;
    dispatch(deps, socket, event, payload, reply).catch((err: unknown) => {
      deps.log.error({ err, event: printable(event) }, 'command failed');
      reply(fail('internal', 'Something went wrong on the hub. Try again.'));
    });
  });
}

async function dispatch(
  deps: DispatchDeps,
  socket: HubSocket,
  event: unknown,
  payload: unknown,
  reply: Reply,
): Promise<void> {
  if (!isCommandName(event)) {
    reply(fail('invalid_input', 'Unknown command.'));
    return;
  }
  const spec = commands[event];
  const parsed = spec.input.safeParse(payload);
  if (!parsed.success) {
    reply(invalidInput(parsed.error));
    return;
  }
  const session = socket.data.session;
  const roles: readonly string[] = spec.roles;
  if (roles.length > 0 && !session.roles.some((r) => roles.includes(r))) {
    reply(fail('forbidden', 'Your role does not allow this.'));
    return;
  }
  const handler: AnyHandler = deps.handlers[event];
  const log = deps.log.child({ event, userId: session.id, orgId: session.organisation.id });
  const ctx: CommandContext = { session, db: deps.db, now: deps.now(), log };
  if (handler.kind === 'query') {
    reply(await handler.run(ctx, parsed.data));
    return;
  }
  const commandId = (parsed.data as { id?: unknown }).id;
  if (typeof commandId !== 'string') throw new Error(`mutating command ${event} has no id`);
  const key: CommandKey = { orgId: session.organisation.id, userId: session.id, commandId };
  const answered = await findResult(deps.db, key);
  if (answered) {
    reply(repeat(event, answered.event, answered.ack));
    return;
  }
  const apply = await handler.prepare({ session, now: ctx.now, log }, parsed.data);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    // Checked again inside: a concurrent copy of this command may have committed meanwhile.
    const raced = await findResult(trx, key);
    if (raced) return { repeat: raced, applied: null } as const;
    const applied = await apply(trx);
    if (isFinal(applied.ack)) await storeResult(trx, key, event, applied.ack, ctx.now);
    return { repeat: null, applied } as const;
  });
  if (outcome.repeat) {
    reply(repeat(event, outcome.repeat.event, outcome.repeat.ack));
    return;
  }
  reply(outcome.applied.ack);
  try {
    outcome.applied.after?.();
  } catch (err) {
    log.error({ err }, 'after-commit effect failed');
  }
}

function repeat(event: CommandName, storedEvent: string, ack: Ack<unknown>): Ack<unknown> {
  return storedEvent === event
    ? ack
    : fail('conflict', 'This command id was already used for another command.');
}
