import type { z } from 'zod';
import { heldBy } from '../../shared/domain/live/keywords';
import { isRunning, saleRemaining } from '../../shared/domain/live/flash-sale';
import { reserve } from '../../shared/domain/live/stock';
import type { Ack } from '../../shared/protocol/ack';
import { fail, ok } from '../../shared/protocol/ack';
import type { LiveComment, LiveOrder, viewerBuyInput, viewerCommentInput } from '../../shared/protocol/live';
import type { ViewerPrincipal } from '../protocol/principal';
import { loadKeywords } from './catalogue';
import type { LiveDeps, LiveWrite } from './deps';
import { liveBroadcastOfRoom, loadOrder, productOfOrg } from './rows';

type Ctx = LiveWrite<ViewerPrincipal>;

const notOnAir = fail('conflict', 'The broadcast has not started or has ended.');

/**
 * A viewer's comment in their room's live broadcast. A muted viewer is
 * refused and told why; one with a word of the keyword filter is held: its
 * writer sees it (`held`), nobody else does.
 */
export async function postComment(
  deps: LiveDeps,
  ctx: Ctx,
  input: z.output<typeof viewerCommentInput>,
): Promise<Ack<{ comment: LiveComment | null; held: boolean }>> {
  const { principal } = ctx;
  const broadcast = await liveBroadcastOfRoom(ctx.trx, principal.roomId);
  if (!broadcast) return notOnAir;
  const muted = await ctx.trx
    .selectFrom('live_mutes')
    .select('viewer_id')
    .where('broadcast_id', '=', broadcast.id)
    .where('viewer_id', '=', principal.viewerId)
    .executeTakeFirst();
  if (muted)
    return fail('forbidden', 'The anchor has muted you for this broadcast. You can still watch and buy.');
  const viewer = await ctx.trx
    .selectFrom('live_viewers')
    .select('nickname')
    .where('id', '=', principal.viewerId)
    .executeTakeFirstOrThrow();
  const held = heldBy(input.body, await loadKeywords(ctx.trx, principal.orgId)) !== null;
  const row = await ctx.trx
    .insertInto('live_comments')
    .values({
      org_id: principal.orgId,
      broadcast_id: broadcast.id,
      viewer_id: principal.viewerId,
      body: input.body,
      held: held ? 1 : 0,
      deleted_at: null,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const comment: LiveComment = {
    id: row.id,
    viewerId: principal.viewerId,
    nickname: viewer.nickname,
    body: input.body,
    createdAt: ctx.now,
  };
  if (!held) ctx.after(() => deps.service.comment(principal.orgId, principal.roomId, comment));
  return ok({ comment, held });
}

/**
 * "Buy": in one transaction the stock (and the flash sale's sold count) goes
 * down by what is taken, never below zero, the order is written and the
 * broadcast's figures go up. The dispatcher's ledger answers a resent press
 * with this same order; `live_orders_press` refuses a second one anyway.
 */
export async function buy(
  deps: LiveDeps,
  ctx: Ctx,
  input: z.output<typeof viewerBuyInput>,
): Promise<Ack<{ order: LiveOrder }>> {
  const { principal, trx, now } = ctx;
  const broadcast = await liveBroadcastOfRoom(trx, principal.roomId);
  if (!broadcast) return notOnAir;
  const product = await productOfOrg(trx, principal.orgId, input.productId);
  if (!product) return fail('not_found', 'There is no such product.');
  let available = product.stock;
  let unitPrice = product.price_fen;
  let saleId: number | null = null;
  if (input.saleId !== null) {
    const sale = await trx
      .selectFrom('live_flash_sales')
      .selectAll()
      .where('id', '=', input.saleId)
      .where('broadcast_id', '=', broadcast.id)
      .where('product_id', '=', product.id)
      .executeTakeFirst();
    if (!sale) return fail('not_found', 'There is no such flash sale.');
    const facts = { quantity: sale.quantity, sold: sale.sold, endsAt: sale.ends_at, endedAt: sale.ended_at };
    // The flash price holds only while the sale runs; the viewer is told rather than charged another price.
    if (!isRunning(facts, now)) return fail('conflict', 'The flash sale is over. Look at the price again.');
    available = saleRemaining(facts, product.stock, now);
    unitPrice = sale.price_fen;
    saleId = sale.id;
  }
  const taken = reserve(available, input.quantity);
  if (!taken.ok) return fail('conflict', `Sold out: ${product.name} has none left.`);
  const quantity = taken.quantity;
  const total = unitPrice * quantity;
  await trx
    .updateTable('products')
    .set((eb) => ({ stock: eb('stock', '-', quantity) }))
    .where('id', '=', product.id)
    .execute();
  if (saleId !== null) {
    await trx
      .updateTable('live_flash_sales')
      .set((eb) => ({
        sold: eb('sold', '+', quantity),
        // Sold out: the sale is over the moment its last unit goes.
        ended_at: eb
          .case()
          .when(eb('sold', '+', quantity), '>=', eb.ref('quantity'))
          .then(now)
          .else(null)
          .end(),
      }))
      .where('id', '=', saleId)
      .execute();
  }
  await trx
    .updateTable('live_broadcasts')
    .set((eb) => ({ order_count: eb('order_count', '+', 1), gmv_fen: eb('gmv_fen', '+', total) }))
    .where('id', '=', broadcast.id)
    .execute();
  const row = await trx
    .insertInto('live_orders')
    .values({
      org_id: principal.orgId,
      broadcast_id: broadcast.id,
      product_id: product.id,
      viewer_id: principal.viewerId,
      flash_sale_id: saleId,
      quantity,
      unit_price_fen: unitPrice,
      total_fen: total,
      command_id: input.id,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const order = await loadOrder(trx, row.id);
  ctx.after(() => {
    deps.service.order(principal.orgId, principal.roomId, order);
    deps.service.state(principal.orgId, principal.roomId);
  });
  return ok({ order });
}
