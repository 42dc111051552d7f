import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * Live, version 4: an anchor's room (its slug is the viewer link, unique on
 * the hub), its broadcasts, flash sales, the orders viewers place, viewers
 * (nickname and the hash of their token), comments, mutes per broadcast,
 * the organisation's keyword filter, and the anchor's teleprompter scripts.
 * Products (migration 001) gain an image.
 *
 * A room has at most one live broadcast (a partial unique index), an order
 * is unique per viewer and command id (one press, one order), and stock and
 * a sale's sold count can never leave their bounds (checks).
 *
 * Every statement can run again (`ifNotExists`, and the column is added only
 * when missing): Kysely records a migration only after it ran.
 */
export const live: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const products = (await db.introspection.getTables()).find((t) => t.name === 'products');
    if (!products?.columns.some((c) => c.name === 'image_url')) {
      await db.schema.alterTable('products').addColumn('image_url', 'text').execute();
    }

    await db.schema
      .createTable('live_rooms')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('anchor_id', 'integer', (c) =>
        c.notNull().unique().references('users.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('live_rooms_org').ifNotExists().on('live_rooms').column('org_id').execute();

    await db.schema
      .createTable('live_broadcasts')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('room_id', 'integer', (c) => c.notNull().references('live_rooms.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('live', 'ended')`))
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .addColumn('recovering', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`recovering in (0, 1)`),
      )
      .addColumn('pinned_product_id', 'integer', (c) => c.references('products.id').onDelete('set null'))
      .addColumn('pinned_comment_id', 'integer')
      .addColumn('likes', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`likes >= 0`),
      )
      .addColumn('order_count', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`order_count >= 0`),
      )
      .addColumn('gmv_fen', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`gmv_fen >= 0`),
      )
      .execute();
    await db.schema
      .createIndex('live_broadcasts_room')
      .ifNotExists()
      .on('live_broadcasts')
      .columns(['room_id', 'id'])
      .execute();
    // One live broadcast per room, whatever two racing starts do.
    await db.schema
      .createIndex('live_broadcasts_one_live')
      .ifNotExists()
      .unique()
      .on('live_broadcasts')
      .column('room_id')
      .where(sql.ref('status'), '=', 'live')
      .execute();

    await db.schema
      .createTable('live_flash_sales')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('broadcast_id', 'integer', (c) =>
        c.notNull().references('live_broadcasts.id').onDelete('cascade'),
      )
      .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
      .addColumn('price_fen', 'integer', (c) => c.notNull().check(sql`price_fen > 0`))
      .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
      .addColumn('sold', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`sold >= 0 and sold <= quantity`),
      )
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ends_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('live_flash_sales_broadcast')
      .ifNotExists()
      .on('live_flash_sales')
      .columns(['broadcast_id', 'id'])
      .execute();
    await db.schema
      .createIndex('live_flash_sales_open')
      .ifNotExists()
      .on('live_flash_sales')
      .column('ends_at')
      .where(sql.ref('ended_at'), 'is', null)
      .execute();

    await db.schema
      .createTable('live_viewers')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('room_id', 'integer', (c) => c.notNull().references('live_rooms.id').onDelete('cascade'))
      .addColumn('nickname', 'text', (c) => c.notNull())
      /** SHA-256 of the viewer's token; the token itself is only in their browser. */
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('live_viewers_room')
      .ifNotExists()
      .on('live_viewers')
      .column('room_id')
      .execute();

    await db.schema
      .createTable('live_viewer_command_results')
      .ifNotExists()
      .addColumn('viewer_id', 'integer', (c) => c.notNull().references('live_viewers.id').onDelete('cascade'))
      .addColumn('command_id', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('live_viewer_command_results_pk', ['viewer_id', 'command_id'])
      .execute();
    await db.schema
      .createIndex('live_viewer_command_results_age')
      .ifNotExists()
      .on('live_viewer_command_results')
      .column('created_at')
      .execute();

    await db.schema
      .createTable('live_orders')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('broadcast_id', 'integer', (c) =>
        c.notNull().references('live_broadcasts.id').onDelete('cascade'),
      )
      .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
      .addColumn('viewer_id', 'integer', (c) => c.notNull().references('live_viewers.id').onDelete('cascade'))
      .addColumn('flash_sale_id', 'integer', (c) => c.references('live_flash_sales.id').onDelete('set null'))
      .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
      .addColumn('unit_price_fen', 'integer', (c) => c.notNull().check(sql`unit_price_fen >= 0`))
      .addColumn('total_fen', 'integer', (c) => c.notNull().check(sql`total_fen >= 0`))
      .addColumn('command_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('live_orders_press', ['viewer_id', 'command_id'])
      .execute();
    await db.schema
      .createIndex('live_orders_broadcast')
      .ifNotExists()
      .on('live_orders')
      .columns(['broadcast_id', 'id'])
      .execute();

    await db.schema
      .createTable('live_comments')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('broadcast_id', 'integer', (c) =>
        c.notNull().references('live_broadcasts.id').onDelete('cascade'),
      )
      .addColumn('viewer_id', 'integer', (c) => c.notNull().references('live_viewers.id').onDelete('cascade'))
      .addColumn('body', 'text', (c) => c.notNull())
      /** 1: it contains a word of the keyword filter; only its writer saw it. */
      .addColumn('held', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`held in (0, 1)`),
      )
      .addColumn('deleted_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('live_comments_broadcast')
      .ifNotExists()
      .on('live_comments')
      .columns(['broadcast_id', 'id'])
      .execute();

    await db.schema
      .createTable('live_mutes')
      .ifNotExists()
      .addColumn('broadcast_id', 'integer', (c) =>
        c.notNull().references('live_broadcasts.id').onDelete('cascade'),
      )
      .addColumn('viewer_id', 'integer', (c) => c.notNull().references('live_viewers.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('live_mutes_pk', ['broadcast_id', 'viewer_id'])
      .execute();

    await db.schema
      .createTable('live_keywords')
      .ifNotExists()
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('word', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('live_keywords_pk', ['org_id', 'word'])
      .execute();

    await db.schema
      .createTable('live_scripts')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('anchor_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('script', 'phrase')`))
      .addColumn('product_id', 'integer', (c) => c.references('products.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('live_scripts_anchor')
      .ifNotExists()
      .on('live_scripts')
      .columns(['org_id', 'anchor_id'])
      .execute();
  },
};
