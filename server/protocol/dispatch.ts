import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Ack } from '../../shared/protocol/ack';
import { fail, invalidInput } from '../../shared/protocol/ack';
import type { Role } from '../../shared/protocol/auth';
import type { CommandSpec, CommandTable, EphemeralTable } from '../../shared/protocol/command';
import { hasName } from '../../shared/protocol/command';
import { alarmFor, classifyStoreError, faultAck } from '../store/errors';
import type { Database } from '../store/schema';
import type { WriteQueue } from '../store/write-queue';
import type { BudgetLimits } from './budget';
import { bufferedBytes, SocketBudget, socketReader } from './budget';
import type { CommandKey } from './command-results';
import { findResult, isFinal, storeResult } from './command-results';
import type { Apply, CommandContext, EphemeralContext, EphemeralHandlers, Handlers } from './handler';
import type { Principal } from './principal';
import { principalLog } from './principal';
import { namespaceOfRoom } from './rooms';
import type { HubSocket } from './socket-types';

/**
 * One kind of principal as the dispatcher serves it: the commands and
 * ephemeral events its namespace knows, their handlers, who may call what,
 * where its command ids are recorded, and its budget.
 */
export interface Audience<P extends Principal, T extends CommandTable, E extends EphemeralTable> {
  commands: T;
  handlers: Handlers<T, P>;
  ephemerals: E;
  ephemeralHandlers: EphemeralHandlers<E, P>;
  /** Null when the principal may call a spec with these roles; otherwise the refusal. */
  authorize(principal: P, roles: readonly Role[]): Ack<never> | null;
  /** Whose ledger a command id is recorded in; null where this audience has no mutations. */
  resultKey(principal: P, commandId: string): CommandKey | null;
  budget: BudgetLimits;
}

export interface DispatchDeps {
  db: Kysely<Database>;
  writes: WriteQueue;
  log: Logger;
  now: () => number;
}

type Reply = (ack: Ack<unknown>) => void;

/** The handler tables seen without their per-command types; `dispatch` has already parsed the input. */
type AnyHandler =
  | { kind: 'query'; run(ctx: CommandContext<Principal>, input: unknown): Promise<Ack<unknown>> }
  | {
      kind: 'mutation';
      prepare(ctx: Omit<CommandContext<Principal>, 'db'>, input: unknown): Promise<Apply<unknown>>;
    };
type AnyEphemeralHandler = (ctx: EphemeralContext<Principal>, input: unknown) => void;

/** Event names are client data: bounded before they reach a log line. */
function printable(event: unknown): string {
  return typeof event === 'string' ? event.slice(0, 64) : typeof event;
}

const rateLimited = fail('rate_limited', 'Too many requests at once. Wait a moment; nothing was lost.');

/**
 * The one place every client event passes through: budgets, unknown names,
 * bad payloads, missing roles, repeats and thrown errors are all answered
 * here, so handlers only see parsed input from a permitted principal.
 */
export function attachDispatcher<P extends Principal, T extends CommandTable, E extends EphemeralTable>(
  deps: DispatchDeps,
  audience: Audience<P, T, E>,
  socket: HubSocket,
): void {
  const principal = socket.data.principal as P;
  const budget = new SocketBudget(audience.budget, deps.now, () => bufferedBytes(socket));
  const log = deps.log.child(principalLog(principal));

  let resumeTimer: NodeJS.Timeout | null = null;
  const pauseReading = (): void => {
    const reader = resumeTimer ? null : socketReader(socket);
    if (!reader) return;
    // Frames already read are still dispatched (and refused); no more are read until the timer.
    reader.pause();
    resumeTimer = setTimeout(() => {
      resumeTimer = null;
      reader.resume();
    }, budget.readPauseMs());
  };
  socket.once('disconnect', () => {
    if (resumeTimer) clearTimeout(resumeTimer);
  });

  const refuse = (reply: Reply): void => {
    if (budget.overflowing()) {
      log.warn({ buffered: bufferedBytes(socket) }, 'socket closed: it does not read its answers');
      socket.disconnect(true);
      return;
    }
    reply(rateLimited);
  };

  socket.onAny((event: unknown, ...args: unknown[]) => {
    const last = args.at(-1);
    const hasAck = typeof last === 'function';
    if (!budget.takeEvent()) {
      pauseReading();
      if (hasAck) refuse(safeReply(log, event, last as (answer: unknown) => void));
      return;
    }
    if (!hasAck) {
      // Without an ack only ephemeral events make sense; anything else has no one to answer.
      ephemeral(deps, audience, socket, principal, budget, log, event, args[0]);
      return;
    }
    const reply = safeReply(log, event, last as (answer: unknown) => void);
    if (budget.begin() !== 'ok') {
      refuse(reply);
      return;
    }
    const payload = args.length > 1 ? args[0] : undefined;
    dispatch(deps, audience, principal, log, event, payload, reply)
      .catch((err: unknown) => answerThrown(deps, audience, principal, log, event, payload, err).then(reply))
      .finally(() => budget.end());
  });
}

/**
 * The answer to a command that threw. A store error about the hub (a full
 * disk, a lock, I/O) is `unavailable`, logged once per burst and never
 * recorded, so the outbox sends the command again once it clears. One about
 * the command itself (a constraint, a value too big) is `cannot_apply`,
 * recorded under the command's id like any final answer, so a resend gets the
 * same answer and no outbox retries it for ever. Anything else is `internal`.
 */
async function answerThrown<P extends Principal, T extends CommandTable, E extends EphemeralTable>(
  deps: DispatchDeps,
  audience: Audience<P, T, E>,
  principal: P,
  log: Logger,
  event: unknown,
  payload: unknown,
  err: unknown,
): Promise<Ack<unknown>> {
  const fault = classifyStoreError(err);
  if (!fault) {
    log.error({ err, event: printable(event) }, 'command failed');
    return fail('internal', 'Something went wrong on the hub. Try again.');
  }
  const ack = faultAck(fault);
  if (!fault.final) {
    alarmFor(deps.db, deps.log, deps.now).report(fault, err);
    return ack;
  }
  log.error({ err, event: printable(event), code: fault.code }, 'command cannot be applied');
  if (!hasName(audience.commands, event)) return ack;
  const spec: CommandSpec | undefined = audience.commands[event];
  const parsed = spec?.kind === 'mutation' ? spec.input.safeParse(payload) : null;
  const key = parsed?.success ? audience.resultKey(principal, parsed.data.id) : null;
  if (!key) return ack;
  try {
    const now = deps.now();
    return await deps.writes.run(async (trx) => {
      const stored = await findResult(trx, key);
      if (stored) return repeat(event, stored.event, stored.ack);
      await storeResult(trx, key, event, ack, now);
      return ack;
    });
  } catch (recordErr) {
    // Unrecorded, a resend runs the command again and meets the same refusal.
    log.warn({ err: recordErr, event }, 'could not record that a command cannot be applied');
    return ack;
  }
}

function safeReply(log: Logger, event: unknown, ack: (answer: unknown) => void): Reply {
  let answered = false;
  return (answer) => {
    if (answered) return;
    answered = true;
    try {
      ack(answer);
    } catch (err) {
      log.warn({ err, event: printable(event) }, 'ack failed');
    }
  };
}

function ephemeral<P extends Principal, T extends CommandTable, E extends EphemeralTable>(
  deps: DispatchDeps,
  audience: Audience<P, T, E>,
  socket: HubSocket,
  principal: P,
  budget: SocketBudget,
  log: Logger,
  event: unknown,
  payload: unknown,
): void {
  if (!hasName(audience.ephemerals, event)) {
    log.debug({ event: printable(event) }, 'event without ack dropped');
    return;
  }
  const spec = audience.ephemerals[event];
  // Over its own rate an ephemeral event is dropped unanswered: the next one carries the same news.
  if (!spec || !budget.takeEphemeral(event, spec.perSecond)) return;
  const parsed = spec.input.safeParse(payload);
  if (!parsed.success || audience.authorize(principal, spec.roles)) return;
  const handler = (audience.ephemeralHandlers as unknown as Record<string, AnyEphemeralHandler>)[event];
  if (!handler) return;
  const ctx: EphemeralContext<Principal> = {
    principal,
    now: deps.now(),
    log,
    relay: (room, name, push) => {
      // Typed by the caller's PushName; socket.io's own emit overloads cannot follow a generic name.
      // A room of another namespace (a worker typing to a customer's conversation) is reached on that
      // namespace; the sender is never in it, so nothing needs excluding there.
      const namespace = namespaceOfRoom(room);
      const operator =
        namespace === socket.nsp.name ? socket.to(room) : socket.nsp.server.of(namespace).to(room);
      const target = operator.volatile as unknown as {
        emit(event: string, payload: unknown): boolean;
      };
      target.emit(name, push);
    },
  };
  try {
    handler(ctx, parsed.data);
  } catch (err) {
    log.error({ err, event: printable(event) }, 'ephemeral event failed');
  }
}

async function dispatch<P extends Principal, T extends CommandTable, E extends EphemeralTable>(
  deps: DispatchDeps,
  audience: Audience<P, T, E>,
  principal: P,
  baseLog: Logger,
  event: unknown,
  payload: unknown,
  reply: Reply,
): Promise<void> {
  if (!hasName(audience.commands, event)) {
    reply(fail('invalid_input', 'Unknown command.'));
    return;
  }
  const spec: CommandSpec | undefined = audience.commands[event];
  if (!spec) return;
  const parsed = spec.input.safeParse(payload);
  if (!parsed.success) {
    reply(invalidInput(parsed.error));
    return;
  }
  const refusal = audience.authorize(principal, spec.roles);
  if (refusal) {
    reply(refusal);
    return;
  }
  const handler = audience.handlers[event] as AnyHandler;
  const log = baseLog.child({ event });
  const now = deps.now();
  if (handler.kind === 'query') {
    reply(await handler.run({ principal, db: deps.db, now, log }, parsed.data));
    return;
  }
  // A mutation's input has an id by type (see `mutation()` in shared/protocol/command.ts).
  const commandId = (parsed.data as { id: string }).id;
  const key = audience.resultKey(principal, commandId);
  if (!key) {
    reply(fail('forbidden', 'This connection cannot change anything.'));
    return;
  }
  // A repeat is found inside the write, in the same transaction that would record it: a lookup
  // before it would wait for the batch being committed and add that batch's time to every command.
  // The price is that a repeated id runs `prepare` again (cheap, but for hashing a password).
  const apply = await handler.prepare({ principal, now, log }, parsed.data);
  const outcome = await deps.writes.run(async (trx) => {
    // In the transaction: an earlier copy of this command, or a concurrent one, may have committed.
    const raced = await findResult(trx, key);
    if (raced) return { repeat: raced, applied: null } as const;
    const applied = await apply(trx);
    if (isFinal(applied.ack)) await storeResult(trx, key, event, applied.ack, now);
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

function repeat(event: string, storedEvent: string, ack: Ack<unknown>): Ack<unknown> {
  return storedEvent === event
    ? ack
    : fail('conflict', 'This command id was already used for another command.');
}
