import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, emitRaw, expectOk, newId, postJson, signIn, startHub } from '../support/hub-client';
import { makeOrg, testPassword } from '../support/tickets';
import { connectViewer, demoSlug, joinAsViewer, viewerCall } from './live-fixture';

/**
 * Who reaches what in Live: a viewer only their room's table, an agent or a
 * supervisor none of the anchor's commands, another organisation nothing of
 * this one; and `POST /api/live/join` answers bad input clearly.
 */
describe('live authorisation and the viewer principal', () => {
  let t: TestHub;
  let anchor: ClientSocket;
  let agent: ClientSocket;
  let employer: ClientSocket;
  let otherAnchor: ClientSocket;
  let viewerSocket: ClientSocket;
  let broadcastId = 0;

  beforeAll(async () => {
    t = await startHub({ demo: true, media: false, live: { joins: { max: 8, windowMs: 60_000 } } });
    await makeOrg(t.dataDir, 'Pear Orchard', [
      { username: 'pear-anchor', displayName: '梨园主播', roles: ['anchor'] },
    ]);
    anchor = await signIn(t.hub.url, 'anchor', 'wings-demo');
    agent = await signIn(t.hub.url, 'agent', 'wings-demo');
    employer = await signIn(t.hub.url, 'employer', 'wings-demo');
    otherAnchor = await signIn(t.hub.url, 'pear-anchor', testPassword);
    const { room } = expectOk(await call(anchor, 'live.broadcast.start', { id: newId(), title: '金桔' }));
    broadcastId = room.broadcast?.id ?? 0;
    const join = await joinAsViewer(t.hub.url, '观众');
    viewerSocket = await connectViewer(t.hub.url, join.token);
  });
  afterAll(async () => {
    for (const s of [anchor, agent, employer, otherAnchor, viewerSocket]) s.close();
    await t.stop();
  });

  it('a viewer socket knows no anchor command, and sends no media', async () => {
    for (const event of [
      'live.pin',
      'live.broadcast.end',
      'live.products',
      'session.whoami',
      'media.produce',
    ]) {
      const answer = await emitRaw(viewerSocket, event, { id: newId(), broadcastId, productId: 1 });
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'Unknown command.' },
      });
    }
    const send = await viewerCall(viewerSocket, 'media.transport.create', { broadcastId, direction: 'send' });
    expect(send).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const elsewhere = await viewerCall(viewerSocket, 'media.capabilities', {
      broadcastId: broadcastId + 1000,
    });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('an agent and a supervisor cannot call the anchor’s commands; the supervisor reads the room', async () => {
    for (const socket of [agent, employer]) {
      const pin = await call(socket, 'live.pin', { id: newId(), broadcastId, productId: 1 });
      expect(pin).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const end = await call(socket, 'live.broadcast.end', { id: newId(), broadcastId });
      expect(end).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await call(agent, 'live.rooms', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const rooms = expectOk(await call(employer, 'live.rooms', {})).rooms;
    // The demo's two anchors each have a room (覃金凤's and 吴秋月's); the supervisor reads every one.
    expect(rooms.map((r) => r.slug)).toEqual([demoSlug, 'qiuyue-dong-crafts']);
    expect(rooms.find((r) => r.slug === demoSlug)?.broadcast?.status).toBe('live');
    expect(expectOk(await call(employer, 'live.comments', { broadcastId })).comments).toEqual([]);
  });

  it('another organisation sees neither the room, its broadcast nor its products', async () => {
    expect(await call(otherAnchor, 'live.room', { slug: demoSlug })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(expectOk(await call(otherAnchor, 'live.rooms', {})).rooms).toEqual([]);
    expect(expectOk(await call(otherAnchor, 'live.products', {})).products).toEqual([]);
    expect(await call(otherAnchor, 'live.comments', { broadcastId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call(otherAnchor, 'live.orders', { broadcastId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call(otherAnchor, 'media.capabilities', { broadcastId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Their own anchor acts only in their own room: the demo's broadcast is not one of theirs.
    expect(await call(otherAnchor, 'live.broadcast.end', { id: newId(), broadcastId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call(otherAnchor, 'live.pin', { id: newId(), broadcastId, productId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Their first "Go live" needs a link name, and the demo's is taken.
    const unnamed = await call(otherAnchor, 'live.broadcast.start', { id: newId(), title: '梨' });
    expect(unnamed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const taken = await call(otherAnchor, 'live.broadcast.start', {
      id: newId(),
      title: '梨',
      slug: demoSlug,
    });
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const own = expectOk(
      await call(otherAnchor, 'live.broadcast.start', { id: newId(), title: '梨', slug: 'pear-orchard' }),
    );
    expect(own.room.shop).toBe('Pear Orchard');
  });

  it('answers a bad join with a clear 400, an unknown room with 404, and resumes a viewer by token', async () => {
    const missing = await postJson(`${t.hub.url}/api/live/join`, { room: demoSlug });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['nickname'] }] },
    });
    const badSlug = await postJson(`${t.hub.url}/api/live/join`, { room: 'No Such!', nickname: 'x' });
    expect(badSlug.status).toBe(400);
    const extra = await postJson(`${t.hub.url}/api/live/join`, {
      room: demoSlug,
      nickname: 'x',
      admin: true,
    });
    expect(extra.status).toBe(400);
    const unknown = await postJson(`${t.hub.url}/api/live/join`, { room: 'no-such-room', nickname: 'x' });
    expect(unknown.status).toBe(404);
    const first = await joinAsViewer(t.hub.url, '老顾客');
    const again = await postJson(`${t.hub.url}/api/live/join`, {
      room: demoSlug,
      nickname: '老顾客2',
      token: first.token,
    });
    expect(again).toMatchObject({ status: 200, body: { viewerId: first.viewerId, nickname: '老顾客2' } });
    // A token of this room opens nothing in another one.
    const elsewhere = await postJson(`${t.hub.url}/api/live/join`, {
      room: 'pear-orchard',
      nickname: '老顾客',
      token: first.token,
    });
    expect(elsewhere.body).not.toMatchObject({ viewerId: first.viewerId });
  });

  it('refuses a viewer socket without a valid token', async () => {
    await expect(connectViewer(t.hub.url, 'x'.repeat(43))).rejects.toThrow();
    await expect(connectViewer(t.hub.url, undefined)).rejects.toThrow();
  });

  it('limits joins per address', async () => {
    let limited = 0;
    for (let i = 0; i < 8; i++) {
      const res = await postJson(`${t.hub.url}/api/live/join`, { room: demoSlug, nickname: `n${i}` });
      if (res.status === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });
});
