import { loginResponseSchema, sessionUserSchema, type SessionUser } from '../../shared/protocol';
import { z } from 'zod';

/**
 * Tokens live in sessionStorage, never localStorage: they die with the tab, a
 * reload keeps working, and another user of the same PC does not inherit them.
 */
const bridgeTokenKey = 'wings.bridgeToken';
const hubSessionKey = 'wings.hubSession';

export function readBridgeToken(): string | null {
  return sessionStorage.getItem(bridgeTokenKey);
}

export function writeBridgeToken(token: string): void {
  sessionStorage.setItem(bridgeTokenKey, token);
}

const storedSessionSchema = loginResponseSchema.extend({
  hubUrl: z.string(),
  /** Last answer to session.whoami, so a reload while the hub is down still opens the shell. */
  user: sessionUserSchema.nullable(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

export function readHubSession(now = Date.now()): StoredSession | null {
  const raw = sessionStorage.getItem(hubSessionKey);
  if (!raw) return null;
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
    if (parsed.success && parsed.data.expiresAt > now) return parsed.data;
  } catch {
    // A hand-edited or truncated entry is as good as none.
  }
  sessionStorage.removeItem(hubSessionKey);
  return null;
}

export function writeHubSession(session: StoredSession): void {
  sessionStorage.setItem(hubSessionKey, JSON.stringify(session));
}

export function rememberUser(user: SessionUser): void {
  const current = readHubSession();
  if (current) writeHubSession({ ...current, user });
}

export function clearHubSession(): void {
  sessionStorage.removeItem(hubSessionKey);
}
