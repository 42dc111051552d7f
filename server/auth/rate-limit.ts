import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { normalizeUsername } from './users';

export interface LoginLimits {
  /** Failed attempts on one username inside the window before it is locked. */
  perUsername: number;
  /** Failed attempts from one address, across usernames, inside the window. */
  perIp: number;
  windowMs: number;
}

export const defaultLoginLimits: LoginLimits = { perUsername: 5, perIp: 50, windowMs: 15 * 60 * 1000 };

/**
 * Counts failed sign-ins in the store, so a restart does not reset them and
 * several hub nodes would share them. An attempt is counted as a failure
 * before the password is checked and forgiven after, so a burst of parallel
 * guesses cannot slip under the limit while scrypt runs.
 */
export class LoginLimiter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly limits: LoginLimits = defaultLoginLimits,
  ) {}

  /** Null when over a limit; otherwise the id of the provisional failure to forgive on success. */
  async begin(username: string, ip: string, now: number): Promise<number | null> {
    const name = normalizeUsername(username);
    const since = now - this.limits.windowMs;
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('login_failures').where('created_at', '<=', since).execute();
      const counts = await trx
        .selectFrom('login_failures')
        .select((eb) => [
          eb.fn.sum<number>(eb.case().when('username', '=', name).then(1).else(0).end()).as('byName'),
          eb.fn.sum<number>(eb.case().when('ip', '=', ip).then(1).else(0).end()).as('byIp'),
        ])
        .where('created_at', '>', since)
        .where((eb) => eb.or([eb('username', '=', name), eb('ip', '=', ip)]))
        .executeTakeFirst();
      if (Number(counts?.byName ?? 0) >= this.limits.perUsername) return null;
      if (Number(counts?.byIp ?? 0) >= this.limits.perIp) return null;
      const row = await trx
        .insertInto('login_failures')
        .values({ username: name, ip, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
  }

  /** The password was right: the attempt was no failure, and earlier ones on this name are forgiven. */
  async succeeded(attemptId: number, username: string): Promise<void> {
    await this.db
      .deleteFrom('login_failures')
      .where((eb) => eb.or([eb('id', '=', attemptId), eb('username', '=', normalizeUsername(username))]))
      .execute();
  }

  /** An admin reset the password: the worker may try again at once. */
  async clearUsername(username: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('username', '=', normalizeUsername(username)).execute();
  }
}
