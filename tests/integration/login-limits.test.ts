import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorSchema } from '../../shared/protocol';
import type { LoginLimits } from '../../server/auth/backoff';
import { defaultLoginLimits } from '../../server/auth/backoff';
import { createAuth } from '../../server/auth/deps';
import { login } from '../../server/auth/login';
import { hashPassword } from '../../server/auth/password';
import { LoginLimiter } from '../../server/auth/rate-limit';
import { Revocations } from '../../server/auth/revocations';
import { sweepLoginAttempts, sweepRevokedTokens } from '../../server/auth/sweeps';
import { createOrganisation, createUser } from '../../server/auth/users';
import { createDatabase, migrateToLatest } from '../../server/store/database';
import type { Database } from '../../server/store/schema';
import type { TestHub } from '../support/hub-client';
import { startHub, tempDir } from '../support/hub-client';
import { postFrom } from './from-address';

const limits: LoginLimits = {
  pair: { free: 5, baseMs: 30_000, maxMs: 15 * 60_000 },
  source: { free: 8, baseMs: 30_000, maxMs: 15 * 60_000 },
  keepMs: 24 * 60 * 60_000,
};

/** A logger whose lines the test can read. */
function recordingLog() {
  const lines: Array<{ level: number; msg: string }> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe('sign-in limits on a running hub', () => {
  let t: TestHub;
  const attempt = (username: string, password: string, from: string) =>
    postFrom(`${t.hub.url}/api/login`, { username, password }, { from });

  beforeAll(async () => {
    t = await startHub({ demo: true });
  });
  afterAll(() => t.stop());

  it('delays the source that failed, never the worker elsewhere with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('agent', `wrong-${i}`, '127.0.0.2')).status).toBe(401);
    const delayed = await attempt('agent', 'wrong-again', '127.0.0.2');
    expect(delayed.status).toBe(429);
    expect(delayed.body).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(delayed.headers['retry-after'])).toBeLessThanOrEqual(30);
    // The body says the same wait, to the millisecond, in the shared error contract.
    const refusal = z.object({ error: errorSchema }).parse(delayed.body).error;
    expect(refusal.retryAfterMs).toBeGreaterThan(0);
    expect(refusal.retryAfterMs).toBeLessThanOrEqual(30_000);
    expect(Math.ceil((refusal.retryAfterMs ?? 0) / 1000)).toBe(Number(delayed.headers['retry-after']));
    // The right password from the failing source waits too: the check comes before the password.
    expect((await attempt('agent', 'wings-demo', '127.0.0.2')).status).toBe(429);
    // The worker at their own PC signs in, and a third source still gets its own five tries.
    expect((await attempt('agent', 'wings-demo', '127.0.0.1')).status).toBe(200);
    expect((await attempt('AGENT', 'wrong', '127.0.0.3')).status).toBe(401);
  });

  it('does not let parallel guesses from one source slip under the limit', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt('anchor', `guess-${i}`, '127.0.0.4')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    expect((await attempt('anchor', 'wings-demo', '127.0.0.5')).status).toBe(200);
  });

  it('keeps the delay across a restart', async () => {
    const dataDir = tempDir();
    const first = await startHub({ dataDir, demo: true });
    const url = () => `${first.hub.url}/api/login`;
    for (let i = 0; i < 5; i++)
      expect((await postFrom(url(), { username: 'employer', password: `no-${i}` })).status).toBe(401);
    await first.stop({ keep: true });
    const second = await startHub({ dataDir, demo: true });
    try {
      const again = await postFrom(`${second.hub.url}/api/login`, {
        username: 'employer',
        password: 'wings-demo',
      });
      expect(again.status).toBe(429);
    } finally {
      await second.stop();
    }
  });
});

describe('the login limiter on a real store', () => {
  let dir: string;
  let db: Kysely<Database>;
  beforeAll(async () => {
    dir = tempDir('wings-limits-');
    db = createDatabase({ kind: 'sqlite', file: join(dir, 'hub.sqlite') });
    await migrateToLatest(db);
  });
  afterEach(async () => {
    await db.deleteFrom('login_attempts').execute();
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('doubles the wait from the last failure, up to the ceiling, and forgives on success', async () => {
    const limiter = new LoginLimiter(db, pino({ level: 'silent' }), limits);
    let now = 1_000_000;
    for (let i = 0; i < 5; i++) expect((await limiter.begin('Agent', 'a', now)).allowed).toBe(true);
    expect(await limiter.begin('agent', 'a', now)).toEqual({ allowed: false, retryAfterMs: 30_000 });
    now += 30_000;
    expect((await limiter.begin('agent', 'a', now)).allowed).toBe(true);
    expect(await limiter.begin('agent', 'a', now)).toEqual({ allowed: false, retryAfterMs: 60_000 });
    for (let i = 0; i < 10; i++) {
      now += 15 * 60_000;
      expect((await limiter.begin('agent', 'a', now)).allowed).toBe(true);
    }
    expect(await limiter.begin('agent', 'a', now)).toEqual({ allowed: false, retryAfterMs: 15 * 60_000 });

    // A new limiter on the same store (a restart) remembers.
    const restarted = new LoginLimiter(db, pino({ level: 'silent' }), limits);
    expect((await restarted.begin('agent', 'a', now + 1)).allowed).toBe(false);
    const later = await restarted.begin('agent', 'a', now + 15 * 60_000);
    if (!later.allowed) throw new Error('expected the wait to be over');
    await restarted.succeeded(later.ticket);
    expect((await restarted.begin('agent', 'a', now + 15 * 60_000)).allowed).toBe(true);
  });

  it('counts one source across usernames without slowing other sources', async () => {
    const limiter = new LoginLimiter(db, pino({ level: 'silent' }), limits);
    for (let i = 0; i < 8; i++) expect((await limiter.begin(`user${i}`, 'sprayer', 0)).allowed).toBe(true);
    expect(await limiter.begin('someone-new', 'sprayer', 0)).toEqual({
      allowed: false,
      retryAfterMs: 30_000,
    });
    expect((await limiter.begin('someone-new', 'office', 0)).allowed).toBe(true);
    expect((await limiter.begin('user0', 'office', 0)).allowed).toBe(true);
  });

  it('counts parallel attempts exactly', async () => {
    const limiter = new LoginLimiter(db, pino({ level: 'silent' }), limits);
    const results = await Promise.all(Array.from({ length: 20 }, () => limiter.begin('agent', 'a', 5)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it('lets an admin reset clear a username everywhere', async () => {
    const limiter = new LoginLimiter(db, pino({ level: 'silent' }), limits);
    for (const source of ['a', 'b']) for (let i = 0; i < 5; i++) await limiter.begin('agent', source, 0);
    expect((await limiter.begin('agent', 'a', 0)).allowed).toBe(false);
    await limiter.clearUsername('AGENT');
    expect((await limiter.begin('agent', 'a', 0)).allowed).toBe(true);
    expect((await limiter.begin('agent', 'b', 0)).allowed).toBe(true);
  });

  it('lets housekeeping drop pairs a day after their last failure, and expired sign-outs', async () => {
    const limiter = new LoginLimiter(db, pino({ level: 'silent' }));
    const keep = defaultLoginLimits.keepMs;
    await limiter.begin('old', 'a', 0);
    await limiter.begin('recent', 'a', 60_000);
    expect(await sweepLoginAttempts(db, keep + 1)).toBe(1);
    const rows = await db.selectFrom('login_attempts').select('username').execute();
    expect(rows.map((r) => r.username)).toEqual(['recent']);

    const revocations = new Revocations(db);
    await revocations.revoke('expired-at-100', 100, 0);
    await revocations.revoke('expires-at-200', 200, 0);
    expect(await sweepRevokedTokens(db, 100)).toBe(1);
    const left = await db.selectFrom('revoked_tokens').select('token_id').execute();
    expect(left.map((r) => r.token_id)).toEqual(['expires-at-200']);
  });
});

describe('sign-in while the store is full', () => {
  it('still answers a wrong password with 401 and signs in the right one, counting in memory', async () => {
    const dir = tempDir('wings-full-');
    const db = createDatabase({ kind: 'sqlite', file: join(dir, 'hub.sqlite') });
    try {
      await migrateToLatest(db);
      const orgId = await createOrganisation(db, 'Demo Shop', 0);
      await createUser(db, {
        orgId,
        username: 'agent',
        displayName: 'A',
        passwordHash: await hashPassword('right-password'),
        roles: ['agent'],
        now: 0,
      });
      const { log, lines } = recordingLog();
      const deps = await createAuth({ db, dataDir: dir, log, now: () => 1_000_000 });

      // Make the disk "full" for real: the file may not grow, and every page it has is used.
      const pages = await sql<{ page_count: number }>`PRAGMA page_count`.execute(db);
      await sql.raw(`PRAGMA max_page_count = ${pages.rows[0]?.page_count ?? 0}`).execute(db);
      for (let i = 0; ; i++) {
        try {
          await db
            .insertInto('login_attempts')
            .values({
              username: `filler-${String(i).padStart(8, '0')}`,
              source: 'x',
              failures: 1,
              last_failure_at: 0,
            })
            .execute();
        } catch (err) {
          expect((err as { code?: string }).code).toBe('SQLITE_FULL');
          break;
        }
      }

      const body = (password: string) => ({ username: 'agent', password });
      expect((await login(deps, body('wrong-password'), '10.0.0.1')).status).toBe(401);
      expect(lines.some((l) => l.level >= 50 && /counting failed sign-ins in memory/.test(l.msg))).toBe(true);
      expect((await login(deps, body('right-password'), '10.0.0.1')).status).toBe(200);
      // Memory still limits: five failures from one source, then a wait.
      for (let i = 0; i < 5; i++) expect((await login(deps, body(`bad-${i}`), '10.0.0.2')).status).toBe(401);
      const delayed = await login(deps, body('right-password'), '10.0.0.2');
      expect(delayed.status).toBe(429);
      expect(delayed.headers?.['retry-after']).toBe('30');
      expect((await login(deps, body('right-password'), '10.0.0.3')).status).toBe(200);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
