import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { toIssues } from '../../shared/protocol/ack';
import { passwordSchema, setupRequestSchema } from '../../shared/protocol/auth';
import type { HttpResult } from '../http/respond';
import { httpError } from '../http/respond';
import type { Database } from '../store/schema';
import type { AuthDeps } from './login';
import { signedIn } from './login';
import { hashPassword } from './password';
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

/** A username no one can register, so setup attempts get their own failure counter. */
const setupLimiterKey = '#setup';

/**
 * Holds the one-time code of a hub that has no organisation yet. Setup
 * creates the first organisation and its admin, once; the code then dies.
 */
export class SetupGate {
  constructor(private current: string | null) {}

  get code(): string | null {
    return this.current;
  }

  async setup(deps: AuthDeps, body: unknown, ip: string): Promise<HttpResult> {
    if (this.current === null) return httpError('conflict', 'This hub is already set up.');
    const parsed = setupRequestSchema.safeParse(body);
    if (!parsed.success)
      return httpError('invalid_input', 'The request is not valid.', toIssues(parsed.error));
    const attempt = await deps.limiter.begin(setupLimiterKey, ip, deps.now());
    if (attempt === null) return httpError('rate_limited', 'Too many wrong setup codes. Wait and try again.');
    if (!timingSafeEqual(canonical(parsed.data.code), canonical(this.current))) {
      deps.log.warn({ ip }, 'wrong setup code');
      return httpError('unauthorized', 'The setup code is wrong.');
    }
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
    await deps.limiter.succeeded(attempt, setupLimiterKey);
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
