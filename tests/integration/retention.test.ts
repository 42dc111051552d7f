import { afterEach, describe, expect, it } from 'vitest';
import { commandResultRetentionMs, outboxMaxAgeMs } from '../../shared/protocol/retention';
import { sweepCommandResults } from '../../server/protocol/command-results';
import { createDatabase, migrateToLatest } from '../../server/store/database';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { startHub, tempDir } from '../support/hub-client';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function storeWithResults(ages: number[], now: number, dir = tempDir()) {
  dirs.push(dir);
  const db = createDatabase({ kind: 'sqlite', file: join(dir, 'hub.sqlite') });
  await migrateToLatest(db);
  const org = await db
    .insertInto('organisations')
    .values({ name: 'Shop', created_at: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ org_id: org.id, username: 'a', display_name: 'A', password_hash: 'x', created_at: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('command_results')
    .values(
      ages.map((age, i) => ({
        org_id: org.id,
        user_id: user.id,
        command_id: `c${i}`,
        event: 'team.post',
        result: '{"ok":true,"data":{}}',
        created_at: now - age,
      })),
    )
    .execute();
  return db;
}

describe('command result retention', () => {
  it('outlives the outbox: no workstation resends an id the hub has forgotten', () => {
    expect(commandResultRetentionMs).toBeGreaterThan(outboxMaxAgeMs);
  });

  it('deletes results past the retention and keeps the rest', async () => {
    const now = 1_800_000_000_000;
    const day = 24 * 60 * 60 * 1000;
    const db = await storeWithResults(
      [0, day, 7 * day, commandResultRetentionMs - 1, commandResultRetentionMs + 1, 30 * day],
      now,
    );
    expect(await sweepCommandResults(db, now)).toBe(2);
    const left = await db.selectFrom('command_results').select('command_id').orderBy('id').execute();
    expect(left.map((r) => r.command_id)).toEqual(['c0', 'c1', 'c2', 'c3']);
    expect(await sweepCommandResults(db, now)).toBe(0);
    await db.destroy();
  });

  it('sweeps when a hub starts, so a hub that was off for a month does not keep old results', async () => {
    const dir = tempDir();
    const seeded = await storeWithResults([0, commandResultRetentionMs * 2], Date.now(), dir);
    await seeded.destroy();
    const t = await startHub({ dataDir: dir });
    const check = createDatabase({ kind: 'sqlite', file: join(dir, 'hub.sqlite') });
    await expect
      .poll(async () => (await check.selectFrom('command_results').select('command_id').execute()).length)
      .toBe(1);
    await check.destroy();
    await t.stop({ keep: true });
  });
});
