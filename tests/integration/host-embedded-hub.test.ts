import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectHub, demoPasswordOf, type HubConnection } from '../../electron/host/embedded-hub';
import { createHub } from '../../server/app';

const dirs: string[] = [];
const open: HubConnection[] = [];

function userData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wings-embedded-'));
  dirs.push(dir);
  return dir;
}

async function connect(options: Parameters<typeof connectHub>[0]): Promise<HubConnection> {
  const connection = await connectHub({ logLevel: 'silent', ...options });
  open.push(connection);
  return connection;
}

async function login(hubUrl: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${hubUrl}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('connectHub', () => {
  it('with no hub configured, starts one on 127.0.0.1 in <userData>/hub seeded with the demo organisation', async () => {
    const dir = userData();
    const c = await connect({ userDataDir: dir, hubUrl: null });
    expect(c.embedded).toBe(true);
    expect(c.hubUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(join(dir, 'hub', 'hub.sqlite'))).toBe(true);
    expect(await (await fetch(`${c.hubUrl}/healthz`)).json()).toEqual({ ok: true });
    expect(c.demoCredentials?.map((d) => d.username).sort()).toEqual(['agent', 'anchor', 'employer']);
    expect(demoPasswordOf(c)).toBe('wings-demo');
    expect(await login(c.hubUrl, 'agent', 'wings-demo')).toBe(200);
  });

  it('on the next launch reuses the same hub data and still knows the demo password', async () => {
    const dir = userData();
    const first = await connect({ userDataDir: dir, hubUrl: null });
    await first.close();
    const second = await connect({ userDataDir: dir, hubUrl: null });
    expect(demoPasswordOf(second)).toBe('wings-demo');
    expect(await login(second.hubUrl, 'anchor', 'wings-demo')).toBe(200);
  });

  it('never seeds demo data into a hub directory that already holds a store', async () => {
    const dir = userData();
    const real = await createHub({
      dataDir: join(dir, 'hub'),
      adminPassword: 'a-real-password',
      logLevel: 'silent',
    });
    await real.close();

    const c = await connect({ userDataDir: dir, hubUrl: null });
    expect(c.demoCredentials).toBeNull();
    expect(demoPasswordOf(c)).toBeNull();
    expect(await login(c.hubUrl, 'agent', 'wings-demo')).toBe(401);
    expect(await login(c.hubUrl, 'admin', 'a-real-password')).toBe(200);
  });

  it('with a hub URL configured, starts nothing and connects there', async () => {
    const dir = userData();
    const c = await connect({ userDataDir: dir, hubUrl: 'http://10.0.0.5:4000/' });
    expect(c).toMatchObject({
      hubUrl: 'http://10.0.0.5:4000',
      embedded: false,
      hub: null,
      demoCredentials: null,
    });
    expect(demoPasswordOf(c)).toBeNull();
    expect(existsSync(join(dir, 'hub'))).toBe(false);
  });
});
