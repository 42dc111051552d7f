import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/protocol/chat';
import type { TicketMessage } from '../../shared/protocol/tickets';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub, unlimitedBudget } from '../support/hub-client';
import { callChat, connectCustomer, makeOrg, openStarts, startChat, testPassword } from '../support/tickets';

/** Replies and customer messages are applied once per id, whatever resends them. */
describe('tickets: one message per command id', () => {
  let t: TestHub;
  let agent: ClientSocket;
  let customer: ClientSocket;
  let token = '';
  let ticketId = 0;
  const agentPushes: TicketMessage[] = [];
  const customerPushes: ChatMessage[] = [];

  beforeAll(async () => {
    t = await startHub({
      tickets: { ...openStarts, chatFlood: { perMinute: 6000, burst: 100 } },
      budgets: { worker: unlimitedBudget, customer: unlimitedBudget },
    });
    const org = await makeOrg(t.dataDir, 'Pear Orchard', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
    ]);
    agent = await signIn(t.hub.url, 'lan', testPassword);
    agent.on('tickets.messages', (p: { messages: TicketMessage[] }) => agentPushes.push(...p.messages));
    ({ token } = await startChat(t.hub.url, {
      org: org.orgId,
      message: 'Where is my pear box?',
      locale: 'en',
    }));
    customer = await connectCustomer(t.hub.url, token);
    customer.on('chat.messages', (p: { messages: ChatMessage[] }) => customerPushes.push(...p.messages));
    ticketId = expectOk(await call(agent, 'tickets.list', { view: 'all' })).items[0]?.id ?? 0;
  });
  afterAll(async () => {
    agent.close();
    customer.close();
    await t.stop();
  });

  const bodies = async () =>
    expectOk(await call(agent, 'tickets.messages', { ticketId, limit: 200 })).items.map((m) => m.body);

  it('answers a repeated reply with the first answer and stores one message', async () => {
    const input = {
      id: newId(),
      ticketId,
      body: 'It left the farm this morning.',
      internal: false,
      seenSeq: 2,
    };
    const first = expectOk(await call(agent, 'tickets.reply', input));
    const again = expectOk(await call(agent, 'tickets.reply', input));
    expect(again).toEqual(first);
    // Concurrent copies, as an outbox resend racing its original.
    const copies = await Promise.all(Array.from({ length: 6 }, () => call(agent, 'tickets.reply', input)));
    for (const c of copies) expect(expectOk(c)).toEqual(first);
    expect((await bodies()).filter((b) => b === input.body)).toHaveLength(1);
    await expect.poll(() => customerPushes.filter((m) => m.body === input.body).length).toBe(1);
    expect(agentPushes.filter((m) => m.body === input.body)).toHaveLength(1);
  });

  it('stores a repeated chat.send once and answers every copy alike', async () => {
    const input = { id: newId(), body: 'Thank you! Is it cold-packed?' };
    const copies = await Promise.all(Array.from({ length: 8 }, () => callChat(customer, 'chat.send', input)));
    const first = expectOk(copies[0] ?? (await callChat(customer, 'chat.send', input)));
    for (const c of copies) expect(expectOk(c)).toEqual(first);
    expect(first.message.commandId).toBe(input.id);
    expect((await bodies()).filter((b) => b === input.body)).toHaveLength(1);
    await expect.poll(() => agentPushes.filter((m) => m.body === input.body).length).toBe(1);

    // After a reconnect the page resends what it had not seen acked: still one.
    customer.close();
    customer = await connectCustomer(t.hub.url, token);
    expect(expectOk(await callChat(customer, 'chat.send', input))).toEqual(first);
    const history = expectOk(await callChat(customer, 'chat.history', {}));
    expect(history.items.filter((m) => m.commandId === input.id)).toHaveLength(1);
    // The customer's stream is consecutive: no gaps for notes or agent-only events.
    const seqs = history.items.map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('refuses a command id reused for another command', async () => {
    const id = newId();
    expectOk(await callChat(customer, 'chat.send', { id, body: 'one' }));
    const other = await callChat(customer, 'chat.rate', { id, score: 5 });
    expect(other.ok ? null : other.error.code).toBe('conflict');
  });
});
