import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../server/store/database';
import { migrationProvider } from '../../server/store/migrations';
import { shifts } from '../../server/store/migrations/005_shifts';
import type { Database } from '../../server/store/schema';
import { tempDir } from '../support/hub-client';

/**
 * A store of the previous version (001–004: people, tickets, live rooms and
 * orders) moves to 005 and keeps everything; live orders gain an empty
 * refund time; a device's counter is one event; the earnings ledger takes
 * new rows and refuses to change or lose one.
 */
describe('migration 005_shifts', () => {
  const dataDir = tempDir('wings-shifts-upgrade-');
  const file = join(dataDir, 'hub.sqlite');
  const now = Date.now();
  let db: Kysely<Database>;

  beforeAll(async () => {
    db = createDatabase({ kind: 'sqlite', file });
    const migrator = new Migrator({ db, provider: migrationProvider });
    const { error } = await migrator.migrateTo('004_live');
    expect(error).toBeUndefined();
    await db.insertInto('organisations').values({ id: 1, name: 'Kumquat Farm', created_at: now }).execute();
    await db
      .insertInto('users')
      .values({
        id: 1,
        org_id: 1,
        username: 'mei',
        display_name: '黄美',
        password_hash: 'x',
        created_at: now,
      })
      .execute();
    await db.insertInto('user_roles').values({ user_id: 1, role: 'anchor' }).execute();
    await insertOrderOf004(db, now);
    const { error: upError, results } = await migrator.migrateToLatest();
    expect(upError).toBeUndefined();
    expect(results?.map((r) => r.migrationName)).toContain('005_shifts');
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps what the store held, and orders gain an empty refund time', async () => {
    expect(await db.selectFrom('users').select(['username', 'display_name']).execute()).toEqual([
      { username: 'mei', display_name: '黄美' },
    ]);
    expect(await db.selectFrom('user_roles').selectAll().execute()).toEqual([{ user_id: 1, role: 'anchor' }]);
    expect(
      await db.selectFrom('live_orders').select(['command_id', 'total_fen', 'refunded_at']).execute(),
    ).toEqual([{ command_id: 'press-1', total_fen: 6800, refunded_at: null }]);
    expect(await db.selectFrom('live_broadcasts').select(['title', 'gmv_fen']).execute()).toEqual([
      { title: '金桔专场', gmv_fen: 6800 },
    ]);
  });

  it('can run again over itself (a crash between the migration and its record)', async () => {
    await expect(shifts.up(db as unknown as Kysely<unknown>)).resolves.toBeUndefined();
    expect(await db.selectFrom('live_orders').select('refunded_at').execute()).toEqual([
      { refunded_at: null },
    ]);
  });

  it('stores one event per device counter, and refuses an unknown kind', async () => {
    const event = {
      org_id: 1,
      user_id: 1,
      command_id: 'c-1',
      device_id: 'd-1',
      counter: 1,
      kind: 'in' as const,
      device_at: now,
      received_at: now,
      device_skew_ms: null,
      break_reason: null,
      ignored_reason: null,
    };
    await db.insertInto('clock_events').values(event).execute();
    await expect(
      db
        .insertInto('clock_events')
        .values({ ...event, command_id: 'c-2' })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    await expect(
      db
        .insertInto('clock_events')
        .values({ ...event, counter: 2, kind: 'nap' as 'in' })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db
        .insertInto('clock_events')
        .values({ ...event, counter: 0 })
        .execute(),
    ).rejects.toThrow(/CHECK/);
  });

  it('takes ledger entries and refuses to update or delete one', async () => {
    await db
      .insertInto('earnings_ledger')
      .values({
        org_id: 1,
        user_id: 1,
        kind: 'commission',
        source_key: 'order:1',
        amount_fen: 340,
        occurred_at: now,
        day_key: '2026-12-01',
        reason: null,
        author_id: null,
        rule_id: null,
        created_at: now,
      })
      .execute();
    await expect(db.updateTable('earnings_ledger').set({ amount_fen: 1 }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('earnings_ledger').execute()).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('earnings_ledger').select(['source_key', 'amount_fen']).execute()).toEqual([
      { source_key: 'order:1', amount_fen: 340 },
    ]);
  });
});

async function insertOrderOf004(db: Kysely<Database>, now: number): Promise<void> {
  await db
    .insertInto('live_rooms')
    .values({ id: 1, org_id: 1, slug: 'mei', anchor_id: 1, created_at: now })
    .execute();
  await db
    .insertInto('live_broadcasts')
    .values({
      id: 1,
      org_id: 1,
      room_id: 1,
      title: '金桔专场',
      status: 'ended',
      started_at: now,
      ended_at: now,
      pinned_product_id: null,
      pinned_comment_id: null,
      gmv_fen: 6800,
    })
    .execute();
  const raw = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  await raw
    .insertInto('products')
    .values({
      id: 1,
      org_id: 1,
      sku: 'KQ',
      name: '融安金桔',
      description: '',
      price_fen: 6800,
      stock: 3,
      created_at: now,
    })
    .execute();
  await raw
    .insertInto('live_viewers')
    .values({
      id: 1,
      org_id: 1,
      room_id: 1,
      nickname: '小王',
      token_hash: 'h',
      created_at: now,
      last_seen_at: now,
    })
    .execute();
  // Before 005 the table has no refunded_at: written the way a 004 store holds it.
  await raw
    .insertInto('live_orders')
    .values({
      org_id: 1,
      broadcast_id: 1,
      product_id: 1,
      viewer_id: 1,
      flash_sale_id: null,
      quantity: 1,
      unit_price_fen: 6800,
      total_fen: 6800,
      command_id: 'press-1',
      created_at: now,
    })
    .execute();
}
