import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { loginRequestSchema, type LoginResponse } from '../../shared/protocol/auth';
import { toIssues } from '../../shared/protocol/ack';
import type { HttpResult } from '../http/respond';
import { httpError } from '../http/respond';
import type { Database } from '../store/schema';
import { decoyHash, verifyPassword } from './password';
import type { LoginLimiter } from './rate-limit';
import { signToken, tokenLifetimeMs } from './tokens';
import { findCredentials, loadSession } from './users';

export interface AuthDeps {
  db: Kysely<Database>;
  tokenKey: Buffer;
  limiter: LoginLimiter;
  log: Logger;
  now: () => number;
}

/** The answer to a successful sign-in or setup: a token, and who it is for as the store says now. */
export async function signedIn(
  deps: Pick<AuthDeps, 'tokenKey' | 'db'>,
  user: { id: number; orgId: number; tokenVersion: number },
  now: number,
): Promise<LoginResponse> {
  const record = await loadSession(deps.db, user.id);
  if (!record) throw new Error('a user who just signed in is missing');
  const expiresAt = now + tokenLifetimeMs;
  return {
    token: signToken(deps.tokenKey, { uid: user.id, org: user.orgId, tv: user.tokenVersion, exp: expiresAt }),
    expiresAt,
    userId: user.id,
    user: record.user,
  };
}

/** `POST /api/login`. The same 401 whether the username or the password is wrong. */
export async function login(deps: AuthDeps, body: unknown, ip: string): Promise<HttpResult> {
  const parsed = loginRequestSchema.safeParse(body);
  if (!parsed.success) return httpError('invalid_input', 'The request is not valid.', toIssues(parsed.error));
  const { username, password } = parsed.data;

  const attempt = await deps.limiter.begin(username, ip, deps.now());
  if (attempt === null) {
    deps.log.warn({ ip }, 'login rate limited');
    return httpError('rate_limited', 'Too many failed sign-ins. Wait a few minutes and try again.');
  }
  const user = await findCredentials(deps.db, username);
  const good = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !good) {
    deps.log.info({ ip }, 'login failed');
    return httpError('unauthorized', 'Wrong username or password.');
  }
  await deps.limiter.succeeded(attempt, username);
  deps.log.info({ userId: user.id, orgId: user.orgId }, 'login');
  return { status: 200, body: await signedIn(deps, user, deps.now()) };
}
