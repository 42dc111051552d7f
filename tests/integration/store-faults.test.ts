import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest } from '../../server/store/database';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub, tempDir } from '../support/hub-client';

interface LogLine {
  level: number;
  msg: string;
  code?: string;
}

describe('a command the store refuses for good', () => {
  const lines: LogLine[] = [];
  let t: TestHub;
  let socket: ClientSocket;
  let side: BetterSqlite3.Database;

  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    t = await startHub({ demo: true, logger });
    socket = await signIn(t.hub.url, 'agent', 'wings-demo');
    // A constraint of the store that the command breaks, whoever sends it and however often: the kind of
    // refusal a CHECK or UNIQUE rule gives. RAISE(ABORT) is SQLite's SQLITE_CONSTRAINT_TRIGGER.
    side = new BetterSqlite3(join(t.dataDir, 'hub.sqlite'));
    side.exec(`
      create trigger refuse_marked before insert on team_messages
      when new.body like 'refused:%'
      begin select raise(abort, 'this note breaks a rule of the store'); end
    `);
  });

  afterAll(async () => {
    socket?.close();
    side?.close();
    await t?.stop();
  });

  const refused = { id: newId(), body: 'refused: a note the store will never take' };

  it('is answered cannot_apply, and the command beside it in the same batch is applied', async () => {
    const [bad, good] = await Promise.all([
      call(socket, 'team.post', refused),
      call(socket, 'team.post', { id: newId(), body: 'an ordinary note' }),
    ]);
    expect(bad).toEqual({
      ok: false,
      error: { code: 'cannot_apply', message: 'The hub cannot apply this command.' },
    });
    expect(expectOk(good).message.body).toBe('an ordinary note');
  });

  it('is recorded like any final answer: a resend gets it again, even once the rule is gone', async () => {
    const row = side
      .prepare('select event, result from command_results where command_id = ?')
      .get(refused.id) as { event: string; result: string };
    expect(row.event).toBe('team.post');
    expect(JSON.parse(row.result)).toMatchObject({ ok: false, error: { code: 'cannot_apply' } });

    side.exec('drop trigger refuse_marked');
    const again = await call(socket, 'team.post', refused);
    expect(again.ok ? 'ok' : again.error.code).toBe('cannot_apply');
    const page = expectOk(await call(socket, 'team.history', { limit: 50 }));
    expect(page.items.some((m) => m.body === refused.body)).toBe(false);
    // A new command with the same text is a new command.
    expect(expectOk(await call(socket, 'team.post', { ...refused, id: newId() })).message.body).toBe(
      refused.body,
    );
  });

  it('is logged with its SQLite code, not as an internal failure', () => {
    const line = lines.find((l) => l.msg === 'command cannot be applied');
    expect(line?.code).toBe('SQLITE_CONSTRAINT_TRIGGER');
    expect(lines.some((l) => l.msg === 'command failed')).toBe(false);
  });
});

describe('a transaction on a store with no room left', () => {
  it('fails with SQLITE_FULL, not with the ROLLBACK that follows it', async () => {
    const dir = tempDir('wings-faults-');
    const db = createDatabase({ kind: 'sqlite', file: join(dir, 'hub.sqlite') });
    try {
      await migrateToLatest(db);
      // No page beyond the ones the store has: the next one it needs is a full disk to SQLite. SQLite then
      // rolls the whole transaction back itself, and Kysely's own ROLLBACK after it has nothing to do.
      const pages = await sql<{ page_count: number }>`PRAGMA page_count`.execute(db);
      await sql.raw(`PRAGMA max_page_count = ${pages.rows[0]?.page_count ?? 0}`).execute(db);
      const failure: unknown = await db
        .transaction()
        .execute(async (trx) => {
          await trx
            .insertInto('hub_secrets')
            .values({ name: 'filler', value: 'x'.repeat(64 * 1024), created_at: 0 })
            .execute();
        })
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect(failure).toMatchObject({ name: 'SqliteError', code: 'SQLITE_FULL' });
      // The connection is usable afterwards: reads and small writes that fit still work.
      expect(await db.selectFrom('hub_secrets').select('name').execute()).toEqual([]);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
