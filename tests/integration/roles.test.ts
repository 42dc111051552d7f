import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password';
import { createOrganisation, createUser } from '../../server/auth/users';
import { createDatabase } from '../../server/store/database';
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

/** Demo Shop, and a second organisation written straight into the same store, sharing usernames with it. */
describe('usernames per organisation', () => {
  let t: TestHub;
  let demoAdmin: ClientSocket;
  let orchardAdmin: ClientSocket;

  beforeAll(async () => {
    t = await startHub({ demo: true });
    const db = createDatabase({ kind: 'sqlite', file: join(t.dataDir, 'hub.sqlite') });
    try {
      const orgId = await createOrganisation(db, 'Pear Orchard', Date.now());
      for (const [username, password, roles] of [
        ['boss', 'orchard-boss-pw', ['admin', 'supervisor']],
        // The same name and password as Demo Shop's anchor.
        ['anchor', 'wings-demo', ['anchor']],
      ] as const) {
        const created = await createUser(db, {
          orgId,
          username,
          displayName: username,
          passwordHash: await hashPassword(password),
          roles,
          now: Date.now(),
        });
        expect(created).not.toBeNull();
      }
    } finally {
      await db.destroy();
    }
    demoAdmin = await signIn(t.hub.url, 'employer', 'wings-demo');
    orchardAdmin = await signIn(t.hub.url, 'boss', 'orchard-boss-pw');
  });
  afterAll(async () => {
    demoAdmin.close();
    orchardAdmin.close();
    await t.stop();
  });

  const create = (socket: ClientSocket, username: string, password: string) =>
    call(socket, 'admin.users.create', {
      id: newId(),
      username,
      displayName: '韦小宝',
      password,
      roles: ['agent'],
    });

  it('lets an admin use a name taken in another organisation, so no one can probe for it', async () => {
    expectOk(await create(orchardAdmin, 'agent', 'orchard-agent-pw'));
    expectOk(await create(demoAdmin, 'boss', 'demo-boss-pw'));
    // Taken in the admin's own organisation: that is the only conflict anyone sees.
    expect(await create(orchardAdmin, 'Agent', 'another-pw')).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('signs a shared username in to the organisation whose password it is', async () => {
    const orchard = await signIn(t.hub.url, 'agent', 'orchard-agent-pw');
    const demo = await signIn(t.hub.url, 'agent', 'wings-demo');
    try {
      expect(expectOk(await call(orchard, 'session.whoami', {})).user.organisation.name).toBe('Pear Orchard');
      expect(expectOk(await call(demo, 'session.whoami', {})).user.organisation.name).toBe('Demo Shop');
    } finally {
      orchard.close();
      demo.close();
    }
  });

  it('asks for the organisation when a username and password fit two, and takes it in any case', async () => {
    const bare = await postJson(`${t.hub.url}/api/login`, { username: 'anchor', password: 'wings-demo' });
    expect(bare.status).toBe(409);
    expect(bare.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
    for (const [organisation, expected] of [
      ['demo shop', 'Demo Shop'],
      ['Pear Orchard', 'Pear Orchard'],
    ] as const) {
      const { token } = await loginIn(organisation);
      const socket = await connect(t.hub.url, token);
      expect(expectOk(await call(socket, 'session.whoami', {})).user.organisation.name).toBe(expected);
      socket.close();
    }
    const elsewhere = await postJson(`${t.hub.url}/api/login`, {
      username: 'anchor',
      password: 'wings-demo',
      organisation: 'Nowhere Ltd',
    });
    expect(elsewhere.status).toBe(401);
  });

  async function loginIn(organisation: string): Promise<{ token: string }> {
    const res = await postJson(`${t.hub.url}/api/login`, {
      username: 'anchor',
      password: 'wings-demo',
      organisation,
    });
    expect(res.status).toBe(200);
    return res.body as { token: string };
  }
});

describe('an admin changing roles', () => {
  let t: TestHub;
  /** Not the agent: a role change ends all of that user's sockets, this one's too. */
  let anchor: ClientSocket;
  let employer: ClientSocket;

  beforeAll(async () => {
    t = await startHub({ demo: true });
    anchor = await signIn(t.hub.url, 'anchor', 'wings-demo');
    employer = await signIn(t.hub.url, 'employer', 'wings-demo');
    // A second organisation, whose people the first one's admin must not reach.
    const db = createDatabase({ kind: 'sqlite', file: join(t.dataDir, 'hub.sqlite') });
    const orgId = await createOrganisation(db, 'Far Away Farm', Date.now());
    await createUser(db, {
      orgId,
      username: 'farmer',
      displayName: 'Farmer',
      passwordHash: await hashPassword('farmer-password'),
      roles: ['admin'],
      now: Date.now(),
    });
    await db.destroy();
  });
  afterAll(async () => {
    anchor.close();
    employer.close();
    await t.stop();
  });

  it("takes effect on the worker's open session without a new sign-in", async () => {
    const { token } = await login(t.hub.url, 'agent', 'wings-demo');
    const live = await connect(t.hub.url, token);
    const agentId = expectOk(await call(live, 'session.whoami', {})).user.id;
    expect(await call(live, 'admin.users.list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // As the workstation's HubConnection does: a socket the hub ended on purpose comes straight back.
    let reconnects = 0;
    live.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') live.connect();
    });
    live.on('connect', () => reconnects++);
    const set = await call(employer, 'admin.users.setRoles', {
      id: newId(),
      userId: agentId,
      roles: ['agent', 'supervisor'],
    });
    expect(expectOk(set).user.roles).toEqual(['agent', 'supervisor']);
    // The hub ended that user's sockets; back with the same token, the session has the new roles.
    await expect.poll(() => reconnects).toBe(1);
    expect(expectOk(await call(live, 'session.whoami', {})).user.roles).toEqual(['agent', 'supervisor']);
    expect((await call(live, 'admin.users.list', {})).ok).toBe(true);

    expectOk(
      await call(employer, 'admin.users.setRoles', { id: newId(), userId: agentId, roles: ['agent'] }),
    );
    await expect
      .poll(async () => (await call(live, 'admin.users.list', {})).ok === false, { timeout: 10_000 })
      .toBe(true);
    live.close();
  });

  it('keeps at least one admin, refuses non-admins, and does not see other organisations', async () => {
    const me = expectOk(await call(employer, 'session.whoami', {})).user;
    expect(
      await call(employer, 'admin.users.setRoles', { id: newId(), userId: me.id, roles: ['supervisor'] }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(
      await call(anchor, 'admin.users.setRoles', { id: newId(), userId: me.id, roles: ['agent'] }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const db = createDatabase({ kind: 'sqlite', file: join(t.dataDir, 'hub.sqlite') });
    const other = await db
      .selectFrom('users')
      .select('id')
      .where('org_id', '!=', me.organisation.id)
      .executeTakeFirst();
    await db.destroy();
    if (!other) throw new Error('this file seeds a second organisation above');
    expect(
      await call(employer, 'admin.users.setRoles', { id: newId(), userId: other.id, roles: ['admin'] }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
