import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { loginRequestSchema, type LoginResponse } from '../../shared/protocol/auth';
import { toIssues } from '../../shared/protocol/ack';
import type { HttpResult } from '../http/respond';
import { httpError } from '../http/respond';
import type { Database } from '../store/schema';
import { retryAfterSeconds } from './backoff';
import { decoyHash, verifyPassword } from './password';
import type { LoginLimiter } from './rate-limit';
import type { Revocations } from './revocations';
import { sourceOf } from './source';
import { newTokenId, signToken, tokenLifetimeMs } from './tokens';
import type { Credentials } from './users';
import { findCandidates, loadSession } from './users';

export interface AuthDeps {
  db: Kysely<Database>;
  tokenKey: Buffer;
  limiter: LoginLimiter;
  revocations: Revocations;
  log: Logger;
  now: () => number;
}

/**
 * How many accounts of one username one sign-in checks the password against.
 * Usernames are unique per organisation, so "admin" may exist in several; a
 * hub where more organisations than this share a username needs the sign-in
 * to name the organisation.
 */
export const maxCandidates = 4;

/** The answer to a successful sign-in or setup: a token, and who it is for as the store says now. */
export async function signedIn(
  deps: Pick<AuthDeps, 'tokenKey' | 'db'>,
  user: { id: number; orgId: number; tokenVersion: number },
  now: number,
): Promise<LoginResponse> {
  const record = await loadSession(deps.db, user.id);
  if (!record) throw new Error('a user who just signed in is missing');
  const expiresAt = now + tokenLifetimeMs;
  const token = signToken(deps.tokenKey, {
    jti: newTokenId(),
    uid: user.id,
    org: user.orgId,
    tv: user.tokenVersion,
    iat: now,
    exp: expiresAt,
  });
  return { token, expiresAt, userId: user.id, user: record.user };
}

/**
 * A 429 that says its wait twice: `Retry-After` for HTTP clients, and
 * `error.retryAfterMs` in the body (errorSchema) so the sign-in form can tell
 * the worker the real figure rather than a guess.
 */
export function limitedFor(retryAfterMs: number, message: string): HttpResult {
  const wait = Math.max(1, Math.ceil(retryAfterMs));
  return {
    status: 429,
    body: { ok: false, error: { code: 'rate_limited', message, retryAfterMs: wait } },
    headers: { 'retry-after': retryAfterSeconds(wait) },
  };
}

/**
 * The accounts whose password this is. The hashes are checked side by side
 * on libuv's pool, and an unknown username is checked against a decoy, so
 * the answer takes about one scrypt whether the name exists or not.
 */
async function matching(password: string, candidates: readonly Credentials[]): Promise<Credentials[]> {
  if (candidates.length === 0) {
    await verifyPassword(password, await decoyHash());
    return [];
  }
  const results = await Promise.all(candidates.map((c) => verifyPassword(password, c.passwordHash)));
  return candidates.filter((_, i) => results[i]);
}

/**
 * `POST /api/login`. The same 401 whether the username or the password is
 * wrong. A source that keeps failing on a username waits before its next try
 * (429 with `Retry-After`), checked before the password; another source with
 * the right password is never slowed by those failures.
 */
export async function login(deps: AuthDeps, body: unknown, ip: string): Promise<HttpResult> {
  const parsed = loginRequestSchema.safeParse(body);
  if (!parsed.success) return httpError('invalid_input', 'The request is not valid.', toIssues(parsed.error));
  const { username, password, organisation } = parsed.data;
  const source = sourceOf(ip);

  const attempt = await deps.limiter.begin(username, source, deps.now());
  if (!attempt.allowed) {
    deps.log.warn({ source }, 'login delayed after failures');
    return limitedFor(attempt.retryAfterMs, 'Too many failed sign-ins. Wait a few minutes and try again.');
  }
  const candidates = (await findCandidates(deps.db, username, organisation)).slice(0, maxCandidates);
  const matched = await matching(password, candidates);
  const user = matched[0];
  if (!user) {
    deps.log.info({ source }, 'login failed');
    return httpError('unauthorized', 'Wrong username or password.');
  }
  await deps.limiter.succeeded(attempt.ticket);
  if (matched.length > 1) {
    // Only someone who knows the password learns that it fits twice; which organisation stays theirs to say.
    return httpError(
      'conflict',
      'This username and password fit more than one organisation. Name your organisation to sign in.',
    );
  }
  deps.log.info({ userId: user.id, orgId: user.orgId }, 'login');
  return { status: 200, body: await signedIn(deps, user, deps.now()) };
}
