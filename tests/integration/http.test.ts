import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorSchema } from '../../shared/protocol/ack';
import type { TestHub } from '../support/hub-client';
import { call, connect, expectOk, login, postJson, startHub } from '../support/hub-client';

const errorBody = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) });

describe('hub HTTP', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub({
      demo: true,
      routes: [
        {
          prefix: '/app',
          handler: (req, res) => {
            res.writeHead(200, { 'content-type': 'text/plain' }).end(`app:${req.url ?? ''}`);
          },
        },
      ],
    });
  });
  afterAll(() => t.stop());

  it('answers /healthz', async () => {
    const res = await fetch(`${t.hub.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('signs in and the token opens a socket', async () => {
    const { token, expiresAt } = await login(t.hub.url, 'agent', 'wings-demo');
    expect(expiresAt - Date.now()).toBeGreaterThan(11 * 3600_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(12 * 3600_000);
    const socket = await connect(t.hub.url, token);
    const me = expectOk(await call(socket, 'session.whoami', {}));
    expect(me.user).toMatchObject({
      username: 'agent',
      roles: ['agent'],
      organisation: { name: 'Demo Shop' },
    });
    socket.close();
  });

  it('ignores case in usernames', async () => {
    await expect(login(t.hub.url, ' Agent ', 'wings-demo')).resolves.toHaveProperty('token');
  });

  it('rejects malformed bodies with 400 and oversized ones with 413', async () => {
    const missing = await postJson(`${t.hub.url}/api/login`, { username: 'agent' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(errorBody('invalid_input'));
    expect(errorSchema.parse((missing.body as { error: unknown }).error).issues?.[0]?.path).toEqual([
      'password',
    ]);

    for (const body of ['not json', '[1,2]', 'null', '"x"', '{"username":5,"password":[]}']) {
      const res = await postJson(`${t.hub.url}/api/login`, body);
      expect(res.status, body).toBe(400);
      expect(res.body).toEqual(errorBody('invalid_input'));
    }
    const big = await postJson(`${t.hub.url}/api/login`, { username: 'agent', password: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(big.body).toEqual(errorBody('invalid_input'));
  });

  it('answers unknown paths and methods with JSON errors', async () => {
    const unknown = await fetch(`${t.hub.url}/api/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual(errorBody('not_found'));
    const get = await fetch(`${t.hub.url}/api/login`);
    expect(get.status).toBe(405);
    const root = await fetch(`${t.hub.url}/apple`);
    expect(root.status).toBe(404);
  });

  it('mounts extra routes by path prefix', async () => {
    const res = await fetch(`${t.hub.url}/app/index.html`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('app:/app/index.html');
    expect((await fetch(`${t.hub.url}/app`)).status).toBe(200);
  });

  it('answers CORS with the calling page, never *, and refuses unknown pages', async () => {
    // The whole origin policy is in http-edge.test.ts; this is the shape of the answers.
    const pre = await fetch(`${t.hub.url}/api/login`, {
      method: 'OPTIONS',
      headers: {
        origin: 'wings://app',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('wings://app');
    expect(pre.headers.get('access-control-allow-headers')).toContain('content-type');
    const res = await fetch(`${t.hub.url}/api/login`, {
      method: 'POST',
      headers: { origin: t.hub.url, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anchor', password: 'wings-demo' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(t.hub.url);
    const file = await fetch(`${t.hub.url}/api/login`, {
      method: 'POST',
      headers: { origin: 'file://', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anchor', password: 'wings-demo' }),
    });
    expect(file.status).toBe(403);
    expect(file.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers wrong credentials with 401, then 429 once the username has failed five times', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await postJson(`${t.hub.url}/api/login`, { username: 'anchor', password: `wrong-${i}` });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(errorBody('unauthorized'));
    }
    const limited = await postJson(`${t.hub.url}/api/login`, { username: 'anchor', password: 'wrong-again' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual(errorBody('rate_limited'));
    // Locked means locked: the right password does not get through either.
    const right = await postJson(`${t.hub.url}/api/login`, { username: 'anchor', password: 'wings-demo' });
    expect(right.status).toBe(429);
    // Other usernames are not affected.
    await expect(login(t.hub.url, 'employer', 'wings-demo')).resolves.toHaveProperty('token');
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await postJson(`${t.hub.url}/api/login`, { username: 'nobody', password: 'whatever1' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Wrong username or password.' },
    });
  });

  it('does not let parallel guesses slip under the limit', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postJson(`${t.hub.url}/api/login`, { username: 'agent', password: `guess-${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });
});

describe('per-address login cap', () => {
  it('limits failures from one address across usernames', async () => {
    const t = await startHub({ demo: true });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 51; i++) {
        const res = await postJson(`${t.hub.url}/api/login`, {
          username: `user${i}`,
          password: 'wrong-pass',
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
      expect(statuses[50]).toBe(429);
    } finally {
      await t.stop();
    }
  });
});
