import { z } from 'zod';

/** Error codes a hub or host may answer with; the renderer maps each to a translated message. */
export const errorCodes = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  /** Final: the conversation changed since the sender last saw it (a reply that would talk past new messages). */
  'changed',
  /** Final: the store refuses this command as it is (a constraint, a value too big); resending cannot help. */
  'cannot_apply',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * Codes that mean "try again later", not "this command is wrong": the hub
 * never records them as a command's answer, and the outbox retries them.
 * `unauthorized` is neither: the session ended; the hub does not record it
 * either, and the outbox keeps the entry for the worker's next sign-in.
 */
export const transientCodes: ReadonlySet<ErrorCode> = new Set(['unavailable', 'internal', 'rate_limited']);

export const issueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

export const errorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  issues: z.array(issueSchema).optional(),
  /**
   * A `rate_limited` refusal that knows its wait (the sign-in limiter's) says it, so the worker is told the
   * real figure; at most a day, so a broken or hostile hub cannot tell a worker to wait for years.
   */
  retryAfterMs: z.number().int().positive().max(86_400_000).optional(),
});
export type AckError = z.infer<typeof errorSchema>;

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, issues?: Issue[]): Ack<never> {
  return issues ? { ok: false, error: { code, message, issues } } : { ok: false, error: { code, message } };
}

/** Turns zod issues into the wire form: plain paths, no symbols, bounded in number. */
export function toIssues(error: z.ZodError, max = 20): Issue[] {
  return error.issues.slice(0, max).map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
}

export function invalidInput(error: z.ZodError): Ack<never> {
  return fail('invalid_input', 'The request is not valid.', toIssues(error));
}

/** Schema for an ack whose data matches `data`; used by clients to check what a hub answered. */
export function ackSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: errorSchema }),
  ]);
}

/**
 * Why the hub refused a socket connection (the `connect_error` message). The
 * first means "sign in again"; the second "this address, or this user, has
 * too many open connections right now": wait and try again, the session is fine.
 */
export const connectRefusals = { unauthorized: 'unauthorized', busy: 'too_many_connections' } as const;
