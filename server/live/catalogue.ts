import type { z } from 'zod';
import { cleanKeywords } from '../../shared/domain/live/keywords';
import type { Ack } from '../../shared/protocol/ack';
import { fail, ok } from '../../shared/protocol/ack';
import type {
  keywordsSaveInput,
  Product,
  productSaveInput,
  scriptDeleteInput,
  scriptSaveInput,
  TeleprompterScript,
} from '../../shared/protocol/live';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WorkerPrincipal } from '../protocol/principal';
import type { Database } from '../store/schema';
import { noProduct, orgOf, type LiveDeps, type LiveWrite } from './deps';
import { productOfOrg, toProduct, toScript } from './rows';

type Ctx = LiveWrite<WorkerPrincipal>;

/** A product saved from the console: new, or one of the organisation's. Its stock is set, not added to. */
export async function saveProduct(
  deps: LiveDeps,
  ctx: Ctx,
  input: z.output<typeof productSaveInput>,
): Promise<Ack<{ product: Product }>> {
  const orgId = orgOf(ctx.principal);
  const values = {
    name: input.name,
    description: input.description,
    image_url: input.imageUrl,
    price_fen: input.priceFen,
    stock: input.stock,
  };
  let id: number;
  if (input.productId !== undefined) {
    const found = await productOfOrg(ctx.trx, orgId, input.productId);
    if (!found) return noProduct;
    await ctx.trx.updateTable('products').set(values).where('id', '=', found.id).execute();
    id = found.id;
  } else {
    // The console names no SKU; the shop's back office may give it one later.
    const row = await ctx.trx
      .insertInto('products')
      .values({ org_id: orgId, sku: `LIVE-${uuidv7()}`, ...values, created_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  const saved = await productOfOrg(ctx.trx, orgId, id);
  if (!saved) return noProduct;
  ctx.after(() => deps.service.quietly(deps.service.productsChanged(orgId), 'products push'));
  return ok({ product: toProduct(saved) });
}

export async function loadKeywords(db: Kysely<Database>, orgId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('live_keywords')
    .select('word')
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.word);
}

/** The whole list replaced: what the anchor or supervisor sees is what filters. */
export async function saveKeywords(
  ctx: Ctx,
  input: z.output<typeof keywordsSaveInput>,
): Promise<Ack<{ words: string[] }>> {
  const orgId = orgOf(ctx.principal);
  const words = cleanKeywords(input.words);
  await ctx.trx.deleteFrom('live_keywords').where('org_id', '=', orgId).execute();
  if (words.length > 0) {
    await ctx.trx
      .insertInto('live_keywords')
      .values(words.map((word, position) => ({ org_id: orgId, word, position })))
      .execute();
  }
  return ok({ words });
}

export async function listScripts(
  db: Kysely<Database>,
  principal: WorkerPrincipal,
): Promise<TeleprompterScript[]> {
  const rows = await db
    .selectFrom('live_scripts')
    .select(['id', 'kind', 'product_id', 'title', 'body'])
    .where('org_id', '=', orgOf(principal))
    .where('anchor_id', '=', principal.user.id)
    .orderBy('position')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map(toScript);
}

const noScript = fail('not_found', 'There is no such script.');

/** An anchor's own script or phrase; a product's script names one of the organisation's products. */
export async function saveScript(
  ctx: Ctx,
  input: z.output<typeof scriptSaveInput>,
): Promise<Ack<{ script: TeleprompterScript }>> {
  const orgId = orgOf(ctx.principal);
  if (input.productId !== null && !(await productOfOrg(ctx.trx, orgId, input.productId))) return noProduct;
  const values = {
    kind: input.kind,
    product_id: input.productId,
    title: input.title,
    body: input.body,
    updated_at: ctx.now,
  };
  let id: number;
  if (input.scriptId !== undefined) {
    const found = await ctx.trx
      .selectFrom('live_scripts')
      .select('id')
      .where('org_id', '=', orgId)
      .where('anchor_id', '=', ctx.principal.user.id)
      .where('id', '=', input.scriptId)
      .executeTakeFirst();
    if (!found) return noScript;
    await ctx.trx.updateTable('live_scripts').set(values).where('id', '=', found.id).execute();
    id = found.id;
  } else {
    const count = await ctx.trx
      .selectFrom('live_scripts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('anchor_id', '=', ctx.principal.user.id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= 500) return fail('conflict', 'You have 500 scripts already. Delete some first.');
    const row = await ctx.trx
      .insertInto('live_scripts')
      .values({ org_id: orgId, anchor_id: ctx.principal.user.id, ...values, position: Number(count.n) })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  return ok({ script: toScript({ id, ...values }) });
}

export async function deleteScript(
  ctx: Ctx,
  input: z.output<typeof scriptDeleteInput>,
): Promise<Ack<Record<string, never>>> {
  const result = await ctx.trx
    .deleteFrom('live_scripts')
    .where('org_id', '=', orgOf(ctx.principal))
    .where('anchor_id', '=', ctx.principal.user.id)
    .where('id', '=', input.scriptId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0 ? ok({}) : noScript;
}
