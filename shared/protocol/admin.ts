import { z } from 'zod';
import { displayNameSchema, passwordSchema, roleSchema, usernameSchema } from './auth';
import { mutation, query } from './command';
import { commandIdSchema, rowIdSchema } from './ids';

export const userSummarySchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  createdAt: z.number().int(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

const rolesSchema = z.array(roleSchema).min(1).max(4);

export const listUsersInput = z.object({}).strict();
export const listUsersOutput = z.object({ users: z.array(userSummarySchema) });

export const createUserInput = z
  .object({
    id: commandIdSchema,
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    roles: rolesSchema,
  })
  .strict();
export const createUserOutput = z.object({ user: userSummarySchema });

export const resetPasswordInput = z
  .object({ id: commandIdSchema, userId: rowIdSchema, password: passwordSchema })
  .strict();
export const resetPasswordOutput = z.object({ userId: z.number().int() });

export const setRolesInput = z
  .object({ id: commandIdSchema, userId: rowIdSchema, roles: rolesSchema })
  .strict();
export const setRolesOutput = z.object({ user: userSummarySchema });

/** Admin commands go one after another: a new account, then its roles, in the order the admin made them. */
const adminLane = { lane: () => 'admin', typed: () => null };

export const adminCommands = {
  'admin.users.list': query({
    input: listUsersInput,
    output: listUsersOutput,
    roles: ['admin', 'supervisor'],
  }),
  'admin.users.create': mutation({
    input: createUserInput,
    output: createUserOutput,
    roles: ['admin'],
    outbox: adminLane,
  }),
  'admin.users.resetPassword': mutation({
    input: resetPasswordInput,
    output: resetPasswordOutput,
    roles: ['admin'],
    outbox: adminLane,
  }),
  'admin.users.setRoles': mutation({
    input: setRolesInput,
    output: setRolesOutput,
    roles: ['admin'],
    outbox: adminLane,
  }),
};
