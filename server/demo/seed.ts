import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../auth/password';
import { countOrganisations, createOrganisation, createUser } from '../auth/users';
import type { Database } from '../store/schema';
import { appendTeamMessage } from '../team/store';
import {
  demoCustomers,
  demoOrders,
  demoOrganisation,
  demoPassword,
  demoProducts,
  demoTeamMessages,
  demoUsers,
} from './data';
import { seedDemoTickets, type DemoTicketContext } from './seed-tickets';
import { demoAnchor } from './live-data';
import { seedDemoLive } from './seed-live';
import { seedDemoShifts } from './seed-shifts';
import type { QuotaDeps } from '../quota/deps';

const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;

export interface DemoCredential {
  username: string;
  password: string;
}

/** Placed at `hour` o'clock China time (UTC+8) `daysAgo` days before `now`, never in the future. */
function placedAt(now: number, daysAgo: number, hour: number): number {
  const chinaMidnight = Math.floor((now + 8 * hourMs) / dayMs) * dayMs - 8 * hourMs;
  return Math.min(now - 60_000, chinaMidnight - daysAgo * dayMs + hour * hourMs);
}

/** As the shop prints them, DS20261128-0042: the China date it was placed, then a serial unique within the demo. */
function orderNumber(createdAt: number, index: number): string {
  const date = new Date(createdAt + 8 * hourMs).toISOString().slice(0, 10).replaceAll('-', '');
  return `DS${date}-${String(11 + ((index * 37) % 89)).padStart(4, '0')}`;
}

/**
 * Fills an empty store with the Demo Shop. Does nothing when any organisation
 * exists, so a restarted demo hub keeps what was done in it.
 */
export async function seedDemo(
  db: Kysely<Database>,
  now: number,
  /** The hub's records key (server/quota/records-key.ts): the demo's certificate numbers are sealed with it. */
  recordsKey: QuotaDeps['recordsKey'],
  /** `history: false` leaves out the six months of shifts and pay (server/demo/seed-shifts.ts). */
  options: { history: boolean } = { history: true },
): Promise<boolean> {
  if ((await countOrganisations(db)) > 0) return false;
  // The one shared hash: hashing is the slow part and the password is the same for all three.
  const passwordHash = await hashPassword(demoPassword);
  return db.transaction().execute(async (trx) => {
    if ((await countOrganisations(trx)) > 0) return false;
    const orgId = await createOrganisation(trx, demoOrganisation, now - 30 * dayMs);
    const users = new Map<string, { id: number; displayName: string }>();
    for (const u of demoUsers) {
      const created = await createUser(trx, { orgId, ...u, passwordHash, now: now - 30 * dayMs });
      if (!created) throw new Error(`demo user ${u.username} already exists`);
      users.set(u.username, { id: created.id, displayName: created.displayName });
    }

    const products = new Map<string, { id: number; priceFen: number }>();
    for (const p of demoProducts) {
      const row = await trx
        .insertInto('products')
        .values({
          org_id: orgId,
          sku: p.sku,
          name: p.name,
          description: p.description,
          price_fen: p.priceFen,
          stock: p.stock,
          created_at: now - 30 * dayMs,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      products.set(p.sku, { id: row.id, priceFen: p.priceFen });
    }

    const customerIds: number[] = [];
    for (const c of demoCustomers) {
      const row = await trx
        .insertInto('customers')
        .values({ org_id: orgId, ...c, created_at: now - 20 * dayMs })
        .returning('id')
        .executeTakeFirstOrThrow();
      customerIds.push(row.id);
    }

    const orders = new Map<(typeof demoOrders)[number], DemoTicketContext['orders'][number]>();
    const ordered = [...demoOrders].sort(
      (a, b) => placedAt(now, a.daysAgo, a.hour) - placedAt(now, b.daysAgo, b.hour),
    );
    for (const [i, o] of ordered.entries()) {
      const customerId = customerIds[o.customer];
      if (customerId === undefined) throw new Error(`demo order refers to customer ${o.customer}`);
      const lines = o.items.map((item) => {
        const product = products.get(item.sku);
        if (!product) throw new Error(`demo order refers to ${item.sku}`);
        return { product, quantity: item.quantity };
      });
      const createdAt = placedAt(now, o.daysAgo, o.hour);
      const order = await trx
        .insertInto('orders')
        .values({
          org_id: orgId,
          number: orderNumber(createdAt, i),
          customer_id: customerId,
          status: o.status,
          total_fen: lines.reduce((sum, l) => sum + l.product.priceFen * l.quantity, 0),
          created_at: createdAt,
          updated_at: o.status === 'paid' ? createdAt : Math.min(now, createdAt + dayMs),
        })
        .returning(['id', 'number'])
        .executeTakeFirstOrThrow();
      orders.set(o, { id: order.id, number: order.number, customerId, createdAt });
      await trx
        .insertInto('order_items')
        .values(
          lines.map((l) => ({
            order_id: order.id,
            product_id: l.product.id,
            quantity: l.quantity,
            unit_price_fen: l.product.priceFen,
          })),
        )
        .execute();
    }

    for (const m of demoTeamMessages) {
      const author = users.get(m.author);
      if (!author) throw new Error(`demo message by unknown ${m.author}`);
      await appendTeamMessage(trx, {
        orgId,
        commandId: uuidv7({ msecs: now - m.minutesAgo * 60_000 }),
        authorId: author.id,
        body: m.body,
        now: now - m.minutesAgo * 60_000,
      });
    }

    const anchor = users.get(demoAnchor);
    if (!anchor) throw new Error('the demo has no anchor');
    await seedDemoLive(trx, { orgId, now, anchorId: anchor.id, products });

    await seedDemoTickets(trx, {
      orgId,
      now,
      users,
      customerIds,
      orders: demoOrders.map((o) => {
        const row = orders.get(o);
        if (!row) throw new Error('demo order not written');
        return row;
      }),
    });

    if (options.history) await seedDemoShifts(trx, { orgId, now, users, passwordHash, products, recordsKey });
    return true;
  });
}

/** The demo sign-ins, if this store holds the Demo Shop. */
export async function demoCredentials(db: Kysely<Database>): Promise<DemoCredential[] | null> {
  const org = await db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', demoOrganisation)
    .executeTakeFirst();
  if (!org) return null;
  return demoUsers.map((u) => ({ username: u.username, password: demoPassword }));
}
