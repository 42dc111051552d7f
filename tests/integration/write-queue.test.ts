import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendTeamMessage } from '../../server/team/store';
import { createDatabase, migrateToLatest } from '../../server/store/database';
import type { Database } from '../../server/store/schema';
import { WriteQueue } from '../../server/store/write-queue';
import type { Ack } from '../../shared/protocol/ack';
import type { TeamMessage } from '../../shared/protocol/team';
import type { ClientSocket, TestHub } from '../support/hub-client';
import {
  call,
  connect,
  emitRaw,
  expectOk,
  freePort,
  login,
  newId,
  signIn,
  startHub,
  tempDir,
  unlimitedBudget,
} from '../support/hub-client';
import { startHubProcess } from '../support/hub-process';

interface Store {
  db: Kysely<Database>;
  file: string;
  orgId: number;
  userId: number;
}

async function openStore(dir: string): Promise<Store> {
  const file = join(dir, 'hub.sqlite');
  const db = createDatabase({ kind: 'sqlite', file });
  await migrateToLatest(db);
  const org = await db
    .insertInto('organisations')
    .values({ name: 'Queue Test', created_at: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ org_id: org.id, username: 'writer', display_name: 'Writer', password_hash: 'x', created_at: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { db, file, orgId: org.id, userId: user.id };
}

function post(store: Store, trx: Kysely<Database>, body: string) {
  return appendTeamMessage(trx, {
    orgId: store.orgId,
    commandId: newId(),
    authorId: store.userId,
    body,
    now: Date.now(),
  });
}

async function bodies(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('team_messages').select('body').orderBy('seq').execute();
  return rows.map((r) => r.body);
}

describe('WriteQueue: group commit on a real SQLite file', () => {
  let dir: string;
  let store: Store;
  let queue: WriteQueue;

  beforeEach(async () => {
    dir = tempDir('wings-queue-');
    store = await openStore(dir);
    queue = new WriteQueue(store.db);
  });
  afterEach(async () => {
    await store.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes work that arrives together in one transaction, visible to others only after its commit', async () => {
    const reader = new BetterSqlite3(store.file, { readonly: true });
    try {
      const seenByReader: number[] = [];
      const pieces = ['one', 'two', 'three'].map((body) =>
        queue.run(async (trx) => {
          const message = await post(store, trx, body);
          // Another connection sees nothing of this batch until COMMIT, not even earlier pieces.
          seenByReader.push(
            (reader.prepare('select count(*) as n from team_messages').get() as { n: number }).n,
          );
          return message.seq;
        }),
      );
      expect(await Promise.all(pieces)).toEqual([1, 2, 3]);
      expect(seenByReader).toEqual([0, 0, 0]);
      expect((reader.prepare('select count(*) as n from team_messages').get() as { n: number }).n).toBe(3);
    } finally {
      reader.close();
    }
  });

  it('rolls back only the piece that throws; its siblings commit with their own results', async () => {
    const failure = new Error('piece two refuses');
    const settled = await Promise.allSettled([
      queue.run(async (trx) => (await post(store, trx, 'kept one')).seq),
      queue.run(async (trx) => {
        await post(store, trx, 'rolled back');
        throw failure;
      }),
      queue.run(async (trx) => (await post(store, trx, 'kept three')).seq),
    ]);
    expect(settled).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: failure },
      // Piece two's seq was rolled back with it, so piece three takes the next free one.
      { status: 'fulfilled', value: 2 },
    ]);
    expect(await bodies(store.db)).toEqual(['kept one', 'kept three']);
  });

  it('fails a piece whose statement breaks a constraint, and keeps the rest', async () => {
    const settled = await Promise.allSettled([
      queue.run((trx) => post(store, trx, 'before')),
      queue.run(async (trx) => {
        await post(store, trx, 'half done');
        // The same (org, seq) again: the unique index refuses it mid-piece.
        await trx
          .insertInto('team_messages')
          .values({
            org_id: store.orgId,
            seq: 2,
            command_id: newId(),
            author_id: store.userId,
            body: 'duplicate seq',
            created_at: 1,
          })
          .execute();
      }),
      queue.run((trx) => post(store, trx, 'after')),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await bodies(store.db)).toEqual(['before', 'after']);
  });

  it('fails every piece of a batch whose COMMIT fails, and keeps none of their writes', async () => {
    await store.db
      .insertInto('team_messages')
      .values({
        org_id: store.orgId,
        seq: 1,
        command_id: newId(),
        author_id: store.userId,
        body: 'committed earlier',
        created_at: 1,
      })
      .execute();
    const settled = await Promise.allSettled([
      queue.run((trx) => post(store, trx, 'lost a')),
      queue.run(async (trx) => {
        // Foreign keys checked at COMMIT, then a row naming no user: the COMMIT itself fails.
        await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
        await trx
          .insertInto('team_messages')
          .values({
            org_id: store.orgId,
            seq: 99,
            command_id: newId(),
            author_id: 424242,
            body: 'dangling author',
            created_at: 1,
          })
          .execute();
      }),
      queue.run((trx) => post(store, trx, 'lost b')),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((settled[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await bodies(store.db)).toEqual(['committed earlier']);
    // The queue is usable after a failed COMMIT: the connection was given back.
    expect((await queue.run((trx) => post(store, trx, 'next batch'))).seq).toBe(2);
  });

  it('when SQLite ends the transaction mid-batch, fails what ran in it and reruns the rest in a new one', async () => {
    const settled = await Promise.allSettled([
      queue.run((trx) => post(store, trx, 'ran before the break')),
      queue.run(async (trx) => {
        // Stands in for what SQLite does itself on a full disk or an I/O error: the transaction is gone.
        await sql`ROLLBACK`.execute(trx);
      }),
      queue.run((trx) => post(store, trx, 'ran after the break')),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    // What ran before the break fails with the breaking piece's own error, not a bookkeeping one.
    expect((settled[0] as PromiseRejectedResult).reason).toBe((settled[1] as PromiseRejectedResult).reason);
    expect(await bodies(store.db)).toEqual(['ran after the break']);
  });

  it('bounds a batch: more work than maxBatch is written in several commits, in order', async () => {
    const small = new WriteQueue(store.db, { maxBatch: 4 });
    const reader = new BetterSqlite3(store.file, { readonly: true });
    try {
      const visibleAtStart: number[] = [];
      const seqs = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          small.run(async (trx) => {
            visibleAtStart.push(
              (reader.prepare('select count(*) as n from team_messages').get() as { n: number }).n,
            );
            return (await post(store, trx, `bounded ${i}`)).seq;
          }),
        ),
      );
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      // Batches of 4, 4 and 2: each sees what the batches before it committed.
      expect(visibleAtStart).toEqual([0, 0, 0, 0, 4, 4, 4, 4, 8, 8]);
    } finally {
      reader.close();
    }
  });

  it('lets reads on the same store run between batches and see only committed writes', async () => {
    const writes = Array.from({ length: 50 }, (_, i) => queue.run((trx) => post(store, trx, `w ${i}`)));
    const reads = Array.from({ length: 20 }, () =>
      store.db
        .selectFrom('team_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const counts = (await Promise.all(reads)).map((r) => Number(r.n));
    await Promise.all(writes);
    // A read never lands inside a batch: it sees all of it or none of it.
    for (const n of counts) expect([0, 50]).toContain(n);
    expect(await bodies(store.db)).toHaveLength(50);
  });
});

describe("the hub's write path under concurrency", () => {
  let t: TestHub;
  afterEach(async () => {
    await t.stop();
  });

  it('gives 200 concurrent posts consecutive seqs and one stored result each, while reads and logins go on', async () => {
    t = await startHub({ demo: true, budgets: { worker: unlimitedBudget } });
    const { token } = await login(t.hub.url, 'agent', 'wings-demo');
    const posters = await Promise.all(Array.from({ length: 4 }, () => connect(t.hub.url, token)));
    const reader = await signIn(t.hub.url, 'employer', 'wings-demo');
    try {
      const before = expectOk(await call(reader, 'team.history', { limit: 1 })).lastSeq;
      const inputs = Array.from({ length: 200 }, (_, i) => ({ id: newId(), body: `concurrent ${i}` }));
      const posts = inputs.map((input, i) =>
        call(posters[i % posters.length] as ClientSocket, 'team.post', input),
      );
      const reads = Array.from({ length: 20 }, (_, i) =>
        i % 2 ? call(reader, 'session.whoami', {}) : call(reader, 'team.history', { limit: 50 }),
      );
      const logins = Array.from({ length: 3 }, () => login(t.hub.url, 'anchor', 'wings-demo'));

      const acks = (await Promise.all(posts)).map((a) => expectOk(a).message);
      for (const r of await Promise.all(reads)) expect(r.ok).toBe(true);
      for (const l of await Promise.all(logins)) expect(l.token).toEqual(expect.any(String));

      // Each ack is its own command's: its id, its body.
      expect(acks.map((m) => [m.commandId, m.body])).toEqual(inputs.map((i) => [i.id, i.body]));
      const seqs = acks.map((m) => m.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => before + 1 + i));

      const db = createDatabase({ kind: 'sqlite', file: join(t.dataDir, 'hub.sqlite') });
      try {
        const stored = await db
          .selectFrom('command_results')
          .select(['command_id', 'result'])
          .where(
            'command_id',
            'in',
            inputs.map((i) => i.id),
          )
          .execute();
        expect(stored).toHaveLength(200);
        const byId = new Map(stored.map((r) => [r.command_id, JSON.parse(r.result) as unknown]));
        for (const m of acks) expect(byId.get(m.commandId)).toEqual({ ok: true, data: { message: m } });
      } finally {
        await db.destroy();
      }

      // All 200 again at once, same ids: the first answers, nothing applied twice.
      const repeats = await Promise.all(
        inputs.map((input, i) => call(posters[i % posters.length] as ClientSocket, 'team.post', input)),
      );
      expect(repeats.map((a) => expectOk(a).message)).toEqual(acks);
      expect(expectOk(await call(reader, 'team.history', { limit: 1 })).lastSeq).toBe(before + 200);
    } finally {
      for (const s of posters) s.close();
      reader.close();
    }
  });
});

describe('acknowledged commands survive kill -9 with many posts in flight', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const fn of cleanup.splice(0)) fn();
  });

  it('keeps every post acked before the SIGKILL, each with the seq and result it was acked with', async () => {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const hub = await startHubProcess([
      '--port',
      String(port),
      '--data',
      dataDir,
      '--demo',
      '--log-level',
      'warn',
    ]);
    cleanup.push(() => hub.child.kill('SIGKILL'));
    const { token } = await login(hub.url, 'agent', 'wings-demo');
    const sockets = await Promise.all(Array.from({ length: 10 }, () => connect(hub.url, token)));
    cleanup.push(() => sockets.forEach((s) => s.close()));

    const acked = new Map<string, TeamMessage>();
    let killed = false;
    const killAfter = 300;
    // Ten sockets, eight posts in flight on each (a worker's in-flight budget): batches of many pieces.
    const lanes = sockets.flatMap((socket) =>
      Array.from({ length: 8 }, async (_, lane) => {
        for (let i = 0; !killed; i++) {
          const input = { id: newId(), body: `in flight ${lane}.${i}` };
          for (;;) {
            const answer = await emitRaw(socket, 'team.post', input, 2000).catch(() => null);
            if (killed || answer === null) return;
            const ack = answer as Ack<{ message: TeamMessage }>;
            if (ack.ok) {
              acked.set(input.id, ack.data.message);
              if (acked.size >= killAfter && !killed) {
                // Right after an ack, with many others committed or in flight: no chance to clean up.
                killed = true;
                hub.child.kill('SIGKILL');
              }
              break;
            }
            // rate_limited is transient: the outbox would back off and resend the same id.
            expect(ack.error.code).toBe('rate_limited');
            await new Promise((r) => setTimeout(r, 25));
          }
        }
      }),
    );
    await Promise.all(lanes);
    await hub.exited;
    expect(acked.size).toBeGreaterThanOrEqual(killAfter);

    const db = createDatabase({ kind: 'sqlite', file: join(dataDir, 'hub.sqlite') });
    try {
      const ids = [...acked.keys()];
      const rows = await db
        .selectFrom('team_messages')
        .select(['command_id', 'seq', 'body'])
        .where('command_id', 'in', ids)
        .execute();
      const results = await db
        .selectFrom('command_results')
        .select('command_id')
        .where('command_id', 'in', ids)
        .execute();
      expect(rows).toHaveLength(acked.size);
      expect(results).toHaveLength(acked.size);
      for (const r of rows) {
        const m = acked.get(r.command_id);
        expect([r.seq, r.body]).toEqual([m?.seq, m?.body]);
      }
      const all = await db.selectFrom('team_messages').select('seq').orderBy('seq').execute();
      // Nothing half-applied: the committed seqs have no holes.
      expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => (all[0]?.seq ?? 1) + i));
      console.log(`killed after ${acked.size} acks; ${all.length} posts committed in the store`);
    } finally {
      await db.destroy();
    }
  });
});
