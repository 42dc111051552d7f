import type { HttpResult } from '../http/respond';
import { httpError } from '../http/respond';
import type { AuthDeps } from './login';
import { verifyToken } from './tokens';

const bearer = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/i;

/** No body, and the same for every token: sign-out tells no one whether a token was good. */
const signedOut: HttpResult = { status: 204, body: null };

/**
 * `POST /api/logout` with `Authorization: Bearer <token>`. A genuine,
 * unexpired token is revoked until its own expiry and the sockets opened
 * with it end now; any other token, an expired or already revoked one, gets
 * the same 204.
 */
export async function logout(deps: AuthDeps, authorization: string | undefined): Promise<HttpResult> {
  const token = bearer.exec(authorization?.trim() ?? '')?.[1];
  const now = deps.now();
  const claims = token === undefined ? null : verifyToken(deps.tokenKey, token, now);
  if (!claims) return signedOut;
  try {
    await deps.revocations.revoke(claims.id, claims.exp, now);
  } catch (err) {
    // Its sockets have ended and this process refuses the token; only the record (and a restart) is at risk.
    deps.log.error({ err, userId: claims.uid }, 'sign-out could not be recorded');
    return httpError('unavailable', 'Signing out could not be recorded. Try again.');
  }
  deps.log.info({ userId: claims.uid, orgId: claims.org }, 'signed out');
  return signedOut;
}
