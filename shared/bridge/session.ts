import { z } from 'zod';
import { sessionUserSchema } from '../protocol/auth';
import { text } from '../protocol/text';

/**
 * The host, not the renderer, knows who is signed in. Sign-in and sign-out go
 * through it; it keeps the session in memory (a restart means signing in
 * again) and binds every draft and outbox entry to that worker itself, so a
 * renderer on a shared PC can never queue, read or send anything as someone
 * else. Every call that touches a worker's data names the `sessionId` it was
 * given; a call naming another one is refused.
 */
export const sessionIdSchema = z.string().min(16).max(64);

export const hostSessionSchema = z.object({
  sessionId: sessionIdSchema,
  hubUrl: z.string(),
  token: z.string(),
  expiresAt: z.number().int(),
  user: sessionUserSchema,
  /**
   * Whose data this is on this workstation (ownerKey): the same worker on the same hub gets the same
   * key after a restart, even on the embedded hub's new port, so a page can keep work for them.
   */
  owner: z.string().min(1).max(300),
});
export type HostSession = z.infer<typeof hostSessionSchema>;

export const signInInputSchema = z
  .object({
    username: text().trim().min(1).max(64),
    password: text().min(1).max(256),
  })
  .strict();

/** What every worker-scoped bridge call carries. */
export const sessionScoped = { sessionId: sessionIdSchema };
