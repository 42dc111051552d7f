import type { Kysely, Selectable } from 'kysely';
import type {
  FlashSale,
  LiveComment,
  LiveFigures,
  LiveOrder,
  Product,
  RoomState,
  TeleprompterScript,
} from '../../shared/protocol/live';
import type {
  Database,
  LiveBroadcastsTable,
  LiveFlashSalesTable,
  LiveRoomsTable,
  ProductsTable,
} from '../store/schema';

export type RoomRow = Selectable<LiveRoomsTable>;
export type BroadcastRow = Selectable<LiveBroadcastsTable>;
export type SaleRow = Selectable<LiveFlashSalesTable>;

export function toProduct(row: Selectable<ProductsTable>): Product {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    imageUrl: row.image_url,
    priceFen: row.price_fen,
    stock: row.stock,
  };
}

export function toSale(row: SaleRow): FlashSale {
  return {
    id: row.id,
    productId: row.product_id,
    priceFen: row.price_fen,
    quantity: row.quantity,
    sold: row.sold,
    startedAt: row.started_at,
    endsAt: row.ends_at,
    endedAt: row.ended_at,
  };
}

/** Every lookup starts from the organisation: a room of another one does not exist for the caller. */
function roomWhere(
  db: Kysely<Database>,
  orgId: number,
  column: 'anchor_id' | 'slug' | 'id',
  value: number | string,
): Promise<RoomRow | undefined> {
  return db
    .selectFrom('live_rooms')
    .selectAll()
    .where('org_id', '=', orgId)
    .where(column, '=', value)
    .executeTakeFirst();
}

export function roomOfAnchor(
  db: Kysely<Database>,
  orgId: number,
  anchorId: number,
): Promise<RoomRow | undefined> {
  return roomWhere(db, orgId, 'anchor_id', anchorId);
}

export function roomBySlug(db: Kysely<Database>, orgId: number, slug: string): Promise<RoomRow | undefined> {
  return roomWhere(db, orgId, 'slug', slug);
}

export function roomById(db: Kysely<Database>, orgId: number, roomId: number): Promise<RoomRow | undefined> {
  return roomWhere(db, orgId, 'id', roomId);
}

/** The room's newest broadcast, live or ended; undefined before its first. */
export function latestBroadcast(db: Kysely<Database>, roomId: number): Promise<BroadcastRow | undefined> {
  return db
    .selectFrom('live_broadcasts')
    .selectAll()
    .where('room_id', '=', roomId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function liveBroadcastOfRoom(db: Kysely<Database>, roomId: number): Promise<BroadcastRow | undefined> {
  return db
    .selectFrom('live_broadcasts')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('status', '=', 'live')
    .executeTakeFirst();
}

export function broadcastOfOrg(
  db: Kysely<Database>,
  orgId: number,
  broadcastId: number,
): Promise<BroadcastRow | undefined> {
  return db
    .selectFrom('live_broadcasts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', broadcastId)
    .executeTakeFirst();
}

export function productOfOrg(db: Kysely<Database>, orgId: number, productId: number) {
  return db
    .selectFrom('products')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', productId)
    .executeTakeFirst();
}

export async function listProducts(db: Kysely<Database>, orgId: number): Promise<Product[]> {
  const rows = await db
    .selectFrom('products')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map(toProduct);
}

/** The broadcast's newest flash sale, running or over (the page shows "sold out" from it). */
export function latestSale(db: Kysely<Database>, broadcastId: number): Promise<SaleRow | undefined> {
  return db
    .selectFrom('live_flash_sales')
    .selectAll()
    .where('broadcast_id', '=', broadcastId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The broadcast's comments everyone may see: not held, not deleted. */
function visibleComments(db: Kysely<Database>, broadcastId: number) {
  return db
    .selectFrom('live_comments as c')
    .innerJoin('live_viewers as v', 'v.id', 'c.viewer_id')
    .select(['c.id', 'c.viewer_id', 'v.nickname', 'c.body', 'c.created_at'])
    .where('c.broadcast_id', '=', broadcastId)
    .where('c.held', '=', 0)
    .where('c.deleted_at', 'is', null);
}

function toComment(row: {
  id: number;
  viewer_id: number;
  nickname: string;
  body: string;
  created_at: number;
}): LiveComment {
  return {
    id: row.id,
    viewerId: row.viewer_id,
    nickname: row.nickname,
    body: row.body,
    createdAt: row.created_at,
  };
}

export async function loadComment(
  db: Kysely<Database>,
  broadcastId: number,
  commentId: number,
): Promise<LiveComment | null> {
  const row = await visibleComments(db, broadcastId).where('c.id', '=', commentId).executeTakeFirst();
  return row ? toComment(row) : null;
}

/** The newest 200 comments everyone may see (not held, not deleted), oldest first. */
export async function recentComments(db: Kysely<Database>, broadcastId: number): Promise<LiveComment[]> {
  const rows = await visibleComments(db, broadcastId).orderBy('c.id', 'desc').limit(200).execute();
  return rows.reverse().map(toComment);
}

/** Orders with what a list shows of them: the product's name and the buyer's nickname. */
function ordersShown(db: Kysely<Database>) {
  return db
    .selectFrom('live_orders as o')
    .innerJoin('products as p', 'p.id', 'o.product_id')
    .innerJoin('live_viewers as v', 'v.id', 'o.viewer_id')
    .select([
      'o.id',
      'o.product_id',
      'p.name',
      'v.nickname',
      'o.quantity',
      'o.total_fen',
      'o.flash_sale_id',
      'o.created_at',
    ]);
}

export async function loadOrder(db: Kysely<Database>, orderId: number): Promise<LiveOrder> {
  const row = await ordersShown(db).where('o.id', '=', orderId).executeTakeFirstOrThrow();
  return toOrder(row);
}

function toOrder(row: {
  id: number;
  product_id: number;
  name: string;
  nickname: string;
  quantity: number;
  total_fen: number;
  flash_sale_id: number | null;
  created_at: number;
}): LiveOrder {
  return {
    id: row.id,
    productId: row.product_id,
    productName: row.name,
    nickname: row.nickname,
    quantity: row.quantity,
    totalFen: row.total_fen,
    flashSaleId: row.flash_sale_id,
    createdAt: row.created_at,
  };
}

export async function recentOrders(db: Kysely<Database>, broadcastId: number): Promise<LiveOrder[]> {
  const rows = await ordersShown(db)
    .where('o.broadcast_id', '=', broadcastId)
    .orderBy('o.id', 'desc')
    .limit(200)
    .execute();
  return rows.reverse().map(toOrder);
}

/** Figures kept in memory (viewers connected now, likes not yet written) added to the stored ones. */
export interface LiveCounters {
  viewers(orgId: number, roomId: number): number;
  pendingLikes(roomId: number): number;
}

export async function loadRoomState(
  db: Kysely<Database>,
  room: RoomRow,
  counters: LiveCounters,
): Promise<RoomState> {
  const meta = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select(['u.display_name', 'o.name'])
    .where('u.id', '=', room.anchor_id)
    .executeTakeFirstOrThrow();
  const broadcast = await latestBroadcast(db, room.id);
  const live = broadcast?.status === 'live' ? broadcast : undefined;
  const pinned = live?.pinned_product_id
    ? await productOfOrg(db, room.org_id, live.pinned_product_id)
    : undefined;
  const sale = live ? await latestSale(db, live.id) : undefined;
  const pinnedComment =
    live?.pinned_comment_id !== undefined && live.pinned_comment_id !== null
      ? await loadComment(db, live.id, live.pinned_comment_id)
      : null;
  const figures: LiveFigures = {
    viewers: counters.viewers(room.org_id, room.id),
    likes: (broadcast?.likes ?? 0) + (live ? counters.pendingLikes(room.id) : 0),
    orders: broadcast?.order_count ?? 0,
    gmvFen: broadcast?.gmv_fen ?? 0,
  };
  return {
    slug: room.slug,
    shop: meta.name,
    anchorName: meta.display_name,
    broadcast: broadcast
      ? {
          id: broadcast.id,
          title: broadcast.title,
          status: broadcast.status,
          startedAt: broadcast.started_at,
          endedAt: broadcast.ended_at,
          recovering: broadcast.recovering === 1,
        }
      : null,
    pinnedProduct: pinned ? toProduct(pinned) : null,
    flashSale: sale ? toSale(sale) : null,
    pinnedComment,
    figures,
  };
}

export function toScript(row: {
  id: number;
  kind: 'script' | 'phrase';
  product_id: number | null;
  title: string;
  body: string;
}): TeleprompterScript {
  return { id: row.id, kind: row.kind, productId: row.product_id, title: row.title, body: row.body };
}
