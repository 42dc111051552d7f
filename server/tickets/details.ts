import type { Kysely } from 'kysely';
import type { OrderSummary, TicketDetail, TicketSummary } from '../../shared/protocol/tickets';
import type { Database } from '../store/schema';
import { readCounts } from './queries';
import { localeOf, loadSummary, summaryRows, toSummary } from './rows';

/** Orders and earlier tickets the context panel shows at most. */
const contextRows = 20;

async function ordersWithItems(
  db: Kysely<Database>,
  orgId: number,
  where: { orderId: number } | { customerId: number },
): Promise<OrderSummary[]> {
  let query = db
    .selectFrom('orders')
    .select(['id', 'number', 'status', 'total_fen', 'created_at', 'updated_at'])
    .where('org_id', '=', orgId);
  query =
    'orderId' in where
      ? query.where('id', '=', where.orderId)
      : query.where('customer_id', '=', where.customerId);
  const orders = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(contextRows).execute();
  if (orders.length === 0) return [];
  const items = await db
    .selectFrom('order_items as i')
    .innerJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.order_id', 'p.name', 'i.quantity'])
    .where(
      'i.order_id',
      'in',
      orders.map((o) => o.id),
    )
    .orderBy('i.id')
    .execute();
  return orders.map((o) => ({
    id: o.id,
    number: o.number,
    status: o.status,
    totalFen: o.total_fen,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
    items: items.filter((i) => i.order_id === o.id).map((i) => ({ name: i.name, quantity: i.quantity })),
  }));
}

/** One ticket with its customer, its order and the agent's read mark; null outside the organisation. */
export async function ticketDetail(
  db: Kysely<Database>,
  orgId: number,
  userId: number,
  ticketId: number,
): Promise<TicketDetail | null> {
  const ticket = await loadSummary(db, orgId, ticketId);
  if (!ticket) return null;
  const row = await db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .select(['t.order_id', 'c.id', 'c.name', 'c.locale', 'c.phone', 'c.email', 'c.city', 'c.created_at'])
    .where('t.id', '=', ticketId)
    .where('t.org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const order = row.order_id === null ? [] : await ordersWithItems(db, orgId, { orderId: row.order_id });
  const reads = await readCounts(db, userId, [ticketId]);
  return {
    ticket,
    customer: {
      id: row.id,
      name: row.name,
      locale: localeOf(row.locale),
      phone: row.phone,
      email: row.email,
      city: row.city,
      since: row.created_at,
    },
    order: order[0] ?? null,
    readCount: reads[String(ticketId)] ?? 0,
  };
}

/** The customer's recent orders with the shop and their other tickets, newest first. */
export async function ticketContext(
  db: Kysely<Database>,
  orgId: number,
  ticketId: number,
): Promise<{ orders: OrderSummary[]; tickets: TicketSummary[] } | null> {
  const ticket = await db
    .selectFrom('tickets')
    .select(['customer_id'])
    .where('id', '=', ticketId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!ticket) return null;
  const orders = await ordersWithItems(db, orgId, { customerId: ticket.customer_id });
  const others = await summaryRows(db, orgId)
    .where('t.customer_id', '=', ticket.customer_id)
    .where('t.id', '!=', ticketId)
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(contextRows)
    .execute();
  return { orders, tickets: others.map(toSummary) };
}
