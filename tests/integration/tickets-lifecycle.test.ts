import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatState } from '../../shared/protocol/chat';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub } from '../support/hub-client';
import type { StartedChat, TestOrg } from '../support/tickets';
import { callChat, connectCustomer, makeOrg, openStarts, startChat, testPassword } from '../support/tickets';
import { until } from '../support/until';

/** A conversation from start to rating, with the actions, canned replies and suggestions on the way. */
describe('a ticket from start to rating', () => {
  let t: TestHub;
  let org: TestOrg;
  let lan: ClientSocket;
  let ming: ClientSocket;
  let boss: ClientSocket;
  let customer: ClientSocket;
  let chat: StartedChat;
  let ticketId = 0;
  const states: ChatState[] = [];
  const pushed: ChatMessage[] = [];

  beforeAll(async () => {
    t = await startHub({ tickets: { ...openStarts, timings: { offlineGraceMs: 60_000, sweepEveryMs: 50 } } });
    org = await makeOrg(t.dataDir, 'Kumquat Farm', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
      { username: 'ming', displayName: '李明', roles: ['agent'] },
      { username: 'boss', displayName: '陈立新', roles: ['supervisor'] },
    ]);
    lan = await signIn(t.hub.url, 'lan', testPassword);
    ming = await signIn(t.hub.url, 'ming', testPassword);
    boss = await signIn(t.hub.url, 'boss', testPassword);
    expectOk(await call(lan, 'agents.setPresence', { id: newId(), presence: 'available' }));
    chat = await startChat(t.hub.url, {
      org: org.orgId,
      name: '王芳',
      message: '快递三天没动了，到哪里了？',
    });
    customer = await connectCustomer(t.hub.url, chat.token);
    customer.on('chat.state', (s: ChatState) => states.push(s));
    customer.on('chat.messages', (p: { messages: ChatMessage[] }) => pushed.push(...p.messages));
    ticketId = expectOk(await call(lan, 'tickets.list', { view: 'mine' })).items[0]?.id ?? 0;
  });
  afterAll(async () => {
    for (const s of [lan, ming, boss, customer]) s.close();
    await t.stop();
  });

  it('is assigned on arrival and the customer sees who has it', async () => {
    expect(ticketId).toBeGreaterThan(0);
    expect(expectOk(await callChat(customer, 'chat.state', {}))).toMatchObject({
      agentName: '韦秀兰',
      status: 'open',
    });
  });

  it('shows agents that the customer is typing', async () => {
    const typing: unknown[] = [];
    lan.on('tickets.customerTyping', (p: unknown) => typing.push(p));
    customer.emit('chat.typing', {});
    await expect.poll(() => typing).toEqual([{ ticketId }]);
  });

  it('manages canned replies by scope and refuses unknown variables', async () => {
    const orgWide = {
      id: newId(),
      scope: 'org' as const,
      shortcut: '/wl',
      title: '物流查询',
      body: '{customer.name}您好，您的快递已发出，物流单号请在订单{order.id}里查看。',
      locale: 'zh-CN' as const,
    };
    const refused = await call(lan, 'canned.save', orgWide);
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    const saved = expectOk(await call(boss, 'canned.save', orgWide)).canned;
    expectOk(
      await call(boss, 'canned.save', {
        id: newId(),
        scope: 'org',
        shortcut: '/fp',
        title: '发票',
        body: '电子发票会在确认收货后开具。',
        locale: 'zh-CN',
      }),
    );
    const unknown = await call(lan, 'canned.save', {
      ...orgWide,
      id: newId(),
      scope: 'mine',
      shortcut: '/x',
      body: '您好{customer.phone}',
    });
    expect(unknown.ok ? null : unknown.error.message).toMatch(/customer\.phone/);
    const taken = await call(lan, 'canned.save', { ...orgWide, id: newId(), scope: 'mine' });
    expect(taken.ok ? null : taken.error.code).toBe('conflict');
    const own = expectOk(
      await call(lan, 'canned.save', {
        id: newId(),
        scope: 'mine',
        shortcut: '/hi',
        title: '问候',
        body: '您好，我是{agent.name}',
        locale: null,
      }),
    ).canned;
    expect(own.ownerId).toBe(org.users.lan);
    // Another agent does not see Lan's own reply, and cannot change it or the organisation's.
    expect(expectOk(await call(ming, 'canned.list', {})).map((c) => c.shortcut)).toEqual(['/fp', '/wl']);
    const theirs = await call(ming, 'canned.delete', { id: newId(), cannedId: own.id });
    expect(theirs.ok ? null : theirs.error.code).toBe('not_found');
    const orgs = await call(ming, 'canned.delete', { id: newId(), cannedId: saved.id });
    expect(orgs.ok ? null : orgs.error.code).toBe('forbidden');
    expect(expectOk(await call(lan, 'canned.list', {})).map((c) => c.shortcut)).toEqual([
      '/fp',
      '/hi',
      '/wl',
    ]);
  });

  it('suggests the reply that fits the customer, and answers with it', async () => {
    const canned = expectOk(await call(lan, 'canned.list', {}));
    const logistics = canned.find((c) => c.shortcut === '/wl');
    const { suggestions, forSeq } = expectOk(await call(lan, 'tickets.suggest', { ticketId }));
    expect(forSeq).toBe(2);
    expect(suggestions[0]?.cannedId).toBe(logistics?.id);
    const seen = expectOk(await call(lan, 'tickets.messages', { ticketId })).lastSeq;
    const sent = expectOk(
      await call(lan, 'tickets.reply', {
        id: newId(),
        ticketId,
        body: '王芳您好，您的快递已发出。',
        internal: false,
        seenSeq: seen,
        cannedId: logistics?.id,
      }),
    );
    expect(sent.ticket.firstResponseAt).toBe(sent.message.createdAt);
    await expect
      .poll(() => pushed.some((m) => m.body === '王芳您好，您的快递已发出。' && m.name === '韦秀兰'))
      .toBe(true);
  });

  it('counts unread customer messages against what the agent read', async () => {
    expectOk(await callChat(customer, 'chat.send', { id: newId(), body: '好的，谢谢' }));
    const counts = expectOk(await call(lan, 'tickets.counts', {}));
    expect(counts).toMatchObject({ mine: 1, unreadMine: 1 });
    const read = expectOk(await call(lan, 'tickets.read', { id: newId(), ticketId, readCount: 99 }));
    expect(read.readCount).toBe(2);
    expect(expectOk(await call(lan, 'tickets.counts', {})).unreadMine).toBe(0);
    const list = expectOk(await call(lan, 'tickets.list', { view: 'mine' }));
    expect(list.readCounts[String(ticketId)]).toBe(2);
  });

  it('sets priority and tags, and filters and sorts by them', async () => {
    const updated = expectOk(
      await call(lan, 'tickets.update', {
        id: newId(),
        ticketId,
        priority: 'high',
        tags: ['物流', '物流', '催件'],
      }),
    );
    expect(updated.ticket).toMatchObject({ priority: 'high', tags: ['物流', '催件'] });
    const other = await startChat(t.hub.url, { org: org.orgId, name: '刘洋', message: '发票抬头写错了' });
    expect(other.ticketNumber).toBe(2);
    expect(
      expectOk(await call(lan, 'tickets.list', { view: 'all', tag: '催件' })).items.map((i) => i.id),
    ).toEqual([ticketId]);
    const byPriority = expectOk(await call(boss, 'tickets.list', { view: 'all', sort: 'priority' })).items;
    expect(byPriority[0]?.id).toBe(ticketId);
    // Ticket 1 has its first response; ticket 2 waits for one (normal: four hours) and breaches first.
    const byBreach = expectOk(await call(boss, 'tickets.list', { view: 'all', sort: 'breach' })).items;
    expect(byBreach.map((i) => i.number)).toEqual([2, 1]);
  });

  it('transfers with a note the customer never sees, and back to the queue', async () => {
    const moved = expectOk(
      await call(lan, 'tickets.transfer', {
        id: newId(),
        ticketId,
        toUserId: org.users.ming ?? 0,
        note: '客户要补发，请跟进',
      }),
    );
    expect(moved.ticket.assignee?.displayName).toBe('李明');
    await until(() => states.some((s) => s.agentName === '李明'));
    const notYours = await call(lan, 'tickets.transfer', { id: newId(), ticketId, toUserId: null });
    expect(notYours.ok ? null : notYours.error.code).toBe('forbidden');
    const events = expectOk(await call(ming, 'tickets.messages', { ticketId })).items.map((m) => m.event);
    expect(events).toContainEqual({
      type: 'transferred',
      from: { id: org.users.lan, displayName: '韦秀兰' },
      to: { id: org.users.ming, displayName: '李明' },
      note: '客户要补发，请跟进',
    });
    const history = expectOk(await callChat(customer, 'chat.history', {})).items;
    expect(JSON.stringify(history)).not.toContain('客户要补发');
    expect(history.at(-1)).toMatchObject({ event: 'assigned', name: '李明' });
  });

  it('pends, snoozes until a time the sweep wakes, and refuses what the status machine refuses', async () => {
    const pending = expectOk(
      await call(ming, 'tickets.setStatus', { id: newId(), ticketId, status: 'pending' }),
    );
    expect(pending.ticket.status).toBe('pending');
    expect(pending.ticket.slaPausedSince).not.toBeNull();
    const past = await call(ming, 'tickets.setStatus', {
      id: newId(),
      ticketId,
      status: 'snoozed',
      snoozeUntil: Date.now() - 1000,
    });
    expect(past.ok ? null : past.error.code).toBe('invalid_input');
    const snoozed = expectOk(
      await call(ming, 'tickets.setStatus', {
        id: newId(),
        ticketId,
        status: 'snoozed',
        snoozeUntil: Date.now() + 300,
      }),
    );
    expect(snoozed.ticket.status).toBe('snoozed');
    await until(
      async () => expectOk(await call(ming, 'tickets.get', { ticketId })).ticket.status === 'open',
      5000,
      'woken',
    );
    const woken = expectOk(await call(ming, 'tickets.get', { ticketId })).ticket;
    expect(woken.slaPausedSince).toBeNull();
    expect(woken.slaPausedMs).toBeGreaterThan(0);
  });

  it('resolves, asks the customer for a rating, takes one rating, and reopens when the customer writes', async () => {
    const resolved = expectOk(
      await call(ming, 'tickets.setStatus', { id: newId(), ticketId, status: 'resolved' }),
    );
    expect(resolved.ticket.resolvedAt).not.toBeNull();
    await until(() => states.at(-1)?.canRate === true);
    const pendingRefused = await call(ming, 'tickets.setStatus', {
      id: newId(),
      ticketId,
      status: 'pending',
    });
    expect(pendingRefused.ok ? null : pendingRefused.error.code).toBe('conflict');
    const rated = expectOk(
      await callChat(customer, 'chat.rate', { id: newId(), score: 5, comment: '很快，谢谢' }),
    );
    expect(rated.state).toMatchObject({ canRate: false, rating: { score: 5, comment: '很快，谢谢' } });
    const twice = await callChat(customer, 'chat.rate', { id: newId(), score: 1 });
    expect(twice.ok ? null : twice.error.code).toBe('conflict');
    expect(expectOk(await call(boss, 'tickets.get', { ticketId })).ticket.csat).toMatchObject({ score: 5 });
    expectOk(await callChat(customer, 'chat.send', { id: newId(), body: '还有一个问题' }));
    const reopened = expectOk(await call(ming, 'tickets.get', { ticketId })).ticket;
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null });
    const history = expectOk(await callChat(customer, 'chat.history', {})).items;
    expect(history.slice(-3).map((m) => m.event)).toEqual(['resolved', null, 'reopened']);
  });

  it('shows the customer context: their orders and their other tickets', async () => {
    const again = await startChat(t.hub.url, { org: org.orgId, name: '王芳', message: '再问一下发票' });
    const newest = expectOk(await call(boss, 'tickets.list', { view: 'all', search: '再问一下' })).items[0];
    expect(newest?.number).toBe(again.ticketNumber);
    const context = expectOk(await call(boss, 'tickets.context', { ticketId: newest?.id ?? 0 }));
    expect(context.tickets.map((x) => x.id)).toEqual([ticketId]);
    expect(context.orders).toEqual([]);
  });
});
