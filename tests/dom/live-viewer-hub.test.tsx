import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoPassword } from '../../server/demo/data';
import { demoRoomSlug } from '../../server/demo/live-data';
import { LiveRoomClient } from '../../server/web/live/live-room-client';
import {
  call,
  expectOk,
  newId,
  signIn,
  startHub,
  type ClientSocket,
  type TestHub,
} from '../support/hub-client';
import { until } from '../support/until';
import { memoryStore } from './live-viewer-support';

/**
 * The viewer page's client against a real demo hub: join, the room's state,
 * comments (one held by the shop's word filter), an order, likes, and a
 * reload that is the same viewer. Media is not exercised here (happy-dom has
 * no WebRTC); the page's picture and sound are checked in Chromium.
 */
describe('LiveRoomClient against a hub', () => {
  let hub: TestHub;
  let anchor: ClientSocket;
  let supervisor: ClientSocket;
  const clients: LiveRoomClient[] = [];

  beforeEach(async () => {
    // happy-dom's fetch sends the test window's Origin, as a browser would; the hub is told it is its own page's.
    hub = await startHub({ demo: true, allowedOrigins: [window.location.origin] });
    anchor = await signIn(hub.hub.url, 'anchor', demoPassword);
    supervisor = await signIn(hub.hub.url, 'employer', demoPassword);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    anchor?.close();
    supervisor?.close();
    await hub?.stop();
  });

  function viewer(store = memoryStore()): LiveRoomClient {
    const client = new LiveRoomClient({ origin: hub.hub.url, slug: demoRoomSlug, store });
    clients.push(client);
    return client;
  }

  it('joins, follows the room, comments, is held by the filter, buys once and likes', async () => {
    expectOk(await call(supervisor, 'live.keywords.save', { id: newId(), words: ['微信'] }));
    const started = expectOk(await call(anchor, 'live.broadcast.start', { id: newId(), title: '金桔采摘' }));
    const broadcastId = started.room.broadcast?.id ?? 0;
    const { products } = expectOk(await call(anchor, 'live.products', {}));
    const product = products[0];
    if (!product) throw new Error('the demo has no products');
    expectOk(await call(anchor, 'live.pin', { id: newId(), broadcastId, productId: product.id }));

    const store = memoryStore();
    const client = viewer(store);
    expect(client.store.snapshot.phase).toBe('join');
    client.join('小梅');
    await until(() => client.store.snapshot.link === 'connected' && client.store.snapshot.room !== null);
    const snap = client.store.snapshot;
    expect(snap.phase).toBe('joined');
    expect(snap.room?.broadcast?.title).toBe('金桔采摘');
    expect(snap.room?.pinnedProduct?.id).toBe(product.id);

    expect(await client.comment('甜不甜？')).toEqual({ ok: true, held: false });
    expect(client.store.snapshot.comments.at(-1)).toMatchObject({ body: '甜不甜？', held: false });
    expect(await client.comment('加我微信便宜卖')).toEqual({ ok: true, held: true });
    expect(client.store.snapshot.comments.at(-1)).toMatchObject({ body: '加我微信便宜卖', held: true });
    const seen = expectOk(await call(anchor, 'live.comments', { broadcastId })).comments.map((c) => c.body);
    expect(seen).toContain('甜不甜？');
    expect(seen).not.toContain('加我微信便宜卖');

    client.buy();
    client.buy();
    await until(() => client.store.snapshot.buy.order !== null);
    expect(client.store.snapshot.buy.order).toMatchObject({
      productId: product.id,
      totalFen: product.priceFen,
    });
    const { orders } = expectOk(await call(anchor, 'live.orders', { broadcastId }));
    expect(orders).toHaveLength(1);

    for (let i = 0; i < 5; i++) client.like();
    await until(
      () => (client.store.snapshot.room?.figures.likes ?? 0) >= 5 && client.store.snapshot.unsentLikes === 0,
    );

    // A reload: the same browser's kept token makes the same viewer.
    const viewerId = client.store.snapshot.viewerId;
    client.close();
    const again = viewer(store);
    await until(() => again.store.snapshot.link === 'connected');
    expect(again.store.snapshot.viewerId).toBe(viewerId);
    expect(again.store.snapshot.nickname).toBe('小梅');
  });

  it('says plainly when the room does not exist', async () => {
    const client = new LiveRoomClient({ origin: hub.hub.url, slug: 'no-such-room', store: memoryStore() });
    clients.push(client);
    client.join('Mei');
    await until(() => client.store.snapshot.joinProblem !== null);
    expect(client.store.snapshot).toMatchObject({ phase: 'join', joinProblem: 'not_found' });
  });
});
