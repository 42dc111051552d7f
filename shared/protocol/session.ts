import { z } from 'zod';
import { sessionUserSchema } from './auth';

export const whoamiInput = z.object({}).strict();
export const whoamiOutput = z.object({ user: sessionUserSchema, serverTime: z.number().int() });
