import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../store/schema';
import type { AuthDeps } from './login';
import { LoginLimiter } from './rate-limit';
import { Revocations } from './revocations';
import { loadTokenKey } from './secret';

export interface AuthConfig {
  db: Kysely<Database>;
  /** Where `token.key` lives, beside `hub.sqlite`. */
  dataDir: string;
  log: Logger;
  now: () => number;
}

/** Everything sign-in, sign-out and socket authentication share; built once per hub, after migrations. */
export async function createAuth(config: AuthConfig): Promise<AuthDeps> {
  const { db, log, now } = config;
  return {
    db,
    tokenKey: await loadTokenKey(db, config.dataDir, log),
    limiter: new LoginLimiter(db, log),
    revocations: new Revocations(db),
    log,
    now,
  };
}
