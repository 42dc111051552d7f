import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Ack } from '../../shared/protocol/ack';
import type {
  CommandTable,
  EphemeralTable,
  MutationSpec,
  NamesOf,
  OutputOf,
  ParsedOf,
  QuerySpec,
} from '../../shared/protocol/command';
import type { HubPushName, HubPushPayload } from '../../shared/protocol/events';
import type { Database } from '../store/schema';
import type { Principal } from './principal';

export interface CommandContext<P extends Principal> {
  principal: P;
  /** For a mutation, the transaction the result is recorded in. */
  db: Kysely<Database>;
  now: number;
  log: Logger;
}

export interface QueryHandler<P extends Principal, In, Out> {
  kind: 'query';
  run(ctx: CommandContext<P>, input: In): Promise<Ack<Out>>;
}

export interface Applied<T> {
  ack: Ack<T>;
  /** Pushes and other effects: run once, after the commit and the ack, never on a repeat. */
  after?: () => void;
}

export type Apply<T> = (trx: Kysely<Database>) => Promise<Applied<T>>;

export interface MutationHandler<P extends Principal, In, Out> {
  kind: 'mutation';
  /**
   * Slow work that needs no transaction (hashing a password) happens here,
   * outside the single SQLite writer; it returns what runs inside the
   * transaction that also records the result. Skipped for a repeated id.
   */
  prepare(ctx: Omit<CommandContext<P>, 'db'>, input: In): Promise<Apply<Out>>;
}

export type HandlerFor<P extends Principal, S> = S extends MutationSpec
  ? MutationHandler<P, ParsedOf<S>, OutputOf<S>>
  : S extends QuerySpec
    ? QueryHandler<P, ParsedOf<S>, OutputOf<S>>
    : never;

/** One handler per command of a table; a missing one is a type error. */
export type Handlers<T extends CommandTable, P extends Principal> = {
  [N in NamesOf<T>]: HandlerFor<P, T[N]>;
};

export interface EphemeralContext<P extends Principal> {
  principal: P;
  now: number;
  log: Logger;
  /** Sends a push to a room, volatile (dropped rather than queued for a slow client), never to the sender. */
  relay<N extends HubPushName>(room: string, name: N, payload: HubPushPayload<N>): void;
}

export type EphemeralHandler<P extends Principal, In> = (ctx: EphemeralContext<P>, input: In) => void;

export type EphemeralHandlers<T extends EphemeralTable, P extends Principal> = {
  [N in NamesOf<T>]: EphemeralHandler<P, ParsedOf<T[N]>>;
};
