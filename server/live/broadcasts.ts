import type { z } from 'zod';
import { canAct, canStart, phaseOf } from '../../shared/domain/live/broadcast';
import { canStartSale, isRunning } from '../../shared/domain/live/flash-sale';
import type { Ack } from '../../shared/protocol/ack';
import { fail, ok } from '../../shared/protocol/ack';
import type {
  broadcastEndInput,
  broadcastStartInput,
  commentModerateInput,
  commentPinInput,
  FlashSale,
  pinProductInput,
  RoomState,
  saleEndInput,
  saleStartInput,
  viewerMuteInput,
} from '../../shared/protocol/live';
import type { WorkerPrincipal } from '../protocol/principal';
import { noBroadcast, noProduct, noRoom, notLive, orgOf, type LiveDeps, type LiveWrite } from './deps';
import type { BroadcastRow, RoomRow } from './rows';
import { latestBroadcast, loadComment, loadRoomState, productOfOrg, roomOfAnchor, toSale } from './rows';
import { closeBroadcast } from './service';

type Ctx = LiveWrite<WorkerPrincipal>;

/**
 * The anchor's own room and one of its broadcasts: an anchor acts only in
 * their room, and a broadcast of anyone else's is `not_found`.
 */
async function ownBroadcast(
  ctx: Ctx,
  broadcastId: number,
): Promise<{ room: RoomRow; broadcast: BroadcastRow } | Ack<never>> {
  const room = await roomOfAnchor(ctx.trx, orgOf(ctx.principal), ctx.principal.user.id);
  if (!room) return noRoom;
  const broadcast = await ctx.trx
    .selectFrom('live_broadcasts')
    .selectAll()
    .where('room_id', '=', room.id)
    .where('id', '=', broadcastId)
    .executeTakeFirst();
  if (!broadcast) return noBroadcast;
  return { room, broadcast };
}

async function ownLiveBroadcast(ctx: Ctx, broadcastId: number) {
  const found = await ownBroadcast(ctx, broadcastId);
  if ('ok' in found) return found;
  return canAct(phaseOf(found.broadcast)).ok ? found : notLive;
}

function stateAfter(deps: LiveDeps, ctx: Ctx, room: RoomRow): void {
  ctx.after(() => deps.service.state(room.org_id, room.id));
}

async function roomState(deps: LiveDeps, ctx: Ctx, room: RoomRow): Promise<Ack<{ room: RoomState }>> {
  stateAfter(deps, ctx, room);
  return ok({ room: await loadRoomState(ctx.trx, room, deps.service) });
}

/** "Go live": the anchor's room (made on the first time, with the slug given) gets a new live broadcast. */
export async function startBroadcast(
  deps: LiveDeps,
  ctx: Ctx,
  input: z.output<typeof broadcastStartInput>,
): Promise<Ack<{ room: RoomState }>> {
  const orgId = orgOf(ctx.principal);
  let room = await roomOfAnchor(ctx.trx, orgId, ctx.principal.user.id);
  if (!room) {
    if (input.slug === undefined)
      return fail('invalid_input', 'Choose the link name of your room first.', [
        { path: ['slug'], message: 'required for the first broadcast' },
      ]);
    const taken = await ctx.trx
      .selectFrom('live_rooms')
      .select('id')
      .where('slug', '=', input.slug)
      .executeTakeFirst();
    if (taken) return fail('conflict', 'That link name is taken. Choose another one.');
    const created = await ctx.trx
      .insertInto('live_rooms')
      .values({ org_id: orgId, slug: input.slug, anchor_id: ctx.principal.user.id, created_at: ctx.now })
      .returningAll()
      .executeTakeFirstOrThrow();
    room = created;
    ctx.after(() =>
      deps.service.quietly(
        deps.service.roomCreated(created.org_id, created.id, created.anchor_id),
        'room join',
      ),
    );
  }
  const latest = await latestBroadcast(ctx.trx, room.id);
  if (!canStart(phaseOf(latest ?? null)).ok) return fail('conflict', 'You are already live.');
  const broadcast = await ctx.trx
    .insertInto('live_broadcasts')
    .values({
      org_id: orgId,
      room_id: room.id,
      title: input.title,
      status: 'live',
      started_at: ctx.now,
      ended_at: null,
      pinned_product_id: null,
      pinned_comment_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const opened = room;
  // The plane opens the room after the commit. Unavailable media does not stop the broadcast: products,
  // sales and comments work, the console says plainly why there is no video, and media.* answer why.
  ctx.after(() => {
    deps.service.plane
      .openRoom(broadcast.id)
      .catch((err: unknown) => ctx.log.warn({ err, broadcastId: broadcast.id }, 'media room did not open'))
      .finally(() =>
        deps.service.quietly(deps.service.pushConsole(opened.org_id, opened.id), 'console push'),
      );
  });
  return roomState(deps, ctx, room);
}

export async function endBroadcast(
  deps: LiveDeps,
  ctx: Ctx,
  input: z.output<typeof broadcastEndInput>,
): Promise<Ack<{ room: RoomState }>> {
  const found = await ownLiveBroadcast(ctx, input.broadcastId);
  if ('ok' in found) return found;
  await closeBroadcast(ctx.trx, found.broadcast.id, ctx.now);
  ctx.after(() => {
    void deps.service.plane
      .closeRoom(found.broadcast.id)
      .catch((err: unknown) => ctx.log.warn({ err }, 'media room did not close'))
      .finally(() =>
        deps.service.quietly(deps.service.pushConsole(found.room.org_id, found.room.id), 'console push'),
      );
  });
  return roomState(deps, ctx, found.room);
}

/** 讲解: the product being explained, shown to every viewer with "Buy"; null unpins. */
export async function pinProduct(
  deps: LiveDeps,
  ctx: Ctx,
  input: z.output<typeof pinProductInput>,
): Promise<Ack<{ room: RoomState }>> {
  const found = await ownLiveBroadcast(ctx, input.broadcastId);
  if ('ok' in found) return found;
  if (input.productId !== null && !(await productOfOrg(ctx.trx, found.room.org_id, input.productId)))
    return noProduct;
  await ctx.trx
    .updateTable('live_broadcasts')
    .set({ pinned_product_id: input.productId })
    .where('id', '=', found.broadcast.id)
    .execute();
  return roomState(deps, ctx, found.room);
}

/** A flash sale of one product; one at a time per broadcast, so a new one ends the one before. */
export async function startSale(
  deps: LiveDeps,
  ctx: Ctx,
  input: z.output<typeof saleStartInput>,
): Promise<Ack<{ sale: FlashSale }>> {
  const found = await ownLiveBroadcast(ctx, input.broadcastId);
  if ('ok' in found) return found;
  const product = await productOfOrg(ctx.trx, found.room.org_id, input.productId);
  if (!product) return noProduct;
  const verdict = canStartSale(input.quantity, product.stock);
  if (!verdict.ok)
    return fail(
      'conflict',
      verdict.reason === 'no_stock'
        ? `${product.name} is out of stock.`
        : `Only ${product.stock} of ${product.name} are in stock; offer at most that many.`,
    );
  await ctx.trx
    .updateTable('live_flash_sales')
    .set({ ended_at: ctx.now })
    .where('broadcast_id', '=', found.broadcast.id)
    .where('ended_at', 'is', null)
    .execute();
  const endsAt = ctx.now + input.seconds * 1000;
  const sale = await ctx.trx
    .insertInto('live_flash_sales')
    .values({
      org_id: found.room.org_id,
      broadcast_id: found.broadcast.id,
      product_id: product.id,
      price_fen: input.priceFen,
      quantity: input.quantity,
      started_at: ctx.now,
      ends_at: endsAt,
      ended_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // The sale is what viewers are asked to buy: the product is pinned with it.
  await ctx.trx
    .updateTable('live_broadcasts')
    .set({ pinned_product_id: product.id })
    .where('id', '=', found.broadcast.id)
    .execute();
  stateAfter(deps, ctx, found.room);
  ctx.after(() => deps.service.saleStarted(endsAt));
  return ok({ sale: toSale(sale) });
}

export async function endSale(
  deps: LiveDeps,
  ctx: Ctx,
  input: z.output<typeof saleEndInput>,
): Promise<Ack<{ sale: FlashSale }>> {
  const orgId = orgOf(ctx.principal);
  const room = await roomOfAnchor(ctx.trx, orgId, ctx.principal.user.id);
  if (!room) return noRoom;
  const sale = await ctx.trx
    .selectFrom('live_flash_sales as s')
    .innerJoin('live_broadcasts as b', 'b.id', 's.broadcast_id')
    .selectAll('s')
    .where('b.room_id', '=', room.id)
    .where('s.id', '=', input.saleId)
    .executeTakeFirst();
  if (!sale) return fail('not_found', 'There is no such flash sale.');
  const facts = { quantity: sale.quantity, sold: sale.sold, endsAt: sale.ends_at, endedAt: sale.ended_at };
  if (!isRunning(facts, ctx.now)) return fail('conflict', 'This flash sale is already over.');
  await ctx.trx
    .updateTable('live_flash_sales')
    .set({ ended_at: ctx.now })
    .where('id', '=', sale.id)
    .execute();
  stateAfter(deps, ctx, room);
  return ok({ sale: toSale({ ...sale, ended_at: ctx.now }) });
}

/** A comment of the anchor's room, any broadcast of it. */
async function ownComment(ctx: Ctx, commentId: number) {
  const room = await roomOfAnchor(ctx.trx, orgOf(ctx.principal), ctx.principal.user.id);
  if (!room) return null;
  const comment = await ctx.trx
    .selectFrom('live_comments as c')
    .innerJoin('live_broadcasts as b', 'b.id', 'c.broadcast_id')
    .select(['c.id', 'c.broadcast_id', 'c.deleted_at'])
    .where('b.room_id', '=', room.id)
    .where('c.id', '=', commentId)
    .executeTakeFirst();
  return comment ? { room, comment } : null;
}

const noComment = fail('not_found', 'There is no such comment.');

export async function deleteComment(
  deps: LiveDeps,
  ctx: Ctx,
  input: z.output<typeof commentModerateInput>,
): Promise<Ack<Record<string, never>>> {
  const found = await ownComment(ctx, input.commentId);
  if (!found) return noComment;
  if (found.comment.deleted_at === null) {
    await ctx.trx
      .updateTable('live_comments')
      .set({ deleted_at: ctx.now })
      .where('id', '=', found.comment.id)
      .execute();
    const pinned = await ctx.trx
      .updateTable('live_broadcasts')
      .set({ pinned_comment_id: null })
      .where('id', '=', found.comment.broadcast_id)
      .where('pinned_comment_id', '=', found.comment.id)
      .executeTakeFirst();
    const { room } = found;
    ctx.after(() => deps.service.commentRemoved(room.org_id, room.id, input.commentId));
    if (Number(pinned.numUpdatedRows) > 0) stateAfter(deps, ctx, room);
  }
  return ok({});
}

export async function pinComment(
  deps: LiveDeps,
  ctx: Ctx,
  input: z.output<typeof commentPinInput>,
): Promise<Ack<{ room: RoomState }>> {
  const found = await ownLiveBroadcast(ctx, input.broadcastId);
  if ('ok' in found) return found;
  if (input.commentId !== null && !(await loadComment(ctx.trx, found.broadcast.id, input.commentId)))
    return noComment;
  await ctx.trx
    .updateTable('live_broadcasts')
    .set({ pinned_comment_id: input.commentId })
    .where('id', '=', found.broadcast.id)
    .execute();
  return roomState(deps, ctx, found.room);
}

/** Muted for this broadcast: their next comments are refused, and they are told so. */
export async function muteViewer(
  ctx: Ctx,
  input: z.output<typeof viewerMuteInput>,
): Promise<Ack<Record<string, never>>> {
  const found = await ownBroadcast(ctx, input.broadcastId);
  if ('ok' in found) return found;
  const viewer = await ctx.trx
    .selectFrom('live_viewers')
    .select('id')
    .where('room_id', '=', found.room.id)
    .where('id', '=', input.viewerId)
    .executeTakeFirst();
  if (!viewer) return fail('not_found', 'There is no such viewer in your room.');
  await ctx.trx
    .insertInto('live_mutes')
    .values({ broadcast_id: found.broadcast.id, viewer_id: viewer.id, created_at: ctx.now })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return ok({});
}
