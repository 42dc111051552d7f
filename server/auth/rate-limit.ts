import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../store/schema';
import type { Decision, LoginLimits, Tally } from './backoff';
import { decide, defaultLoginLimits } from './backoff';
import { MemoryAttempts } from './memory-attempts';
import { normalizeUsername } from './users';

/** What `begin` hands back for `succeeded`: which pair to forgive, and where it was counted. */
export interface AttemptTicket {
  username: string;
  source: string;
  counted: 'store' | 'memory';
}

export type BeginResult = { allowed: true; ticket: AttemptTicket } | Extract<Decision, { allowed: false }>;

/**
 * Counts failed sign-ins per (username, source) and per source, in the store,
 * so a restart does not reset them and several hub nodes would share them.
 * The check runs before the password, so a waiting pair costs no scrypt.
 * Race-free: an attempt is counted as a failure in the same transaction that
 * checks the tally, before the password is checked, and forgiven after, so a
 * burst of parallel guesses cannot slip under the limit while scrypt runs.
 *
 * When the store cannot be read or written (a full disk), the limiter counts
 * in memory instead and says so in the log: a wrong password stays a 401 and
 * a right one still signs in. Old rows go with housekeeping (`sweeps.ts`); a
 * pair past `keepMs` that is still in the table counts, which only errs safe.
 */
export class LoginLimiter {
  private readonly memory: MemoryAttempts;
  private degraded = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    private readonly limits: LoginLimits = defaultLoginLimits,
  ) {
    this.memory = new MemoryAttempts(limits);
  }

  async begin(username: string, source: string, now: number): Promise<BeginResult> {
    const name = normalizeUsername(username);
    let decision: Decision;
    let counted: AttemptTicket['counted'] = 'store';
    try {
      decision = await this.beginInStore(name, source, now);
      if (this.degraded) {
        this.degraded = false;
        this.log.info('login limiter is counting in the store again');
      }
    } catch (err) {
      if (!this.degraded) {
        this.degraded = true;
        this.log.error({ err }, 'login limiter cannot use the store; counting failed sign-ins in memory');
      }
      decision = this.memory.begin(name, source, now);
      counted = 'memory';
    }
    return decision.allowed ? { allowed: true, ticket: { username: name, source, counted } } : decision;
  }

  /** The password was right: this attempt was no failure, and the pair's earlier ones are forgiven. */
  async succeeded(ticket: AttemptTicket): Promise<void> {
    this.memory.forgive(ticket.username, ticket.source);
    if (ticket.counted !== 'store') return;
    try {
      await this.db
        .deleteFrom('login_attempts')
        .where('username', '=', ticket.username)
        .where('source', '=', ticket.source)
        .execute();
    } catch (err) {
      this.log.warn({ err }, 'could not forgive a sign-in attempt in the store');
    }
  }

  /** An admin reset the password: the worker may try again at once, from anywhere. */
  async clearUsername(username: string): Promise<void> {
    const name = normalizeUsername(username);
    this.memory.clearName(name);
    await this.db.deleteFrom('login_attempts').where('username', '=', name).execute();
  }

  private beginInStore(name: string, source: string, now: number): Promise<Decision> {
    return this.db.transaction().execute(async (trx) => {
      const pair = await trx
        .selectFrom('login_attempts')
        .select(['failures', 'last_failure_at'])
        .where('username', '=', name)
        .where('source', '=', source)
        .executeTakeFirst();
      const total = await trx
        .selectFrom('login_attempts')
        .select((eb) => [
          eb.fn.sum<number | null>('failures').as('failures'),
          eb.fn.max<number | null>('last_failure_at').as('last'),
        ])
        .where('source', '=', source)
        .executeTakeFirst();
      const sourceTally: Tally | undefined =
        total?.failures != null && total.last != null
          ? { failures: Number(total.failures), lastFailureAt: Number(total.last) }
          : undefined;
      const decision = decide(
        this.limits,
        pair && { failures: pair.failures, lastFailureAt: pair.last_failure_at },
        sourceTally,
        now,
      );
      if (!decision.allowed) return decision;
      await trx
        .insertInto('login_attempts')
        .values({ username: name, source, failures: 1, last_failure_at: now })
        .onConflict((oc) =>
          oc.columns(['username', 'source']).doUpdateSet((eb) => ({
            failures: eb('login_attempts.failures', '+', 1),
            last_failure_at: eb.ref('excluded.last_failure_at'),
          })),
        )
        .execute();
      return decision;
    });
  }
}
