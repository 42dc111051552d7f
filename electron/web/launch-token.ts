import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bridge token's file in the data directory. */
export const launchTokenFile = 'web-token';

/** 32 random bytes as base64url: exactly this shape, so a cut or edited file is never trusted. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export interface LaunchTokenLog {
  warn(message: string): void;
}

/**
 * The web bridge's token, kept in `<dataDir>/web-token` so a restart on the
 * same data directory keeps the printed address valid and an open page
 * reconnects on its own. Only its owner may read it (0600), it is written to
 * a temporary file and renamed so no reader ever sees half a token, and a
 * file that does not hold a whole token is replaced (and said so).
 */
export function loadLaunchToken(dataDir: string, log: LaunchTokenLog): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, launchTokenFile);
  let stored: string | null = null;
  try {
    stored = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if (!isMissing(error)) log.warn(`web mode: cannot read ${path} (${describe(error)}); making a new token`);
  }
  if (stored !== null && tokenPattern.test(stored)) {
    // A file copied in with looser rights is tightened, not left readable by others.
    chmodSync(path, 0o600);
    return stored;
  }
  if (stored !== null) log.warn(`web mode: ${path} does not hold a valid token; replaced with a new one`);
  const token = randomBytes(32).toString('base64url');
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${token}\n`, { mode: 0o600, flag: 'w' });
  // The mode given to writeFileSync is masked by the umask and ignored for an existing file.
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
  return token;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
