import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamMessage } from '../../shared/protocol/team';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub, unlimitedBudget } from '../support/hub-client';

describe('mutating commands apply once per id', () => {
  let t: TestHub;
  let agent: ClientSocket;
  let employer: ClientSocket;
  const pushes: TeamMessage[] = [];
  /** The size of each team push, in the order they came. */
  const pushSizes: number[] = [];

  beforeAll(async () => {
    // Twenty posts at once from one socket, past a worker's in-flight budget: this file tests ordering, not budgets.
    t = await startHub({ demo: true, budgets: { worker: unlimitedBudget } });
    agent = await signIn(t.hub.url, 'agent', 'wings-demo');
    employer = await signIn(t.hub.url, 'employer', 'wings-demo');
    employer.on('team.messages', (p: { messages: TeamMessage[] }) => {
      pushes.push(...p.messages);
      pushSizes.push(p.messages.length);
    });
  });
  afterAll(async () => {
    agent.close();
    employer.close();
    await t.stop();
  });

  async function bodies(): Promise<string[]> {
    return expectOk(await call(employer, 'team.history', { limit: 200 })).items.map((m) => m.body);
  }

  it('answers a repeated team.post with the first result', async () => {
    const id = newId();
    const first = expectOk(await call(agent, 'team.post', { id, body: '发票已开好' }));
    const second = expectOk(await call(agent, 'team.post', { id, body: '发票已开好' }));
    expect(second).toEqual(first);
    // Even a changed body under the same id gets the original answer: the id is the command.
    const third = expectOk(await call(agent, 'team.post', { id, body: 'something else' }));
    expect(third).toEqual(first);
    expect((await bodies()).filter((b) => b === '发票已开好')).toHaveLength(1);
    expect((await bodies()).filter((b) => b === 'something else')).toHaveLength(0);
  });

  it('applies concurrent copies once and gives every copy the same message', async () => {
    const id = newId();
    const before = pushes.length;
    const acks = await Promise.all(
      Array.from({ length: 8 }, () => call(agent, 'team.post', { id, body: 'back in 10 minutes' })),
    );
    const messages = acks.map((a) => expectOk(a).message);
    for (const m of messages) expect(m).toEqual(messages[0]);
    expect((await bodies()).filter((b) => b === 'back in 10 minutes')).toHaveLength(1);
    // The push goes out once, for the one application.
    await expect.poll(() => pushes.length).toBe(before + 1);
    expect(pushes.at(-1)).toEqual(messages[0]);
  });

  it('gives consecutive seqs with no gaps under concurrent posts', async () => {
    const pushedBefore = pushes.length;
    const pushesBefore = pushSizes.length;
    const acks = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(agent, 'team.post', { id: newId(), body: `burst ${i}` })),
    );
    const seqs = acks.map((a) => expectOk(a).message.seq).sort((x, y) => x - y);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe((seqs[i - 1] ?? 0) + 1);
    const history = expectOk(
      await call(employer, 'team.history', { afterSeq: (seqs[0] ?? 1) - 1, limit: 20 }),
    );
    expect(history.items.map((m) => m.seq)).toEqual(seqs);
    expect(history.lastSeq).toBe(seqs.at(-1));
    // Colleagues hear each note once, in seq order, and notes committed together come as one push.
    await expect.poll(() => pushes.length - pushedBefore).toBe(20);
    expect(pushes.slice(pushedBefore).map((m) => m.seq)).toEqual(seqs);
    const sizes = pushSizes.slice(pushesBefore);
    expect(sizes.length).toBeLessThan(20);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
  });

  it('keeps ids per user: the same id from another user is another command', async () => {
    const id = newId();
    const mine = expectOk(await call(agent, 'team.post', { id, body: 'from agent' }));
    const theirs = expectOk(await call(employer, 'team.post', { id, body: 'from employer' }));
    expect(theirs.message.seq).toBe(mine.message.seq + 1);
  });

  it('refuses to reuse an id for a different command', async () => {
    const id = newId();
    expectOk(await call(employer, 'team.post', { id, body: 'first use' }));
    const ack = await call(employer, 'admin.users.create', {
      id,
      username: 'reused',
      displayName: 'Reused',
      password: 'reused-password',
      roles: ['agent'],
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(expectOk(await call(employer, 'admin.users.list', {})).users.map((u) => u.username)).not.toContain(
      'reused',
    );
  });

  it('creates a user once and answers the repeat with the same user', async () => {
    const input = {
      id: newId(),
      username: 'once',
      displayName: 'Once',
      password: 'once-password',
      roles: ['agent' as const],
    };
    const [a, b] = await Promise.all([
      call(employer, 'admin.users.create', input),
      call(employer, 'admin.users.create', input),
    ]);
    expect(expectOk(a)).toEqual(expectOk(b));
    const again = await call(employer, 'admin.users.create', input);
    expect(expectOk(again)).toEqual(expectOk(a));
    // A new id for the same username is a new command, and a conflict.
    const dup = await call(employer, 'admin.users.create', { ...input, id: newId() });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('lets a client fill a seq gap from history', async () => {
    const all = expectOk(await call(employer, 'team.history', { limit: 200 }));
    const gapAfter = all.items[1]?.seq ?? 0;
    const missed = expectOk(await call(employer, 'team.history', { afterSeq: gapAfter, limit: 2 }));
    expect(missed.items.map((m) => m.seq)).toEqual([gapAfter + 1, gapAfter + 2]);
    expect(missed.lastSeq).toBe(all.lastSeq);
  });
});
