import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../server/store/database';
import { migrationProvider } from '../../server/store/migrations';
import { tickets } from '../../server/store/migrations/003_tickets';
import type { Database } from '../../server/store/schema';
import { indexMessage, indexTicketHeader } from '../../server/tickets/search-index';
import { searchCondition } from '../../server/tickets/search';
import type { TestHub } from '../support/hub-client';
import { startHub, tempDir } from '../support/hub-client';
import { startChat } from '../support/tickets';

/**
 * A store of the previous version (001 + 002: organisations, people, orders)
 * moves to 003 and keeps everything; the new tables take tickets, refuse
 * what their checks refuse, and the trigram index finds Chinese words.
 */
describe('migration 003_tickets', () => {
  const dataDir = tempDir('wings-tickets-upgrade-');
  const file = join(dataDir, 'hub.sqlite');
  const now = Date.now();
  let db: Kysely<Database>;

  beforeAll(async () => {
    db = createDatabase({ kind: 'sqlite', file });
    const migrator = new Migrator({ db, provider: migrationProvider });
    const { error } = await migrator.migrateTo('002_auth');
    expect(error).toBeUndefined();
    await db.insertInto('organisations').values({ id: 1, name: 'Pear Orchard', created_at: now }).execute();
    await db
      .insertInto('customers')
      .values({
        id: 1,
        org_id: 1,
        name: '黄伟',
        locale: 'zh-CN',
        phone: null,
        email: null,
        city: '柳州',
        created_at: now,
      })
      .execute();
    await db
      .insertInto('orders')
      .values({
        id: 1,
        org_id: 1,
        number: 'PO20261201-0042',
        customer_id: 1,
        status: 'shipped',
        total_fen: 6800,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const { error: upError, results } = await migrator.migrateToLatest();
    expect(upError).toBeUndefined();
    expect(results?.map((r) => r.migrationName)).toContain('003_tickets');
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps what the store held', async () => {
    expect(await db.selectFrom('orders').select(['number', 'status']).execute()).toEqual([
      { number: 'PO20261201-0042', status: 'shipped' },
    ]);
    expect(await db.selectFrom('customers').select('name').execute()).toEqual([{ name: '黄伟' }]);
  });

  it('can run again over itself (a crash between the migration and its record)', async () => {
    await expect(tickets.up(db as unknown as Kysely<unknown>)).resolves.toBeUndefined();
  });

  it('takes a ticket and refuses what its checks refuse', async () => {
    const row = await db
      .insertInto('tickets')
      .values({
        org_id: 1,
        number: 1,
        customer_id: 1,
        order_id: 1,
        subject: '快递到哪了',
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'status', 'priority', 'tags', 'answered', 'last_seq'])
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'new', priority: 'normal', tags: '[]', answered: 0, last_seq: 0 });
    // One number per organisation: customers quote it.
    await expect(
      db
        .insertInto('tickets')
        .values({ org_id: 1, number: 1, customer_id: 1, subject: 'again', created_at: now, updated_at: now })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    await expect(
      sql`insert into tickets (org_id, number, customer_id, subject, status, created_at, updated_at)
        values (1, 2, 1, 'x', 'closed', 0, 0)`.execute(db),
    ).rejects.toThrow(/CHECK/);
    await db
      .insertInto('ticket_messages')
      .values({
        ticket_id: row.id,
        seq: 1,
        public_seq: 1,
        command_id: null,
        kind: 'message',
        author_kind: 'customer',
        author_id: null,
        body: '快递到哪了',
        event: null,
        attachment_id: null,
        canned_id: null,
        created_at: now,
      })
      .execute();
    await expect(
      sql`insert into ticket_messages (ticket_id, seq, kind, author_kind, body, created_at)
        values (${row.id}, 1, 'message', 'customer', 'same seq', 0)`.execute(db),
    ).rejects.toThrow(/UNIQUE/);
    await expect(
      sql`insert into agent_states (user_id, org_id, presence, presence_since, updated_at, max_concurrent)
        values (1, 1, 'available', 0, 0, 0)`.execute(db),
    ).rejects.toThrow(/CHECK|FOREIGN/);
  });

  it('finds Chinese words of two characters and of three or more, per organisation', async () => {
    await db.insertInto('organisations').values({ id: 2, name: 'Other', created_at: now }).execute();
    await indexMessage(db, { messageId: 10, ticketId: 1, orgId: 1, body: '我想申请退款，发票也要重开' });
    await indexMessage(db, { messageId: 11, ticketId: 7, orgId: 2, body: '退款什么时候到账' });
    await indexTicketHeader(db, {
      ticketId: 1,
      orgId: 1,
      number: 1,
      customerName: '黄伟',
      orderNumber: 'PO20261201-0042',
    });
    const found = async (search: string, orgId: number) => {
      const condition = searchCondition(search, orgId);
      if (!condition) return [];
      const rows = await db
        .selectFrom('tickets as t')
        .select('t.id')
        .where('t.org_id', '=', orgId)
        .where(condition)
        .execute();
      return rows.map((r) => r.id);
    };
    expect(await found('退款', 1)).toEqual([1]);
    expect(await found('申请退款', 1)).toEqual([1]);
    expect(await found('1201-00', 1)).toEqual([1]);
    expect(await found('黄伟', 1)).toEqual([1]);
    expect(await found('到账', 1)).toEqual([]);
    // Operators are text: a quote or a star in a search cannot break the query or widen it.
    expect(await found('"退款" OR *', 1)).toEqual([]);
  });

  it('starts a hub on the upgraded store, numbering past the tickets it holds', async () => {
    const t: TestHub = await startHub({ dataDir });
    try {
      const started = await startChat(t.hub.url, { org: 1, orderNumber: 'PO20261201-0042' });
      expect(started.ticketNumber).toBe(2);
      const ticket = await db
        .selectFrom('tickets')
        .select(['order_id', 'order_ref', 'status'])
        .where('number', '=', 2)
        .executeTakeFirstOrThrow();
      expect(ticket).toEqual({ order_id: 1, order_ref: null, status: 'new' });
    } finally {
      await t.stop({ keep: true });
    }
  });
});
