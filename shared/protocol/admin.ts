import { z } from 'zod';
import { displayNameSchema, passwordSchema, roleSchema, usernameSchema } from './auth';
import { commandIdSchema, rowIdSchema } from './ids';

export const userSummarySchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  createdAt: z.number().int(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const listUsersInput = z.object({}).strict();
export const listUsersOutput = z.object({ users: z.array(userSummarySchema) });

export const createUserInput = z
  .object({
    id: commandIdSchema,
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    roles: z.array(roleSchema).min(1).max(4),
  })
  .strict();
export const createUserOutput = z.object({ user: userSummarySchema });

export const resetPasswordInput = z
  .object({ id: commandIdSchema, userId: rowIdSchema, password: passwordSchema })
  .strict();
export const resetPasswordOutput = z.object({ userId: z.number().int() });
