import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Ack } from '../../shared/protocol/ack';
import type { SessionUser } from '../../shared/protocol/auth';
import type { CommandName, CommandOutput, Commands } from '../../shared/protocol/events';
import type { Database } from '../store/schema';

/** The payload after the command's schema parsed it (defaults applied, strings trimmed). */
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;

export interface CommandContext {
  session: SessionUser;
  /** For a mutation, the transaction the result is recorded in. */
  db: Kysely<Database>;
  now: number;
  log: Logger;
}

export interface QueryHandler<N extends CommandName> {
  kind: 'query';
  run(ctx: CommandContext, input: ParsedInput<N>): Promise<Ack<CommandOutput<N>>>;
}

export interface Applied<T> {
  ack: Ack<T>;
  /** Pushes and other effects: run once, after the commit and the ack, never on a repeat. */
  after?: () => void;
}

export type Apply<T> = (trx: Kysely<Database>) => Promise<Applied<T>>;

export interface MutationHandler<N extends CommandName> {
  kind: 'mutation';
  /**
   * Slow work that needs no transaction (hashing a password) happens here,
   * outside the single SQLite writer; it returns what runs inside the
   * transaction that also records the result. Skipped for a repeated id.
   */
  prepare(ctx: Omit<CommandContext, 'db'>, input: ParsedInput<N>): Promise<Apply<CommandOutput<N>>>;
}

export type HandlerFor<N extends CommandName> = Commands[N]['mutating'] extends true
  ? MutationHandler<N>
  : QueryHandler<N>;

/** One handler for every command in `shared/protocol/events.ts`; a missing one is a type error. */
export type Handlers = { [N in CommandName]: HandlerFor<N> };
