import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { demoKeywords, demoProductImages, demoRoomSlug, demoScripts } from './live-data';

export interface DemoLiveContext {
  orgId: number;
  now: number;
  anchorId: number;
  products: Map<string, { id: number }>;
}

/** The anchor's room, product pictures, teleprompter scripts and the keyword filter; inside the demo's transaction. */
export async function seedDemoLive(trx: Kysely<Database>, ctx: DemoLiveContext): Promise<void> {
  for (const [sku, image] of Object.entries(demoProductImages)) {
    const product = ctx.products.get(sku);
    if (!product) throw new Error(`demo live picture for unknown ${sku}`);
    await trx.updateTable('products').set({ image_url: image }).where('id', '=', product.id).execute();
  }
  await trx
    .insertInto('live_rooms')
    .values({ org_id: ctx.orgId, slug: demoRoomSlug, anchor_id: ctx.anchorId, created_at: ctx.now })
    .execute();
  for (const [position, s] of demoScripts.entries()) {
    const product = s.sku === null ? null : ctx.products.get(s.sku);
    if (product === undefined) throw new Error(`demo script for unknown ${String(s.sku)}`);
    await trx
      .insertInto('live_scripts')
      .values({
        org_id: ctx.orgId,
        anchor_id: ctx.anchorId,
        kind: s.kind,
        product_id: product?.id ?? null,
        title: s.title,
        body: s.body,
        position,
        updated_at: ctx.now,
      })
      .execute();
  }
  await trx
    .insertInto('live_keywords')
    .values(demoKeywords.map((word, position) => ({ org_id: ctx.orgId, word, position })))
    .execute();
}
