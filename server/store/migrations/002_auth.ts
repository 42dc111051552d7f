import type { Kysely, Migration } from 'kysely';
import { sql, SqliteAdapter } from 'kysely';

/**
 * Auth, version 2:
 * - usernames are unique per organisation, not across the hub, so an admin
 *   creating a user learns nothing about another organisation's people;
 * - sign-in failures are counted per (username, source) with a backoff
 *   (`login_attempts`), replacing `login_failures`, whose rows covered only
 *   the last 15 minutes and are not carried over;
 * - signed-out tokens are kept until they expire (`revoked_tokens`).
 * The token signing key leaves `hub_secrets` at the hub's next start
 * (`server/auth/secret.ts`), since only the hub knows where its key file goes.
 *
 * Every step can run again: Kysely records a migration only after it ran, in
 * a separate statement, so a crash in between runs it once more.
 */
export const auth: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (db.getExecutor().adapter instanceof SqliteAdapter) await rebuildUsersOnSqlite(db);
    else await changeUsersUniqueInPlace(db);

    await db.schema.dropTable('login_failures').ifExists().execute();
    await db.schema
      .createTable('login_attempts')
      .ifNotExists()
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull().check(sql`failures > 0`))
      .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('login_attempts_pk', ['username', 'source'])
      .execute();
    await db.schema
      .createIndex('login_attempts_source')
      .ifNotExists()
      .on('login_attempts')
      .column('source')
      .execute();
    await db.schema
      .createIndex('login_attempts_last')
      .ifNotExists()
      .on('login_attempts')
      .column('last_failure_at')
      .execute();

    await db.schema
      .createTable('revoked_tokens')
      .ifNotExists()
      .addColumn('token_id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('revoked_tokens_expiry')
      .ifNotExists()
      .on('revoked_tokens')
      .column('expires_at')
      .execute();
  },
};

/**
 * SQLite cannot drop the unique index that `username ... unique` made, so
 * `users` is rebuilt, the way SQLite's manual says (lang_altertable.html,
 * "other kinds of table schema changes"): foreign keys off, then in one
 * transaction create the new table, copy, drop the old, rename the new into
 * its place, check every foreign key, commit, foreign keys back on.
 *
 * Foreign keys must be off first: `DROP TABLE users` with them on would
 * delete every role (`user_roles` cascades) and command result, and refuse
 * because team messages refer to the users. The pragma is ignored inside a
 * transaction, and Kysely's Migrator does not open one on SQLite (its
 * SqliteAdapter has `supportsTransactionalDdl` false), so it takes effect
 * here; that it did is checked rather than assumed.
 *
 * The rename goes new-to-old, so the other tables' references to `users` stay
 * as they are. The AUTOINCREMENT counter is carried over too: otherwise the
 * id of a deleted newest user would be handed out again, and a token still
 * naming that id would belong to the new account.
 */
async function rebuildUsersOnSqlite(db: Kysely<unknown>): Promise<void> {
  if (db.isTransaction) throw new Error('002_auth must run outside a transaction on SQLite');
  const before = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
  const restore = before.rows[0]?.foreign_keys === 1 ? sql`PRAGMA foreign_keys = ON` : null;
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    const now = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
    if (now.rows[0]?.foreign_keys !== 0) throw new Error('002_auth could not turn foreign keys off');
    await db.transaction().execute(async (trx) => {
      const counter = await sql<{
        seq: number;
      }>`select seq from sqlite_sequence where name = 'users'`.execute(trx);
      await trx.schema.dropTable('users_002').ifExists().execute();
      await trx.schema
        .createTable('users_002')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('users_org_username', ['org_id', 'username'])
        .execute();
      await sql`
        insert into users_002 (id, org_id, username, display_name, password_hash, token_version, created_at)
        select id, org_id, username, display_name, password_hash, token_version, created_at from users
      `.execute(trx);
      await trx.schema.dropTable('users').execute();
      await trx.schema.alterTable('users_002').renameTo('users').execute();
      // Sign-in looks a username up across organisations; (org_id, username) serves lookups by organisation.
      await trx.schema.createIndex('users_username').on('users').column('username').execute();

      const seq = Number(counter.rows[0]?.seq ?? 0);
      await sql`delete from sqlite_sequence where name in ('users', 'users_002')`.execute(trx);
      await sql`
        insert into sqlite_sequence (name, seq)
        values ('users', max(${seq}, coalesce((select max(id) from users), 0)))
      `.execute(trx);

      const broken = await sql<Record<string, unknown>>`PRAGMA foreign_key_check`.execute(trx);
      if (broken.rows.length > 0)
        throw new Error(`002_auth would break ${broken.rows.length} foreign key(s); nothing was changed`);
    });
  } finally {
    if (restore) await restore.execute(db);
  }
}

/**
 * A store that can drop a constraint (Postgres) changes it in place; its
 * Migrator runs the whole migration in a transaction. Postgres names a
 * column's unique constraint `<table>_<column>_key`. Not exercised until a
 * Postgres store exists.
 */
async function changeUsersUniqueInPlace(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropConstraint('users_username_key').ifExists().execute();
  await db.schema
    .alterTable('users')
    .addUniqueConstraint('users_org_username', ['org_id', 'username'])
    .execute();
  await db.schema.createIndex('users_username').ifNotExists().on('users').column('username').execute();
}
