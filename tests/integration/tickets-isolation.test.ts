import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/protocol/chat';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, emitRaw, expectOk, newId, signIn, startHub } from '../support/hub-client';
import type { TestOrg } from '../support/tickets';
import { callChat, connectCustomer, makeOrg, openStarts, startChat, testPassword } from '../support/tickets';

/**
 * An agent reaches only their organisation's tickets (another's are "not
 * found", never "forbidden"); a customer reaches only their own
 * conversation, never an agent's note, and no worker command at all.
 */
describe('tickets isolation', () => {
  let t: TestHub;
  let shopA: TestOrg;
  let shopB: TestOrg;
  let agentA: ClientSocket;
  let agentB: ClientSocket;
  let customer1: ClientSocket;
  let customer2: ClientSocket;
  let ticket1 = 0;
  const pushed1: ChatMessage[] = [];

  beforeAll(async () => {
    t = await startHub({ tickets: openStarts });
    shopA = await makeOrg(t.dataDir, 'Kumquat Farm', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
      { username: 'boss-a', displayName: '陈立新', roles: ['supervisor'] },
    ]);
    shopB = await makeOrg(t.dataDir, 'Pear Orchard', [
      { username: 'orchard', displayName: 'Boss', roles: ['agent', 'supervisor'] },
    ]);
    agentA = await signIn(t.hub.url, 'lan', testPassword);
    agentB = await signIn(t.hub.url, 'orchard', testPassword);
    const c1 = await startChat(t.hub.url, {
      org: shopA.orgId,
      name: '王芳',
      message: '我的金桔什么时候发货',
    });
    const c2 = await startChat(t.hub.url, { org: shopA.orgId, name: '刘洋', message: '发票怎么开' });
    customer1 = await connectCustomer(t.hub.url, c1.token);
    customer2 = await connectCustomer(t.hub.url, c2.token);
    customer1.on('chat.messages', (p: { messages: ChatMessage[] }) => pushed1.push(...p.messages));
    const list = expectOk(await call(agentA, 'tickets.list', { view: 'all', sort: 'created' })).items;
    ticket1 = list[1]?.id ?? 0;
  });
  afterAll(async () => {
    for (const s of [agentA, agentB, customer1, customer2]) s.close();
    await t.stop();
  });

  it('answers not_found to an agent of another organisation, whatever they ask of the ticket', async () => {
    const attempts = [
      await call(agentB, 'tickets.get', { ticketId: ticket1 }),
      await call(agentB, 'tickets.messages', { ticketId: ticket1 }),
      await call(agentB, 'tickets.context', { ticketId: ticket1 }),
      await call(agentB, 'tickets.suggest', { ticketId: ticket1 }),
      await call(agentB, 'tickets.reply', {
        id: newId(),
        ticketId: ticket1,
        body: 'hi',
        internal: false,
        seenSeq: 99,
      }),
      await call(agentB, 'tickets.claim', { id: newId(), ticketId: ticket1 }),
      await call(agentB, 'tickets.setStatus', { id: newId(), ticketId: ticket1, status: 'resolved' }),
      await call(agentB, 'tickets.update', { id: newId(), ticketId: ticket1, priority: 'urgent' }),
      await call(agentB, 'tickets.read', { id: newId(), ticketId: ticket1, readCount: 1 }),
      await call(agentB, 'tickets.transfer', { id: newId(), ticketId: ticket1, toUserId: null }),
    ];
    for (const a of attempts) expect(a.ok ? 'ok' : a.error.code).toBe('not_found');
    // Nor can B hand one of its tickets to A's agent.
    const own = await startChat(t.hub.url, { org: shopB.orgId, message: 'pears?', locale: 'en' });
    expect(own.ticketNumber).toBe(1);
    const bTicket = expectOk(await call(agentB, 'tickets.list', { view: 'all' })).items[0]?.id ?? 0;
    const transfer = await call(agentB, 'tickets.transfer', {
      id: newId(),
      ticketId: bTicket,
      toUserId: shopA.users.lan ?? 0,
    });
    expect(transfer.ok ? 'ok' : transfer.error.code).toBe('not_found');
    // B's queue holds B's ticket only; A's holds A's two.
    expect(expectOk(await call(agentB, 'tickets.list', { view: 'all' })).total).toBe(1);
    expect(expectOk(await call(agentA, 'tickets.list', { view: 'all' })).total).toBe(2);
    expect(expectOk(await call(agentB, 'agents.list', {})).map((a) => a.displayName)).toEqual(['Boss']);
  });

  it('lets a customer read their own conversation only, and never a note', async () => {
    expectOk(
      await call(agentA, 'tickets.reply', {
        id: newId(),
        ticketId: ticket1,
        body: '内部：先查库存',
        internal: true,
        seenSeq: 0,
      }),
    );
    const reply = expectOk(
      await call(agentA, 'tickets.reply', {
        id: newId(),
        ticketId: ticket1,
        body: '您好，明天发货',
        internal: false,
        seenSeq: 99,
        force: true,
      }),
    );
    await expect.poll(() => pushed1.some((m) => m.body === '您好，明天发货')).toBe(true);
    expect(pushed1.map((m) => m.body)).not.toContain('内部：先查库存');
    const history1 = expectOk(await callChat(customer1, 'chat.history', {}));
    expect(history1.items.map((m) => m.body)).not.toContain('内部：先查库存');
    expect(history1.items.map((m) => m.body)).toContain('我的金桔什么时候发货');
    expect(history1.items.at(-1)?.seq).toBe(history1.lastSeq);
    expect(reply.message.seq).toBeGreaterThan(history1.lastSeq);
    const history2 = expectOk(await callChat(customer2, 'chat.history', {}));
    expect(history2.items.map((m) => m.body)).toEqual(['', '发票怎么开']);
    // Its state names its own ticket; there is no way to name another.
    expect(expectOk(await callChat(customer2, 'chat.state', {})).ticketNumber).toBe(2);
    const named = await emitRaw(customer2, 'chat.history', { ticketId: ticket1 });
    expect(named).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('gives a customer socket no worker command', async () => {
    for (const event of ['tickets.list', 'tickets.reply', 'team.history', 'agents.list', 'session.whoami']) {
      const answer = await emitRaw(customer1, event, { view: 'all' });
      expect(answer).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Unknown command.' } });
    }
  });

  it('refuses a socket without a real token', async () => {
    for (const token of [undefined, 'x', 'A'.repeat(43), 42]) {
      await expect(connectCustomer(t.hub.url, token)).rejects.toThrow('unauthorized');
    }
  });

  it("does not relay an agent's typing of a note to the customer, but does their reply's", async () => {
    const typing: unknown[] = [];
    customer1.on('chat.typing', (p: unknown) => typing.push(p));
    agentA.emit('tickets.activity', { ticketId: ticket1, activity: 'typing', internal: true });
    agentB.emit('tickets.activity', { ticketId: ticket1, activity: 'typing' });
    // A round trip later both are through; neither reached the customer.
    await call(agentA, 'tickets.counts', {});
    await call(agentB, 'tickets.counts', {});
    await callChat(customer1, 'chat.state', {});
    expect(typing).toEqual([]);
    agentA.emit('tickets.activity', { ticketId: ticket1, activity: 'typing' });
    await expect.poll(() => typing).toEqual([{ name: '韦秀兰' }]);
  });
});
