import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, signIn, startHub } from '../support/hub-client';
import type { TestOrg } from '../support/tickets';
import { makeOrg, openStarts, startChat, testPassword, withStore } from '../support/tickets';

/** Full-text search over messages, customer names and order numbers, within the organisation. */
describe('tickets search', () => {
  let t: TestHub;
  let shop: TestOrg;
  let other: TestOrg;
  let agent: ClientSocket;
  let otherAgent: ClientSocket;
  const numbers: Record<string, number> = {};

  beforeAll(async () => {
    t = await startHub({ tickets: openStarts });
    shop = await makeOrg(t.dataDir, 'Kumquat Farm', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
    ]);
    other = await makeOrg(t.dataDir, 'Pear Orchard', [
      { username: 'pear', displayName: 'Pear', roles: ['agent'] },
    ]);
    await withStore(t.dataDir, async (db) => {
      const c = await db
        .insertInto('customers')
        .values({
          org_id: shop.orgId,
          name: '黄伟',
          locale: 'zh-CN',
          phone: null,
          email: null,
          city: null,
          created_at: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('orders')
        .values({
          org_id: shop.orgId,
          number: 'KQ20261128-0042',
          customer_id: c.id,
          status: 'paid',
          total_fen: 100,
          created_at: 0,
          updated_at: 0,
        })
        .execute();
    });
    const open = async (key: string, org: number, name: string, message: string, orderNumber?: string) => {
      const started = await startChat(t.hub.url, {
        org,
        name,
        message,
        ...(orderNumber ? { orderNumber } : {}),
      });
      numbers[key] = started.ticketNumber;
    };
    await open('refund', shop.orgId, '王芳', '我想申请退款，箱子压坏了');
    await open('invoice', shop.orgId, '刘洋', '发票抬头写错了，能重开吗');
    await open('delivery', shop.orgId, '黄伟', '快递到哪里了？三天没动', 'KQ20261128-0042');
    await open('english', shop.orgId, 'Emily Chen', 'Can I get a refund for the late box?');
    await open('elsewhere', other.orgId, '王芳', '退款什么时候到账');
    agent = await signIn(t.hub.url, 'lan', testPassword);
    otherAgent = await signIn(t.hub.url, 'pear', testPassword);
  });
  afterAll(async () => {
    agent.close();
    otherAgent.close();
    await t.stop();
  });

  async function found(search: string, socket = agent): Promise<number[]> {
    const list = expectOk(await call(socket, 'tickets.list', { view: 'all', search }));
    expect(list.total).toBe(list.items.length);
    return list.items.map((i) => i.number).sort((a, b) => a - b);
  }

  it('finds two-character Chinese words', async () => {
    expect(await found('退款')).toEqual([numbers.refund]);
    expect(await found('发票')).toEqual([numbers.invoice]);
  });

  it('finds words of three characters or more, and every word of a search', async () => {
    expect(await found('申请退款')).toEqual([numbers.refund]);
    expect(await found('快递到哪里')).toEqual([numbers.delivery]);
    expect(await found('refund')).toEqual([numbers.english]);
    expect(await found('REFUND late')).toEqual([numbers.english]);
    expect(await found('退款 发票')).toEqual([]);
    expect(await found('压坏 退款')).toEqual([numbers.refund]);
  });

  it('finds a fragment of the order number, the customer name and the ticket number', async () => {
    expect(await found('1128-00')).toEqual([numbers.delivery]);
    expect(await found('黄伟')).toEqual([numbers.delivery]);
    expect(await found('Emily')).toEqual([numbers.english]);
    expect(await found(`#${numbers.invoice}`)).toEqual([numbers.invoice]);
  });

  it('stays within the organisation, and combines with the view', async () => {
    expect(await found('退款', otherAgent)).toEqual([numbers.elsewhere]);
    expect(await found('王芳', otherAgent)).toEqual([numbers.elsewhere]);
    expect(await found('王芳')).toEqual([numbers.refund]);
    const resolved = expectOk(await call(agent, 'tickets.list', { view: 'resolved', search: '退款' }));
    expect(resolved.total).toBe(0);
    // Characters that mean something to FTS5 or LIKE are searched as text.
    expect(await found('"')).toEqual([]);
    expect(await found('%')).toEqual([]);
    expect(await found('_')).toEqual([]);
  });
});
