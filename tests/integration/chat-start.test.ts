import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, postJson, signIn, startHub } from '../support/hub-client';
import type { TestOrg } from '../support/tickets';
import { callChat, connectCustomer, makeOrg, startChat, testPassword, withStore } from '../support/tickets';

/** `POST /api/chat/start` and the limits an anonymous customer meets. */
describe('chat start', () => {
  let t: TestHub;
  let org: TestOrg;
  let agent: ClientSocket;

  beforeAll(async () => {
    // The default limits: these tests are about them.
    t = await startHub();
    org = await makeOrg(t.dataDir, 'Kumquat Farm', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
    ]);
    await withStore(t.dataDir, (db) =>
      db
        .insertInto('customers')
        .values({
          org_id: org.orgId,
          name: '黄伟',
          locale: 'zh-CN',
          phone: null,
          email: null,
          city: '柳州',
          created_at: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((c) =>
          db
            .insertInto('orders')
            .values({
              org_id: org.orgId,
              number: 'KQ20261128-0042',
              customer_id: c.id,
              status: 'shipped',
              total_fen: 6800,
              created_at: 0,
              updated_at: 0,
            })
            .execute(),
        ),
    );
    agent = await signIn(t.hub.url, 'lan', testPassword);
  });
  afterAll(async () => {
    agent.close();
    await t.stop();
  });

  it('opens a ticket with the first message, matches the order, and the token opens the conversation', async () => {
    // The hub serves one organisation: the page need not name it.
    const started = await startChat(t.hub.url, {
      name: '黄伟',
      message: '金桔到了，有三个坏了',
      orderNumber: 'KQ20261128-0042',
    });
    expect(started.ticketNumber).toBe(1);
    const socket = await connectCustomer(t.hub.url, started.token);
    const history = expectOk(await callChat(socket, 'chat.history', {}));
    expect(history.items.map((m) => [m.author, m.event, m.body])).toEqual([
      ['system', 'created', ''],
      ['customer', null, '金桔到了，有三个坏了'],
    ]);
    socket.close();
    const [ticket] = expectOk(await call(agent, 'tickets.list', { view: 'unassigned' })).items;
    expect(ticket).toMatchObject({
      number: 1,
      orderNumber: 'KQ20261128-0042',
      status: 'new',
      customerMessages: 1,
    });
    const detail = expectOk(await call(agent, 'tickets.get', { ticketId: ticket?.id ?? 0 }));
    expect(detail.order?.number).toBe('KQ20261128-0042');
    expect(detail.customer.city).toBe('柳州');
  });

  it('answers a repeated start with the same conversation and a new token, the old one no longer opening it', async () => {
    const id = newId();
    const first = await startChat(t.hub.url, {
      id,
      name: '刘洋',
      message: '发票怎么开',
      orderNumber: 'NOPE-1',
    });
    const again = await startChat(t.hub.url, {
      id,
      name: '刘洋',
      message: '发票怎么开',
      orderNumber: 'NOPE-1',
    });
    expect(again.ticketNumber).toBe(first.ticketNumber);
    expect(again.token).not.toBe(first.token);
    await expect(connectCustomer(t.hub.url, first.token)).rejects.toThrow('unauthorized');
    const socket = await connectCustomer(t.hub.url, again.token);
    expect(expectOk(await callChat(socket, 'chat.history', {})).items).toHaveLength(2);
    socket.close();
    const list = expectOk(await call(agent, 'tickets.list', { view: 'all', search: '发票怎么开' }));
    expect(list.total).toBe(1);
    // An order number that matches nothing is kept as the customer typed it.
    expect(list.items[0]?.orderNumber).toBe('NOPE-1');
  });

  it('caps the sockets one conversation may open', async () => {
    const { token } = await startChat(t.hub.url, { name: '多开', message: '在吗' });
    const open: ClientSocket[] = [];
    for (let i = 0; i < 5; i++) open.push(await connectCustomer(t.hub.url, token));
    await expect(connectCustomer(t.hub.url, token)).rejects.toThrow('too_many_connections');
    open.pop()?.close();
    await expect
      .poll(async () => {
        try {
          open.push(await connectCustomer(t.hub.url, token));
          return true;
        } catch {
          return false;
        }
      })
      .toBe(true);
    for (const s of open) s.close();
  });

  it('refuses a bad request and an unknown shop', async () => {
    const bad = await postJson(`${t.hub.url}/api/chat/start`, {
      id: newId(),
      name: '',
      message: 'x',
      locale: 'zh-CN',
    });
    expect(bad.status).toBe(400);
    const unknown = await postJson(`${t.hub.url}/api/chat/start`, {
      id: newId(),
      org: 999,
      name: 'A',
      message: 'x',
      locale: 'en',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers a clear 429 past five starts from one address', async () => {
    // Three starts, a repeat and the unknown shop above (a malformed request is refused before it counts).
    let answer = { status: 200, body: {} as unknown };
    let allowed = 0;
    for (let i = 0; i < 6 && answer.status === 200; i++) {
      answer = await postJson(`${t.hub.url}/api/chat/start`, {
        id: newId(),
        name: `客户${i}`,
        message: '在吗',
        locale: 'zh-CN',
      });
      if (answer.status === 200) allowed += 1;
    }
    expect(allowed).toBe(0);
    expect(answer.status).toBe(429);
    expect(answer.body).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringMatching(/^Slow down/) },
    });
    const res = await fetch(`${t.hub.url}/api/chat/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: newId(), name: 'x', message: 'x', locale: 'en' }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('a flooding customer', () => {
  let t: TestHub;
  let agent: ClientSocket;

  beforeAll(async () => {
    t = await startHub({ tickets: { chatStarts: { max: 100, windowMs: 60_000 } } });
    await makeOrg(t.dataDir, 'Kumquat Farm', [{ username: 'lan', displayName: '韦秀兰', roles: ['agent'] }]);
    agent = await signIn(t.hub.url, 'lan', testPassword);
  });
  afterAll(async () => {
    agent.close();
    await t.stop();
  });

  it('is told to slow down, its conversation keeps what it accepted, and the hub stays responsive', async () => {
    const { token } = await startChat(t.hub.url, { name: 'bot' });
    const flooder = await connectCustomer(t.hub.url, token);
    const secondTab = await connectCustomer(t.hub.url, token);
    const calm = await connectCustomer(t.hub.url, (await startChat(t.hub.url, { name: '王芳' })).token);
    // All at once: the socket's own budget refuses most before the store is asked.
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        callChat(flooder, 'chat.send', { id: newId(), body: `spam ${i}` }, 10_000),
      ),
    );
    let accepted = burst.filter((a) => a.ok).length;
    expect(burst.filter((a) => !a.ok && a.error.code === 'rate_limited')).toHaveLength(60 - accepted);
    // One after another from two tabs: the conversation's own limit, across its sockets, says "slow down".
    const slowDowns: number[] = [];
    for (let i = 0; i < 12; i++) {
      const socket = i % 2 === 0 ? flooder : secondTab;
      const answer = await callChat(socket, 'chat.send', { id: newId(), body: `spam again ${i}` });
      if (answer.ok) accepted += 1;
      else if (answer.error.message.startsWith('Slow down')) slowDowns.push(answer.error.retryAfterMs ?? 0);
    }
    expect(accepted).toBeLessThanOrEqual(11);
    expect(slowDowns.length).toBeGreaterThan(0);
    for (const wait of slowDowns) expect(wait).toBeGreaterThan(0);
    // Another conversation and the agents are served at once.
    expect(
      expectOk(await callChat(calm, 'chat.send', { id: newId(), body: '快递到哪了' })).message.body,
    ).toBe('快递到哪了');
    const list = expectOk(await call(agent, 'tickets.list', { view: 'all', search: 'spam' }));
    expect(list.items[0]?.customerMessages).toBe(1 + accepted);
    for (const s of [flooder, secondTab, calm]) s.close();
  });
});
