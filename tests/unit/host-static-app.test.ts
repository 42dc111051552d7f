import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/host/csp';
import { createAppRoute } from '../../electron/web/static-app';

let dir: string;
let server: Server;
let base: string;
const csp = contentSecurityPolicy({ hubUrl: 'https://hub.example:8443' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wings-static-'));
  const route = createAppRoute({ dir: join(dir, 'web'), prefix: '/app', csp });
  server = createServer((req, res) => route(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('the /app route', () => {
  it('answers 503 with what to run while the renderer is not built', async () => {
    const res = await fetch(`${base}/app/`);
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('npm run build:web');
  });

  it('serves the build once it appears, as a single-page app', async () => {
    mkdirSync(join(dir, 'web', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>Wings</title>');
    writeFileSync(join(dir, 'web', 'assets', 'index-abc123.js'), 'console.log(1)');

    const index = await fetch(`${base}/app/?token=t`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Wings</title>');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toBe(csp);
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');

    // A deep link reloads into the app rather than a 404.
    const deep = await fetch(`${base}/app/tickets/42`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>Wings</title>');

    const asset = await fetch(`${base}/app/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toContain('javascript');

    expect((await fetch(`${base}/app/assets/missing.js`)).status).toBe(404);
  });

  it('adds the trailing slash and keeps the token', async () => {
    const res = await fetch(`${base}/app?token=abc`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/app/?token=abc');
  });

  it('serves nothing outside its directory and only GET/HEAD', async () => {
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    const escaped = await fetch(`${base}/app/..%2fsecret.txt`);
    expect(await escaped.text()).not.toContain('secret');
    expect((await fetch(`${base}/app/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows the hub origin over http and ws, and nothing inline outside dev', () => {
    expect(csp).toContain("connect-src 'self' https://hub.example:8443 wss://hub.example:8443");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("media-src 'self' blob: mediastream:");
    expect(contentSecurityPolicy({ dev: true })).toContain("style-src 'self' 'unsafe-inline'");
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
  });
});
