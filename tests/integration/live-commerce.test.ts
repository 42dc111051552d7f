import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveOrder, RoomState } from '../../shared/protocol/live';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub, unlimitedBudget } from '../support/hub-client';
import { withStore } from '../support/tickets';
import { demoSlug, nextPush, viewer, viewerCall } from './live-fixture';

/**
 * The anchor's selling, against a real hub and store (no media plane: the
 * commerce works without video): products, pin, flash sales, orders and
 * their figures, and the last items raced for by many viewers at once.
 */
describe('live products, sales and orders', () => {
  let t: TestHub;
  let anchor: ClientSocket;
  let broadcastId = 0;
  const viewers: ClientSocket[] = [];

  beforeAll(async () => {
    t = await startHub({
      demo: true,
      media: false,
      budgets: { viewer: unlimitedBudget },
      live: { joins: { max: 1000, windowMs: 60_000 }, timings: { saleSweepMs: 100 } },
    });
    anchor = await signIn(t.hub.url, 'anchor', 'wings-demo');
  });
  afterAll(async () => {
    anchor.close();
    for (const v of viewers) v.close();
    await t.stop();
  });

  it('lists the demo products with pictures, and saves a new one and a change', async () => {
    const { products } = expectOk(await call(anchor, 'live.products', {}));
    expect(products.length).toBeGreaterThanOrEqual(4);
    const kumquats = products.find((p) => p.name === '融安金桔');
    expect(kumquats?.imageUrl).toBe('/live-assets/kumquats.svg');
    const picture = await fetch(`${t.hub.url}/live-assets/kumquats.svg`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toContain('svg');
    expect((await fetch(`${t.hub.url}/live-assets/..%2Fhub.sqlite`)).status).toBe(404);

    const created = expectOk(
      await call(anchor, 'live.product.save', {
        id: newId(),
        name: '酸豆角',
        description: 'Pickled long beans, 500 g jar',
        imageUrl: null,
        priceFen: 1590,
        stock: 3,
      }),
    ).product;
    expect(created).toMatchObject({ name: '酸豆角', priceFen: 1590, stock: 3 });
    const changed = expectOk(
      await call(anchor, 'live.product.save', {
        id: newId(),
        productId: created.id,
        name: '酸豆角',
        description: 'Pickled long beans',
        imageUrl: null,
        priceFen: 1690,
        stock: 3,
      }),
    ).product;
    expect(changed).toMatchObject({ id: created.id, priceFen: 1690 });
  });

  it('gives the demo anchor a room, scripts per product, quick phrases and a keyword list', async () => {
    const room = expectOk(await call(anchor, 'live.console', {})).room;
    expect(room).toMatchObject({ slug: demoSlug, shop: 'Demo Shop', anchorName: '覃金凤' });
    // The demo's six months end with a recent broadcast, ended: the room is off air.
    expect(room.broadcast?.status).not.toBe('live');
    const { scripts } = expectOk(await call(anchor, 'live.scripts', {}));
    const perProduct = new Set(scripts.filter((s) => s.kind === 'script').map((s) => s.productId));
    expect(perProduct.size).toBeGreaterThanOrEqual(4);
    expect(scripts.filter((s) => s.kind === 'phrase').length).toBeGreaterThanOrEqual(8);
    expect(expectOk(await call(anchor, 'live.keywords', {})).words).toContain('加微信');
    const saved = expectOk(
      await call(anchor, 'live.script.save', {
        id: newId(),
        kind: 'phrase',
        productId: null,
        title: '稍等',
        body: '请稍等，我马上回答。',
      }),
    ).script;
    expect(expectOk(await call(anchor, 'live.scripts', {})).scripts.map((s) => s.id)).toContain(saved.id);
    expectOk(await call(anchor, 'live.script.delete', { id: newId(), scriptId: saved.id }));
    expect(expectOk(await call(anchor, 'live.scripts', {})).scripts.map((s) => s.id)).not.toContain(saved.id);
  });

  it('goes live once, and refuses a second broadcast while live', async () => {
    const { room } = expectOk(
      await call(anchor, 'live.broadcast.start', { id: newId(), title: '金桔现摘现发' }),
    );
    expect(room.slug).toBe(demoSlug);
    expect(room.broadcast).toMatchObject({ status: 'live', title: '金桔现摘现发', recovering: false });
    broadcastId = room.broadcast?.id ?? 0;
    const again = await call(anchor, 'live.broadcast.start', { id: newId(), title: 'again' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const console = expectOk(await call(anchor, 'live.console', {}));
    expect(console.media.available).toBe(false);
    expect(console.media.reason).toMatch(/turned off/);
  });

  it('pins a product and the viewer sees it pushed', async () => {
    const v = await viewer(t.hub.url, '小王');
    viewers.push(v.socket);
    const products = expectOk(await call(anchor, 'live.products', {})).products;
    const kumquats = products.find((p) => p.name === '融安金桔');
    if (!kumquats) throw new Error('no kumquats');
    const pushed = nextPush<RoomState>(v.socket, 'view.state', (s) => s.pinnedProduct?.id === kumquats.id);
    const { room } = expectOk(
      await call(anchor, 'live.pin', { id: newId(), broadcastId, productId: kumquats.id }),
    );
    expect(room.pinnedProduct?.name).toBe('融安金桔');
    expect((await pushed).figures.viewers).toBe(1);
  });

  it('takes an order at the product price, pushes it to the anchor and counts GMV', async () => {
    const v = await viewer(t.hub.url, '李阿姨');
    viewers.push(v.socket);
    const state = expectOk(await viewerCall(v.socket, 'view.state', {}));
    const product = state.pinnedProduct;
    if (!product) throw new Error('nothing pinned');
    const orders = nextPush<{ orders: LiveOrder[] }>(anchor, 'live.orders');
    const press = newId();
    const order = expectOk(
      await viewerCall(v.socket, 'view.buy', { id: press, productId: product.id, saleId: null, quantity: 2 }),
    ).order;
    expect(order).toMatchObject({
      quantity: 2,
      totalFen: product.priceFen * 2,
      nickname: '李阿姨',
      flashSaleId: null,
    });
    expect((await orders).orders.map((o) => o.id)).toContain(order.id);

    // The same press resent (its ack was lost) is the same order, not a second one.
    const again = expectOk(
      await viewerCall(v.socket, 'view.buy', { id: press, productId: product.id, saleId: null, quantity: 2 }),
    ).order;
    expect(again.id).toBe(order.id);
    const counted = await withStore(t.dataDir, (db) =>
      db
        .selectFrom('live_orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('command_id', '=', press)
        .executeTakeFirstOrThrow(),
    );
    expect(Number(counted.n)).toBe(1);

    const after = expectOk(await call(anchor, 'live.room', { slug: demoSlug }));
    expect(after.figures).toMatchObject({ orders: 1, gmvFen: product.priceFen * 2 });
    expect(after.pinnedProduct?.stock).toBe(product.stock - 2);
    expect(expectOk(await call(anchor, 'live.orders', { broadcastId })).orders).toHaveLength(1);
  });

  it('runs a flash sale: its price while it runs, ended early by the anchor, then the normal price', async () => {
    const products = expectOk(await call(anchor, 'live.products', {})).products;
    const pears = products.find((p) => p.name === '秋月梨');
    if (!pears) throw new Error('no pears');
    const tooMany = await call(anchor, 'live.sale.start', {
      id: newId(),
      broadcastId,
      productId: pears.id,
      priceFen: 5990,
      quantity: pears.stock + 1,
      seconds: 60,
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const sale = expectOk(
      await call(anchor, 'live.sale.start', {
        id: newId(),
        broadcastId,
        productId: pears.id,
        priceFen: 5990,
        quantity: 5,
        seconds: 60,
      }),
    ).sale;
    expect(sale).toMatchObject({ priceFen: 5990, quantity: 5, sold: 0, endedAt: null });
    const v = await viewer(t.hub.url, 'Emily');
    viewers.push(v.socket);
    const state = expectOk(await viewerCall(v.socket, 'view.state', {}));
    expect(state.flashSale?.id).toBe(sale.id);
    expect(state.pinnedProduct?.id).toBe(pears.id);
    const order = expectOk(
      await viewerCall(v.socket, 'view.buy', {
        id: newId(),
        productId: pears.id,
        saleId: sale.id,
        quantity: 2,
      }),
    ).order;
    expect(order).toMatchObject({ totalFen: 2 * 5990, flashSaleId: sale.id });

    const ended = expectOk(await call(anchor, 'live.sale.end', { id: newId(), saleId: sale.id })).sale;
    expect(ended.sold).toBe(2);
    expect(ended.endedAt).not.toBeNull();
    const late = await viewerCall(v.socket, 'view.buy', {
      id: newId(),
      productId: pears.id,
      saleId: sale.id,
      quantity: 1,
    });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/over/) },
    });
    const plain = expectOk(
      await viewerCall(v.socket, 'view.buy', { id: newId(), productId: pears.id, saleId: null, quantity: 1 }),
    ).order;
    expect(plain.totalFen).toBe(pears.priceFen);
  });

  it('ends a flash sale at its time and pushes that', async () => {
    const products = expectOk(await call(anchor, 'live.products', {})).products;
    const noodles = products.find((p) => p.name === '柳州螺蛳粉');
    if (!noodles) throw new Error('no noodles');
    const v = await viewer(t.hub.url, '阿强');
    viewers.push(v.socket);
    const sale = expectOk(
      await call(anchor, 'live.sale.start', {
        id: newId(),
        broadcastId,
        productId: noodles.id,
        priceFen: 3990,
        quantity: 10,
        seconds: 10,
      }),
    ).sale;
    const over = await nextPush<RoomState>(
      v.socket,
      'view.state',
      (s) => s.flashSale?.id === sale.id && s.flashSale.endedAt !== null,
      14_000,
    );
    expect(over.flashSale?.endedAt).toBe(sale.endsAt);
    const late = await viewerCall(v.socket, 'view.buy', {
      id: newId(),
      productId: noodles.id,
      saleId: sale.id,
      quantity: 1,
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 20_000);

  it('sells the last 3 items to exactly 3 of 20 racing viewers; stock ends at 0', async () => {
    const products = expectOk(await call(anchor, 'live.products', {})).products;
    const beans = products.find((p) => p.name === '酸豆角');
    if (!beans) throw new Error('no beans');
    const sale = expectOk(
      await call(anchor, 'live.sale.start', {
        id: newId(),
        broadcastId,
        productId: beans.id,
        priceFen: 990,
        quantity: 3,
        seconds: 60,
      }),
    ).sale;
    const racers = await Promise.all(Array.from({ length: 20 }, (_, i) => viewer(t.hub.url, `抢购${i}`)));
    viewers.push(...racers.map((r) => r.socket));
    const answers = await Promise.all(
      racers.map((r) =>
        viewerCall(r.socket, 'view.buy', { id: newId(), productId: beans.id, saleId: sale.id, quantity: 1 }),
      ),
    );
    const won = answers.filter((a) => a.ok);
    const lost = answers.filter((a) => !a.ok);
    expect(won).toHaveLength(3);
    expect(lost).toHaveLength(17);
    for (const a of lost) {
      expect(a).toMatchObject({ ok: false, error: { code: 'conflict' } });
      if (!a.ok) expect(a.error.message).toMatch(/Sold out|over/);
    }
    const left = expectOk(await call(anchor, 'live.products', {})).products.find((p) => p.id === beans.id);
    expect(left?.stock).toBe(0);
    const state = expectOk(await call(anchor, 'live.room', { slug: demoSlug }));
    expect(state.flashSale).toMatchObject({ id: sale.id, sold: 3 });
    expect(state.flashSale?.endedAt).not.toBeNull();
    const noSale = await viewerCall(racers[0]?.socket ?? anchor, 'view.buy', {
      id: newId(),
      productId: beans.id,
      saleId: null,
      quantity: 1,
    });
    expect(noSale).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/Sold out/) },
    });
  });

  it('ends the broadcast: nothing more is pinned or sold in it, and it can go live again', async () => {
    const { room } = expectOk(await call(anchor, 'live.broadcast.end', { id: newId(), broadcastId }));
    expect(room.broadcast?.status).toBe('ended');
    expect(room.pinnedProduct).toBeNull();
    const pin = await call(anchor, 'live.pin', { id: newId(), broadcastId, productId: 1 });
    expect(pin).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const sale = await call(anchor, 'live.sale.start', {
      id: newId(),
      broadcastId,
      productId: 1,
      priceFen: 100,
      quantity: 1,
      seconds: 60,
    });
    expect(sale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const next = expectOk(await call(anchor, 'live.broadcast.start', { id: newId(), title: '第二场' }));
    expect(next.room.broadcast?.id).not.toBe(broadcastId);
  });
});
