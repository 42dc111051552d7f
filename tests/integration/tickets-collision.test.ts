import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub } from '../support/hub-client';
import type { TestOrg } from '../support/tickets';
import { callChat, connectCustomer, makeOrg, openStarts, startChat, testPassword } from '../support/tickets';

/**
 * Sending is blocked when the conversation changed since the agent last saw
 * it (the customer or a colleague wrote), with `changed`; the agent can send
 * anyway; their own messages never block them; notes are never blocked.
 */
describe('reply collision', () => {
  let t: TestHub;
  let org: TestOrg;
  let agent: ClientSocket;
  let colleague: ClientSocket;
  let customer: ClientSocket;
  let ticketId = 0;

  beforeAll(async () => {
    t = await startHub({ tickets: openStarts });
    org = await makeOrg(t.dataDir, 'Kumquat Farm', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
      { username: 'ming', displayName: '李明', roles: ['agent'] },
    ]);
    agent = await signIn(t.hub.url, 'lan', testPassword);
    colleague = await signIn(t.hub.url, 'ming', testPassword);
    const started = await startChat(t.hub.url, { org: org.orgId, message: '金桔收到有几个坏了' });
    customer = await connectCustomer(t.hub.url, started.token);
    const list = expectOk(await call(agent, 'tickets.list', { view: 'all' }));
    ticketId = list.items[0]?.id ?? 0;
  });
  afterAll(async () => {
    for (const s of [agent, colleague, customer]) s.close();
    await t.stop();
  });

  async function lastSeq(): Promise<number> {
    return expectOk(await call(agent, 'tickets.messages', { ticketId })).lastSeq;
  }

  const reply = (body: string, seenSeq: number, extra: { force?: boolean; internal?: boolean } = {}) =>
    call(agent, 'tickets.reply', { id: newId(), ticketId, body, internal: false, seenSeq, ...extra });

  it('refuses a reply when the customer wrote after what the agent saw, and sends it with force', async () => {
    const seen = await lastSeq();
    expectOk(await callChat(customer, 'chat.send', { id: newId(), body: '还有一箱没到' }));
    const refused = await reply('您好，我们给您补发', seen);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('changed');
      expect(refused.error.message).toMatch(/New messages/);
    }
    // Nothing went out: the customer's stream ends with their own message.
    const history = expectOk(await callChat(customer, 'chat.history', {}));
    expect(history.items.at(-1)?.body).toBe('还有一箱没到');

    const forced = expectOk(await reply('您好，我们给您补发', seen, { force: true }));
    expect(forced.message.body).toBe('您好，我们给您补发');
    expect(forced.ticket.answered).toBe(true);
  });

  it('never blocks an agent on their own messages', async () => {
    const seen = await lastSeq();
    expectOk(await reply('第一句', seen));
    // Still the old seenSeq: only the agent wrote since.
    const second = expectOk(await reply('第二句', seen));
    expect(second.message.seq).toBe(seen + 2);
  });

  it("blocks on a colleague's note, and never blocks a note", async () => {
    const seen = await lastSeq();
    expectOk(
      await call(colleague, 'tickets.reply', {
        id: newId(),
        ticketId,
        body: '注意：这位客户上周也投诉过',
        internal: true,
        seenSeq: seen,
      }),
    );
    const refused = await reply('好的', seen);
    expect(refused.ok ? null : refused.error.code).toBe('changed');
    expectOk(await callChat(customer, 'chat.send', { id: newId(), body: '在吗' }));
    const note = expectOk(await reply('先查物流', seen, { internal: true }));
    expect(note.message.kind).toBe('note');
    // A note does not answer the customer and does not move the first response.
    expect(note.ticket.lastSeq).toBe(note.message.seq);
  });

  it('answers not_found for a ticket id that does not exist', async () => {
    const answer = await call(agent, 'tickets.reply', {
      id: newId(),
      ticketId: 999_999,
      body: 'x',
      internal: false,
      seenSeq: 0,
    });
    expect(answer.ok ? null : answer.error.code).toBe('not_found');
  });
});
