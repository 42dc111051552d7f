import type { z } from 'zod';
import type { Role } from './auth';

/**
 * How a client → hub event is described. Each job exports a table of these
 * (`shared/protocol/<job>.ts`); an audience (workers, customers, viewers) is
 * the union of the tables it may call, and the hub's dispatcher is built from
 * one audience's table, so an event not in it does not exist for that socket.
 */

/** Any one of these roles may call it; empty means every principal of the audience. */
type Roles = readonly Role[];

/** Reads only: never recorded, safe to repeat, answered from what the store holds now. */
export interface QuerySpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'query';
  input: I;
  output: O;
  roles: Roles;
}

/** What every mutating command's input holds: the client-made UUIDv7 it is applied once per. */
export interface CommandIdField {
  id: string;
}

/** How the workstation's outbox treats a command while it waits to be delivered. */
export interface OutboxPolicy<In> {
  /**
   * Commands of one lane are delivered in the order they were queued; lanes
   * never wait on each other (a reply stuck on one conversation does not hold
   * back a clock-out). One lane per conversation, one for live cues, one for
   * clock events, one for the team board, and so on.
   */
  lane(input: In): string;
  /** What the worker typed, shown in the "not sent" list and put back into the composer; null if nothing. */
  typed(input: In): string | null;
}

/**
 * Changes state. The input schema must have an `id` (a type error otherwise):
 * the hub records the answer under it in the same transaction, and answers a
 * repeat with the first answer.
 */
export interface MutationSpec<
  I extends z.ZodType<CommandIdField> = z.ZodType<CommandIdField>,
  O extends z.ZodType = z.ZodType,
> {
  kind: 'mutation';
  input: I;
  output: O;
  roles: Roles;
  outbox: OutboxPolicy<z.output<I>>;
}

export type CommandSpec = QuerySpec | MutationSpec;
export type CommandTable = Record<string, CommandSpec>;

export function query<I extends z.ZodType, O extends z.ZodType>(
  spec: Omit<QuerySpec<I, O>, 'kind'>,
): QuerySpec<I, O> {
  return { kind: 'query', ...spec };
}

export function mutation<I extends z.ZodType<CommandIdField>, O extends z.ZodType>(
  spec: Omit<MutationSpec<I, O>, 'kind'>,
): MutationSpec<I, O> {
  return { kind: 'mutation', ...spec };
}

/**
 * Fire-and-forget events (typing, presence, "agent is viewing"): no ack, no
 * command id, never written to the store, lost if the connection drops. The
 * hub validates them like commands and limits each socket to `perSecond`.
 */
export interface EphemeralSpec<I extends z.ZodType = z.ZodType> {
  kind: 'ephemeral';
  input: I;
  roles: Roles;
  /** Events of this name one socket may send per second; more are dropped. */
  perSecond: number;
}
export type EphemeralTable = Record<string, EphemeralSpec>;

export function ephemeral<I extends z.ZodType>(spec: Omit<EphemeralSpec<I>, 'kind'>): EphemeralSpec<I> {
  return { kind: 'ephemeral', ...spec };
}

/**
 * A hub → client push. `durable` pushes carry a per-stream seq and can be
 * fetched again after a gap; ephemeral ones are sent volatile and never again.
 */
export interface PushSpec<S extends z.ZodType = z.ZodType> {
  payload: S;
  durable: boolean;
}
export type PushTable = Record<string, PushSpec>;

export function push<S extends z.ZodType>(spec: PushSpec<S>): PushSpec<S> {
  return spec;
}

/** Own-property lookup, so `__proto__` or `toString` never count as an event name. */
export function hasName<T extends object>(table: T, name: unknown): name is keyof T & string {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(table, name);
}

export type NamesOf<T> = Extract<keyof T, string>;
export type InputOf<S> = S extends { input: infer I extends z.ZodType } ? z.input<I> : never;
export type ParsedOf<S> = S extends { input: infer I extends z.ZodType } ? z.output<I> : never;
export type OutputOf<S> = S extends { output: infer O extends z.ZodType } ? z.output<O> : never;
export type MutationNames<T extends CommandTable> = {
  [N in NamesOf<T>]: T[N] extends MutationSpec ? N : never;
}[NamesOf<T>];
export type QueryNames<T extends CommandTable> = Exclude<NamesOf<T>, MutationNames<T>>;
