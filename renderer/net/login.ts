import { errorSchema, loginResponseSchema, type ErrorCode, type LoginResponse } from '../../shared/protocol';

export type LoginResult =
  { ok: true; session: LoginResponse } | { ok: false; reason: 'wrong_credentials' | 'network' | ErrorCode };

const loginTimeoutMs = 15_000;

/** POST /api/login on the hub; every failure comes back as a reason the sign-in screen can translate. */
export async function login(hubUrl: string, username: string, password: string): Promise<LoginResult> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/login', hubUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(loginTimeoutMs),
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = loginResponseSchema.safeParse(body);
    return parsed.success ? { ok: true, session: parsed.data } : { ok: false, reason: 'internal' };
  }
  if (response.status === 401) return { ok: false, reason: 'wrong_credentials' };
  if (response.status === 429) return { ok: false, reason: 'rate_limited' };
  const error = errorSchema.safeParse((body as { error?: unknown } | null)?.error);
  if (error.success) return { ok: false, reason: error.data.code };
  return { ok: false, reason: response.status >= 500 ? 'unavailable' : 'internal' };
}
