import { z } from 'zod';
import { query } from './command';
import { sessionUserSchema } from './auth';

export const whoamiInput = z.object({}).strict();
export const whoamiOutput = z.object({ user: sessionUserSchema, serverTime: z.number().int() });

export const sessionCommands = {
  'session.whoami': query({ input: whoamiInput, output: whoamiOutput, roles: [] }),
};
