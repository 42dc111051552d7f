import { z } from 'zod';
import { query } from './command';

/**
 * What the hub tells anyone who asks, before sign-in: enough for the sign-in
 * screen to say which hub it is about to send a password to, whether that hub
 * speaks this workstation's protocol, and whether its clock agrees with ours.
 * Nothing about organisations or people.
 */
export const protocolVersion = 2;

export const helloInput = z.object({}).strict();
export const helloOutput = z.object({
  product: z.literal('wings-hub'),
  protocol: z.number().int().positive(),
  serverTime: z.number().int(),
  /** True until the first organisation exists (then `POST /api/setup` is closed). */
  setupRequired: z.boolean(),
});
export type HubHello = z.infer<typeof helloOutput>;

export const publicCommands = {
  'hub.hello': query({ input: helloInput, output: helloOutput, roles: [] }),
};
