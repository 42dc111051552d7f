import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { toIssues } from '../../shared/protocol/ack';
import { passwordSchema, setupRequestSchema } from '../../shared/protocol/auth';
import type { HttpResult } from '../http/respond';
import { httpError } from '../http/respond';
import type { Database } from '../store/schema';
import type { AuthDeps } from './login';
import { signedIn } from './login';
import type { LoginLimits } from './backoff';
import { retryAfterSeconds } from './backoff';
import { MemoryAttempts } from './memory-attempts';
import { hashPassword } from './password';
import { sourceOf } from './source';
import { countOrganisations, createOrganisation, createUser } from './users';

/** No 0/O or 1/I/L: the code may be read aloud or typed with an on-screen keyboard. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Twelve characters, about 59 bits, shown as XXXX-XXXX-XXXX. */
export function newSetupCode(): string {
  const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

function canonical(code: string): Buffer {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest();
}

/**
 * Wrong codes per source: five free, then a doubling wait. About 59 bits
 * against a few tries an hour per source is safe without a global cap, which
 * would let anyone block the owner's own setup.
 */
export const setupLimits: LoginLimits = {
  pair: { free: 5, baseMs: 30_000, maxMs: 15 * 60_000 },
  source: { free: 5, baseMs: 30_000, maxMs: 15 * 60_000 },
  keepMs: 24 * 60 * 60_000,
};

/** The one key setup attempts are counted under, per source; nothing else reads this limiter. */
const setupAttempt = 'setup';

/**
 * Holds the one-time code of a hub that has no organisation yet. Setup
 * creates the first organisation and its admin, once; the code then dies.
 * Wrong codes have their own limiter, in memory like the code itself (a
 * restart makes a new code): sign-ins never touch it, whatever username they
 * name, and wrong codes never slow a sign-in.
 */
export class SetupGate {
  constructor(
    private current: string | null,
    private readonly attempts = new MemoryAttempts(setupLimits, 10_000),
  ) {}

  get code(): string | null {
    return this.current;
  }

  async setup(deps: AuthDeps, body: unknown, ip: string): Promise<HttpResult> {
    if (this.current === null) return httpError('conflict', 'This hub is already set up.');
    const parsed = setupRequestSchema.safeParse(body);
    if (!parsed.success)
      return httpError('invalid_input', 'The request is not valid.', toIssues(parsed.error));
    const source = sourceOf(ip);
    const attempt = this.attempts.begin(setupAttempt, source, deps.now());
    if (!attempt.allowed)
      return {
        ...httpError('rate_limited', 'Too many wrong setup codes. Wait and try again.'),
        headers: { 'retry-after': retryAfterSeconds(attempt.retryAfterMs) },
      };
    if (!timingSafeEqual(canonical(parsed.data.code), canonical(this.current))) {
      deps.log.warn({ source }, 'wrong setup code');
      return httpError('unauthorized', 'The setup code is wrong.');
    }
    this.attempts.forgive(setupAttempt, source);
    const passwordHash = await hashPassword(parsed.data.password);
    const now = deps.now();
    const created = await deps.db.transaction().execute(async (trx) => {
      if ((await countOrganisations(trx)) > 0) return null;
      const orgId = await createOrganisation(trx, parsed.data.organisation, now);
      const user = await createUser(trx, {
        orgId,
        username: parsed.data.username,
        displayName: parsed.data.displayName,
        passwordHash,
        roles: ['admin', 'supervisor'],
        now,
      });
      if (!user) throw new Error('first user collided on an empty store');
      return { id: user.id, orgId, tokenVersion: 0 };
    });
    this.current = null;
    if (!created) return httpError('conflict', 'This hub is already set up.');
    deps.log.info({ orgId: created.orgId, userId: created.id }, 'hub set up');
    return { status: 200, body: await signedIn(deps, created, now) };
  }
}

/** `--admin-password`: on an empty store, an organisation with one admin called "admin". */
export async function bootstrapAdmin(db: Kysely<Database>, password: string, now: number): Promise<boolean> {
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new Error('admin password must be 8 to 256 characters');
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    if ((await countOrganisations(trx)) > 0) return false;
    const orgId = await createOrganisation(trx, 'Wings', now);
    await createUser(trx, {
      orgId,
      username: 'admin',
      displayName: 'Administrator',
      passwordHash,
      roles: ['admin', 'supervisor'],
      now,
    });
    return true;
  });
}
