import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../server/store/database';
import { migrationProvider } from '../../server/store/migrations';
import { live } from '../../server/store/migrations/004_live';
import type { Database } from '../../server/store/schema';
import { tempDir } from '../support/hub-client';

/**
 * A store of the previous version (001–003: people, products, tickets) moves
 * to 004 and keeps everything; products gain a picture, and the new tables
 * refuse what their checks refuse: two live broadcasts in one room, stock
 * below zero, a sale sold past its quantity, one press that makes two orders.
 */
describe('migration 004_live', () => {
  const dataDir = tempDir('wings-live-upgrade-');
  const file = join(dataDir, 'hub.sqlite');
  const now = Date.now();
  let db: Kysely<Database>;

  beforeAll(async () => {
    db = createDatabase({ kind: 'sqlite', file });
    const migrator = new Migrator({ db, provider: migrationProvider });
    const { error } = await migrator.migrateTo('003_tickets');
    expect(error).toBeUndefined();
    await db.insertInto('organisations').values({ id: 1, name: 'Kumquat Farm', created_at: now }).execute();
    await db
      .insertInto('users')
      .values({
        id: 1,
        org_id: 1,
        username: 'jinfeng',
        display_name: '覃金凤',
        password_hash: 'x',
        created_at: now,
      })
      .execute();
    await insertProductOf003(db, now);
    const { error: upError, results } = await migrator.migrateToLatest();
    expect(upError).toBeUndefined();
    expect(results?.map((r) => r.migrationName)).toContain('004_live');
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps what the store held, and products gain an empty picture', async () => {
    expect(await db.selectFrom('products').select(['name', 'stock', 'image_url']).execute()).toEqual([
      { name: '融安金桔', stock: 3, image_url: null },
    ]);
  });

  it('can run again over itself (a crash between the migration and its record)', async () => {
    await expect(live.up(db as unknown as Kysely<unknown>)).resolves.toBeUndefined();
  });

  it('refuses a second live broadcast in a room, and takes one after it ended', async () => {
    await db
      .insertInto('live_rooms')
      .values({ id: 1, org_id: 1, slug: 'jinfeng', anchor_id: 1, created_at: now })
      .execute();
    const broadcast = {
      org_id: 1,
      room_id: 1,
      title: 'a',
      started_at: now,
      ended_at: null,
      pinned_product_id: null,
      pinned_comment_id: null,
    };
    await db
      .insertInto('live_broadcasts')
      .values({ ...broadcast, id: 1, status: 'live' })
      .execute();
    await expect(
      db
        .insertInto('live_broadcasts')
        .values({ ...broadcast, status: 'live' })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    await db
      .updateTable('live_broadcasts')
      .set({ status: 'ended', ended_at: now })
      .where('id', '=', 1)
      .execute();
    await db
      .insertInto('live_broadcasts')
      .values({ ...broadcast, id: 2, status: 'live' })
      .execute();
    await expect(
      db
        .insertInto('live_rooms')
        .values({ org_id: 1, slug: 'jinfeng', anchor_id: 1, created_at: now })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
  });

  it('keeps stock and a sale within their bounds, and one press makes one order', async () => {
    await expect(db.updateTable('products').set({ stock: -1 }).where('id', '=', 1).execute()).rejects.toThrow(
      /CHECK/,
    );
    await db
      .insertInto('live_flash_sales')
      .values({
        id: 1,
        org_id: 1,
        broadcast_id: 2,
        product_id: 1,
        price_fen: 100,
        quantity: 2,
        started_at: now,
        ends_at: now + 60_000,
        ended_at: null,
      })
      .execute();
    await expect(
      db.updateTable('live_flash_sales').set({ sold: 3 }).where('id', '=', 1).execute(),
    ).rejects.toThrow(/CHECK/);
    await db
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
    const order = {
      org_id: 1,
      broadcast_id: 2,
      product_id: 1,
      viewer_id: 1,
      flash_sale_id: 1,
      quantity: 1,
      unit_price_fen: 100,
      total_fen: 100,
      command_id: 'press-1',
      created_at: now,
    };
    await db.insertInto('live_orders').values(order).execute();
    await expect(db.insertInto('live_orders').values(order).execute()).rejects.toThrow(/UNIQUE/);
    await expect(
      db
        .insertInto('live_scripts')
        .values({
          org_id: 1,
          anchor_id: 1,
          kind: 'song' as 'script',
          product_id: null,
          title: 't',
          body: 'b',
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow(/CHECK/);
  });
});

async function insertProductOf003(db: Kysely<Database>, now: number): Promise<void> {
  // Before 004 the table has no image column; written the way a 003 store would hold it.
  await (db as unknown as Kysely<{ products: Record<string, unknown> }>)
    .insertInto('products')
    .values({
      id: 1,
      org_id: 1,
      sku: 'KQ-2500',
      name: '融安金桔',
      description: 'box',
      price_fen: 6800,
      stock: 3,
      created_at: now,
    })
    .execute();
}
