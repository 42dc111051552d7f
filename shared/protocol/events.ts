import type { z } from 'zod';
import type { Role } from './auth';
import * as admin from './admin';
import * as session from './session';
import * as team from './team';

interface CommandSpec<I extends z.ZodType, O extends z.ZodType, M extends boolean> {
  input: I;
  output: O;
  /** Mutating commands carry a UUIDv7 `id` and are applied once per id. */
  mutating: M;
  /** Any one of these roles may call it; empty means every signed-in user. */
  roles: readonly Role[];
}

function command<I extends z.ZodType, O extends z.ZodType, M extends boolean>(
  spec: CommandSpec<I, O, M>,
): CommandSpec<I, O, M> {
  return spec;
}

/** Every client → hub socket.io event. The hub rejects any event not named here. */
export const commands = {
  'session.whoami': command({
    input: session.whoamiInput,
    output: session.whoamiOutput,
    mutating: false,
    roles: [],
  }),
  'admin.users.list': command({
    input: admin.listUsersInput,
    output: admin.listUsersOutput,
    mutating: false,
    roles: ['admin', 'supervisor'],
  }),
  'admin.users.create': command({
    input: admin.createUserInput,
    output: admin.createUserOutput,
    mutating: true,
    roles: ['admin'],
  }),
  'admin.users.resetPassword': command({
    input: admin.resetPasswordInput,
    output: admin.resetPasswordOutput,
    mutating: true,
    roles: ['admin'],
  }),
  'team.post': command({ input: team.teamPostInput, output: team.teamPostOutput, mutating: true, roles: [] }),
  'team.history': command({
    input: team.teamHistoryInput,
    output: team.teamHistoryOutput,
    mutating: false,
    roles: [],
  }),
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;
export type MutatingCommandName = {
  [N in CommandName]: Commands[N]['mutating'] extends true ? N : never;
}[CommandName];

export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}

/** Every hub → client push event. */
export const pushes = {
  'team.message': team.teamMessagePush,
} as const;
export type PushName = keyof typeof pushes;
export type PushPayload<N extends PushName> = z.output<(typeof pushes)[N]>;
