import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, connect, expectOk, login, newId, postJson, signIn, startHub } from '../support/hub-client';

describe('roles', () => {
  let t: TestHub;
  let agent: ClientSocket;
  let anchor: ClientSocket;
  let employer: ClientSocket;

  beforeAll(async () => {
    t = await startHub({ demo: true });
    agent = await signIn(t.hub.url, 'agent', 'wings-demo');
    anchor = await signIn(t.hub.url, 'anchor', 'wings-demo');
    employer = await signIn(t.hub.url, 'employer', 'wings-demo');
  });
  afterAll(async () => {
    for (const s of [agent, anchor, employer]) s.close();
    await t.stop();
  });

  const createInput = (username: string) => ({
    id: newId(),
    username,
    displayName: '蒙小燕',
    password: 'a-long-password',
    roles: ['agent' as const],
  });

  it('answers forbidden when a worker calls an admin command', async () => {
    for (const socket of [agent, anchor]) {
      expect(await call(socket, 'admin.users.list', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await call(socket, 'admin.users.create', createInput('sneaky'))).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(
        await call(socket, 'admin.users.resetPassword', {
          id: newId(),
          userId: 1,
          password: 'another-password',
        }),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(
      (await postJson(`${t.hub.url}/api/login`, { username: 'sneaky', password: 'a-long-password' })).status,
    ).toBe(401);
  });

  it('checks the payload before the role', async () => {
    expect(await call(agent, 'admin.users.list', { junk: 1 } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('lets every signed-in role use the team board', async () => {
    for (const socket of [agent, anchor, employer]) {
      expectOk(await call(socket, 'team.post', { id: newId(), body: 'on shift' }));
      expectOk(await call(socket, 'team.history', { limit: 1 }));
    }
  });

  it('lets an admin create a user who can then sign in', async () => {
    const created = expectOk(await call(employer, 'admin.users.create', createInput('Meng.XiaoYan')));
    expect(created.user).toMatchObject({ username: 'meng.xiaoyan', displayName: '蒙小燕', roles: ['agent'] });
    const socket = await signIn(t.hub.url, 'meng.xiaoyan', 'a-long-password');
    expect(expectOk(await call(socket, 'session.whoami', {})).user.organisation.name).toBe('Demo Shop');
    socket.close();
  });

  it('resets a password: the old one and old sessions stop working', async () => {
    const { token } = await login(t.hub.url, 'anchor', 'wings-demo');
    const live = await connect(t.hub.url, token);
    const me = expectOk(await call(live, 'session.whoami', {})).user;
    const kicked = new Promise((resolve) => live.once('disconnect', resolve));

    const ack = await call(employer, 'admin.users.resetPassword', {
      id: newId(),
      userId: me.id,
      password: 'fresh-password',
    });
    expect(expectOk(ack)).toEqual({ userId: me.id });
    await kicked;

    expect(
      (await postJson(`${t.hub.url}/api/login`, { username: 'anchor', password: 'wings-demo' })).status,
    ).toBe(401);
    await expect(connect(t.hub.url, token)).rejects.toThrow('unauthorized');
    const fresh = await signIn(t.hub.url, 'anchor', 'fresh-password');
    fresh.close();
  });
});
