import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { hashPassword } from '../../server/auth/password';
import { createOrganisation, createUser } from '../../server/auth/users';
import { createDatabase } from '../../server/store/database';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub } from '../support/hub-client';

/** Organisation A is the Demo Shop; B is written straight into the same store, as a second tenant. */
describe('organisations are isolated', () => {
  let t: TestHub;
  let a: ClientSocket;
  let b: ClientSocket;
  let bUserId = 0;

  beforeAll(async () => {
    t = await startHub({ demo: true });
    const db = createDatabase({ kind: 'sqlite', file: join(t.dataDir, 'hub.sqlite') });
    try {
      const passwordHash = await hashPassword('other-shop-pw');
      const orgId = await createOrganisation(db, 'Pear Orchard Co-op', Date.now());
      const user = await createUser(db, {
        orgId,
        username: 'orchard-boss',
        displayName: 'Boss',
        passwordHash,
        roles: ['admin', 'supervisor'],
        now: Date.now(),
      });
      bUserId = user?.id ?? 0;
    } finally {
      await db.destroy();
    }
    a = await signIn(t.hub.url, 'employer', 'wings-demo');
    b = await signIn(t.hub.url, 'orchard-boss', 'other-shop-pw');
  });
  afterAll(async () => {
    a.close();
    b.close();
    await t.stop();
  });

  it('keeps team boards apart, each with its own seq', async () => {
    const aBefore = expectOk(await call(a, 'team.history', { limit: 200 }));
    const leaked: unknown[] = [];
    a.on('team.messages', (m: unknown) => leaked.push(m));
    const posted = expectOk(await call(b, 'team.post', { id: newId(), body: 'orchard secret' }));
    expect(posted.message.seq).toBe(1);

    const aAfter = expectOk(await call(a, 'team.history', { limit: 200 }));
    expect(aAfter).toEqual(aBefore);
    expect(aAfter.items.map((m) => m.body)).not.toContain('orchard secret');
    const bHistory = expectOk(await call(b, 'team.history', {}));
    expect(bHistory.items.map((m) => m.body)).toEqual(['orchard secret']);
    expect(bHistory.lastSeq).toBe(1);

    // A post in A after B's reaches A, proving A's socket is live and had simply not seen B's.
    const own = new Promise((resolve) => a.once('team.messages', resolve));
    expectOk(await call(a, 'team.post', { id: newId(), body: 'shop note' }));
    await own;
    expect(
      leaked.flatMap((m) => (m as { messages: { body: string }[] }).messages.map((x) => x.body)),
    ).toEqual(['shop note']);
  });

  it('lists only the users of the caller’s organisation', async () => {
    const aUsers = expectOk(await call(a, 'admin.users.list', {})).users.map((u) => u.username);
    // The Demo Shop's own people: the three demo sign-ins and the team of its six months.
    expect(aUsers.sort()).toEqual([
      'agent',
      'anchor',
      'employer',
      'huangliping',
      'lanhaibo',
      'luoxiaomei',
      'luwenjing',
      'panchunyan',
      'wuqiuyue',
      'yangguangming',
    ]);
    const bUsers = expectOk(await call(b, 'admin.users.list', {})).users.map((u) => u.username);
    expect(bUsers).toEqual(['orchard-boss']);
  });

  it('does not let one organisation’s admin reset another’s password', async () => {
    const ack = await call(a, 'admin.users.resetPassword', {
      id: newId(),
      userId: bUserId,
      password: 'hijacked-pw',
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // B's password still works.
    const again = await signIn(t.hub.url, 'orchard-boss', 'other-shop-pw');
    again.close();
  });

  it("keeps usernames per organisation, so an admin cannot probe another organisation's people", async () => {
    // Demo Shop has an "agent"; organisation B may have its own, and learns nothing from trying.
    const ack = await call(b, 'admin.users.create', {
      id: newId(),
      username: 'agent',
      displayName: 'Their own agent',
      password: 'their-agent-pw',
      roles: ['agent'],
    });
    expect(expectOk(ack).user.username).toBe('agent');
    const again = await call(b, 'admin.users.create', {
      id: newId(),
      username: 'agent',
      displayName: 'Twice',
      password: 'their-agent-pw',
      roles: ['agent'],
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
