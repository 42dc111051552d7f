import { createHmac, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password';
import { createDatabase } from '../../server/store/database';
import { auth } from '../../server/store/migrations/002_auth';
import { migrationProvider } from '../../server/store/migrations';
import type { Database } from '../../server/store/schema';
import type { TestHub } from '../support/hub-client';
import { call, connect, expectOk, login, newId, startHub, tempDir } from '../support/hub-client';

const day = 24 * 60 * 60 * 1000;

/** What a foundation hub signed: version-1 claims, HMAC-SHA256 with the key from hub_secrets. */
function foundationToken(key: Buffer, claims: { uid: number; org: number; tv: number; exp: number }): string {
  const body = Buffer.from(JSON.stringify({ v: 1, ...claims })).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

async function snapshot(db: Kysely<Database>) {
  return {
    organisations: await db.selectFrom('organisations').selectAll().orderBy('id').execute(),
    users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    roles: await db.selectFrom('user_roles').selectAll().orderBy('user_id').orderBy('role').execute(),
    messages: await db.selectFrom('team_messages').selectAll().orderBy('id').execute(),
    results: await db.selectFrom('command_results').selectAll().orderBy('id').execute(),
  };
}

/**
 * A store written by the foundation (migration 001 only): two organisations,
 * people with roles, team notes, recorded command results, the signing key in
 * hub_secrets, a login failure, and a deleted newest user. Then the hub of
 * this version starts on it.
 */
describe('migration 002_auth upgrades a foundation store', () => {
  const dataDir = tempDir('wings-upgrade-');
  const file = join(dataDir, 'hub.sqlite');
  const key = randomBytes(32);
  const now = Date.now();
  let before: Awaited<ReturnType<typeof snapshot>>;
  let oldToken = '';
  let t: TestHub;

  beforeAll(async () => {
    const db = createDatabase({ kind: 'sqlite', file });
    try {
      const migrator = new Migrator({ db, provider: migrationProvider });
      const { error } = await migrator.migrateTo('001_foundation');
      expect(error).toBeUndefined();
      const hash = await hashPassword('orchard-pass');
      await db
        .insertInto('organisations')
        .values([
          { id: 1, name: 'Demo Shop', created_at: now - 30 * day },
          { id: 2, name: 'Pear Orchard', created_at: now - 20 * day },
        ])
        .execute();
      const user = (id: number, org: number, username: string, tv = 0) => ({
        id,
        org_id: org,
        username,
        display_name: `名字${id}`,
        password_hash: hash,
        token_version: tv,
        created_at: now - day + id,
      });
      await db
        .insertInto('users')
        .values([user(1, 1, 'agent'), user(2, 1, 'employer', 3), user(3, 2, 'boss'), user(4, 2, 'leaver')])
        .execute();
      await db
        .insertInto('user_roles')
        .values([
          { user_id: 1, role: 'agent' },
          { user_id: 2, role: 'admin' },
          { user_id: 2, role: 'supervisor' },
          { user_id: 3, role: 'admin' },
          { user_id: 4, role: 'agent' },
        ])
        .execute();
      // The newest user leaves; their id must never be handed out again.
      await db.deleteFrom('users').where('id', '=', 4).execute();
      await db
        .insertInto('team_messages')
        .values([
          { org_id: 1, seq: 1, command_id: newId(), author_id: 1, body: '早上好', created_at: now - 3000 },
          {
            org_id: 1,
            seq: 2,
            command_id: newId(),
            author_id: 2,
            body: 'orders ship at 4',
            created_at: now - 2000,
          },
          {
            org_id: 2,
            seq: 1,
            command_id: newId(),
            author_id: 3,
            body: 'pears ripe',
            created_at: now - 1000,
          },
        ])
        .execute();
      await db
        .insertInto('command_results')
        .values([
          {
            org_id: 1,
            user_id: 1,
            command_id: newId(),
            event: 'team.post',
            result: '{"ok":true}',
            created_at: now,
          },
          {
            org_id: 2,
            user_id: 3,
            command_id: newId(),
            event: 'team.post',
            result: '{"ok":true}',
            created_at: now,
          },
        ])
        .execute();
      await db
        .insertInto('hub_secrets')
        .values({ name: 'token_signing_key', value: key.toString('base64'), created_at: now - 30 * day })
        .execute();
      await sql`insert into login_failures (username, ip, created_at) values ('agent', '10.0.0.9', ${now})`.execute(
        db,
      );
      before = await snapshot(db);
    } finally {
      await db.destroy();
    }
    oldToken = foundationToken(key, { uid: 1, org: 1, tv: 0, exp: now + 6 * 60 * 60 * 1000 });
    t = await startHub({ dataDir });
  });
  afterAll(() => t.stop());

  it('keeps every organisation, user, role, team note and command result', async () => {
    const db = createDatabase({ kind: 'sqlite', file });
    try {
      expect(await snapshot(db)).toEqual(before);
      expect(before.roles).toHaveLength(4);
      const problems = await sql`PRAGMA foreign_key_check`.execute(db);
      expect(problems.rows).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('makes usernames unique per organisation, with the old foreign keys still enforced', async () => {
    const db = createDatabase({ kind: 'sqlite', file });
    try {
      const indexes = await sql<{ name: string; unique: number }>`PRAGMA index_list('users')`.execute(db);
      const unique = [];
      for (const index of indexes.rows.filter((i) => i.unique === 1)) {
        const cols = await sql<{ name: string }>`select name from pragma_index_info(${index.name})`.execute(
          db,
        );
        unique.push(cols.rows.map((c) => c.name));
      }
      expect(unique).toEqual([['org_id', 'username']]);
      // Roles still point at users and still cascade.
      await expect(
        db.insertInto('user_roles').values({ user_id: 999, role: 'agent' }).execute(),
      ).rejects.toThrow(/FOREIGN KEY/);
      const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
        db,
      );
      const names = tables.rows.map((r) => r.name);
      expect(names).toEqual(expect.arrayContaining(['login_attempts', 'revoked_tokens', 'users']));
      expect(names).not.toContain('login_failures');
      expect(names).not.toContain('users_002');
    } finally {
      await db.destroy();
    }
  });

  it('moves the signing key to token.key (0600) and out of the store, so old tokens stay valid', async () => {
    const keyFile = join(dataDir, 'token.key');
    expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toEqual(key);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const db = createDatabase({ kind: 'sqlite', file });
    try {
      expect(await db.selectFrom('hub_secrets').selectAll().execute()).toEqual([]);
    } finally {
      await db.destroy();
    }
    // Not even in freed pages or the WAL: a copy of the store's files holds no key.
    const text = key.toString('base64');
    for (const f of [file, `${file}-wal`]) {
      if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(text)), f).toBe(false);
    }

    const socket = await connect(t.hub.url, oldToken);
    try {
      expect(expectOk(await call(socket, 'session.whoami', {})).user.username).toBe('agent');
    } finally {
      socket.close();
    }
  });

  it('signs in across organisations and lets another organisation reuse a username', async () => {
    await login(t.hub.url, 'agent', 'orchard-pass');
    const boss = await connect(t.hub.url, (await login(t.hub.url, 'boss', 'orchard-pass')).token);
    try {
      const created = expectOk(
        await call(boss, 'admin.users.create', {
          id: newId(),
          username: 'agent',
          displayName: 'Orchard agent',
          password: 'orchard-agent-pw',
          roles: ['agent'],
        }),
      );
      // Never the id of the user who left before the upgrade.
      expect(created.user.id).toBeGreaterThan(4);
      const second = await connect(t.hub.url, (await login(t.hub.url, 'agent', 'orchard-agent-pw')).token);
      expect(expectOk(await call(second, 'session.whoami', {})).user.organisation.name).toBe('Pear Orchard');
      second.close();
    } finally {
      boss.close();
    }
  });

  it('can run again after a crash before it was recorded, changing nothing', async () => {
    // A copy, so the running hub's store is left alone.
    const copyDir = tempDir('wings-upgrade-again-');
    try {
      const copy = join(copyDir, 'hub.sqlite');
      const db0 = createDatabase({ kind: 'sqlite', file });
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db0);
      await db0.destroy();
      copyFileSync(file, copy);
      const db = createDatabase({ kind: 'sqlite', file: copy });
      try {
        const once = await snapshot(db);
        await auth.up(db as Kysely<unknown>);
        expect(await snapshot(db)).toEqual(once);
        const seq = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'users'`.execute(
          db,
        );
        expect(seq.rows).toEqual([{ seq: Math.max(...once.users.map((u) => u.id)) }]);
      } finally {
        await db.destroy();
      }
    } finally {
      rmSync(copyDir, { recursive: true, force: true });
    }
  });
});
