import { demoWorkers } from '../../server/demo/shifts-data';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../server/store/database';
import { call, expectOk, login, postJson, signIn, startHub, tempDir } from '../support/hub-client';
import { postFrom } from './from-address';

async function counts(dataDir: string): Promise<Record<string, number>> {
  const db = createDatabase({ kind: 'sqlite', file: join(dataDir, 'hub.sqlite') });
  try {
    const out: Record<string, number> = {};
    for (const table of [
      'organisations',
      'users',
      'products',
      'customers',
      'orders',
      'order_items',
      'team_messages',
    ] as const) {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  } finally {
    await db.destroy();
  }
}

describe('first-run setup', () => {
  it('creates the first organisation once with the one-time code', async () => {
    const t = await startHub();
    try {
      const code = t.hub.setupCode;
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(t.hub.demoCredentials).toBeNull();
      const request = {
        code: code ?? '',
        organisation: '金桔家庭农场',
        username: 'owner',
        displayName: '覃老板',
        password: 'orchard-owner-pw',
      };
      const wrong = await postJson(`${t.hub.url}/api/setup`, { ...request, code: 'AAAA-BBBB-CCCC' });
      expect(wrong.status).toBe(401);
      const bad = await postJson(`${t.hub.url}/api/setup`, { ...request, password: 'short' });
      expect(bad.status).toBe(400);

      // Lower case and no dashes: the code is read aloud and typed by people.
      const done = await postJson(`${t.hub.url}/api/setup`, {
        ...request,
        code: (code ?? '').toLowerCase().replace(/-/g, ''),
      });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ token: expect.any(String), expiresAt: expect.any(Number) });
      expect(t.hub.setupCode).toBeNull();

      const again = await postJson(`${t.hub.url}/api/setup`, request);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ ok: false, error: { code: 'conflict' } });

      const socket = await signIn(t.hub.url, 'owner', 'orchard-owner-pw');
      const me = expectOk(await call(socket, 'session.whoami', {})).user;
      expect(me).toMatchObject({ roles: ['supervisor', 'admin'], organisation: { name: '金桔家庭农场' } });
      socket.close();
    } finally {
      await t.stop();
    }
  });

  it('locks setup after repeated wrong codes', async () => {
    const t = await startHub();
    try {
      const request = {
        organisation: 'X',
        username: 'owner',
        displayName: 'O',
        password: 'orchard-owner-pw',
      };
      for (let i = 0; i < 5; i++) {
        expect((await postJson(`${t.hub.url}/api/setup`, { ...request, code: `WRONG-${i}` })).status).toBe(
          401,
        );
      }
      expect((await postJson(`${t.hub.url}/api/setup`, { ...request, code: t.hub.setupCode })).status).toBe(
        429,
      );
    } finally {
      await t.stop();
    }
  });

  it('keeps sign-ins named #setup away from the setup limiter', async () => {
    const t = await startHub();
    try {
      const named = (password: string) =>
        postFrom(`${t.hub.url}/api/login`, { username: '#setup', password });
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await named(`guess-${i}`)).status);
      // The login limiter delays this name from this source; setup does not notice.
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      const done = await postFrom(`${t.hub.url}/api/setup`, {
        code: t.hub.setupCode,
        organisation: 'Farm',
        username: 'owner',
        displayName: 'Owner',
        password: 'orchard-owner-pw',
      });
      expect(done.status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('keeps wrong setup codes away from sign-ins, and delays only their source', async () => {
    const t = await startHub();
    try {
      const request = {
        organisation: 'Farm',
        username: 'owner',
        displayName: 'Owner',
        password: 'orchard-owner-pw',
      };
      const setup = (code: string | null, from: string) =>
        postFrom(`${t.hub.url}/api/setup`, { ...request, code }, { from });
      for (let i = 0; i < 5; i++) expect((await setup(`WRONG-${i}`, '127.0.0.2')).status).toBe(401);
      const delayed = await setup(t.hub.setupCode, '127.0.0.2');
      expect(delayed.status).toBe(429);
      expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(0);
      // Sign-ins from that source, under any name, are not slowed by the wrong codes.
      const named = await postFrom(
        `${t.hub.url}/api/login`,
        { username: '#setup', password: 'whatever' },
        { from: '127.0.0.2' },
      );
      expect(named.status).toBe(401);
      expect((await setup(t.hub.setupCode, '127.0.0.3')).status).toBe(200);
      const owner = await postFrom(
        `${t.hub.url}/api/login`,
        { username: 'owner', password: 'orchard-owner-pw' },
        { from: '127.0.0.2' },
      );
      expect(owner.status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('with an admin password, creates "admin" and needs no setup code', async () => {
    const t = await startHub({ adminPassword: 'initial-admin-pw' });
    try {
      expect(t.hub.setupCode).toBeNull();
      const socket = await signIn(t.hub.url, 'admin', 'initial-admin-pw');
      expect(expectOk(await call(socket, 'admin.users.list', {})).users).toHaveLength(1);
      socket.close();
      expect((await postJson(`${t.hub.url}/api/setup`, { code: 'x' })).status).toBe(409);
    } finally {
      await t.stop();
    }
  });
});

describe('demo data', () => {
  it('seeds the Demo Shop once, and only with --demo', async () => {
    const dataDir = tempDir();
    const first = await startHub({ dataDir, demo: true });
    expect(first.hub.demoCredentials).toEqual([
      { username: 'agent', password: 'wings-demo' },
      { username: 'anchor', password: 'wings-demo' },
      { username: 'employer', password: 'wings-demo' },
    ]);
    expect(first.hub.setupCode).toBeNull();
    const socket = await signIn(first.hub.url, 'employer', 'wings-demo');
    const history = expectOk(await call(socket, 'team.history', {}));
    expect(history.items.length).toBeGreaterThanOrEqual(2);
    expect(history.items.map((m) => m.seq)).toEqual(history.items.map((_, i) => i + 1));
    socket.close();
    await first.stop({ keep: true });
    const seeded = await counts(dataDir);
    // The three sign-ins and the rest of their team (server/demo/shifts-data.ts).
    expect(seeded).toMatchObject({ organisations: 1, users: demoWorkers.length + 1, products: 5 });
    expect(seeded.customers).toBeGreaterThanOrEqual(8);
    expect(seeded.orders).toBeGreaterThanOrEqual(12);

    const second = await startHub({ dataDir, demo: true });
    expect(second.hub.demoCredentials).not.toBeNull();
    await second.stop({ keep: true });
    expect(await counts(dataDir)).toEqual(seeded);

    // The same store started without --demo keeps its data and offers no demo sign-in.
    const third = await startHub({ dataDir });
    expect(third.hub.demoCredentials).toBeNull();
    expect(third.hub.setupCode).toBeNull();
    await login(third.hub.url, 'agent', 'wings-demo');
    await third.stop();
  });

  it('stores money in integer fen and orders with plausible statuses', async () => {
    const t = await startHub({ demo: true });
    const db = createDatabase({ kind: 'sqlite', file: join(t.dataDir, 'hub.sqlite') });
    try {
      const products = await db.selectFrom('products').select(['name', 'price_fen', 'stock']).execute();
      expect(products.map((p) => p.name)).toEqual([
        '融安金桔',
        '秋月梨',
        '柳州螺蛳粉',
        '桂林石画',
        '侗族手工艺品',
      ]);
      for (const p of products) {
        expect(Number.isInteger(p.price_fen) && p.price_fen > 0).toBe(true);
        expect(Number.isInteger(p.stock)).toBe(true);
      }
      const orders = await db
        .selectFrom('orders')
        .select(['id', 'status', 'total_fen', 'created_at'])
        .execute();
      expect(new Set(orders.map((o) => o.status))).toEqual(
        new Set(['paid', 'shipped', 'delivered', 'refunded']),
      );
      for (const o of orders) {
        expect(o.created_at).toBeLessThanOrEqual(Date.now());
        const items = await db
          .selectFrom('order_items')
          .select(['quantity', 'unit_price_fen'])
          .where('order_id', '=', o.id)
          .execute();
        expect(items.reduce((s, i) => s + i.quantity * i.unit_price_fen, 0)).toBe(o.total_fen);
      }
      const customers = await db.selectFrom('customers').select(['name', 'locale']).execute();
      expect(customers.filter((c) => c.locale === 'en').length).toBeGreaterThanOrEqual(1);
      expect(customers.filter((c) => c.locale === 'zh-CN').length).toBeGreaterThan(customers.length / 2);
    } finally {
      await db.destroy();
      await t.stop();
    }
  });

  it('does not seed a store that holds another organisation', async () => {
    const dataDir = tempDir();
    const plain = await startHub({ dataDir, adminPassword: 'initial-admin-pw' });
    await plain.stop({ keep: true });
    const demo = await startHub({ dataDir, demo: true });
    expect(demo.hub.demoCredentials).toBeNull();
    await demo.stop({ keep: true });
    expect(await counts(dataDir)).toMatchObject({ organisations: 1, users: 1, products: 0 });
  });
});
