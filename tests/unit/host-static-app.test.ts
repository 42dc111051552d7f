import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/host/csp';
import { createAppRoute, parseRange } from '../../electron/web/static-app';

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

describe('Range requests on /app', () => {
  const body = '0123456789abcdefghij'; // 20 bytes
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${base}/app/${path}`, { method, headers });

  beforeAll(() => {
    mkdirSync(join(dir, 'web', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'web', 'assets', 'range.txt'), body);
    writeFileSync(join(dir, 'web', 'assets', 'one.txt'), 'x');
    writeFileSync(join(dir, 'web', 'assets', 'empty.txt'), '');
    // Written last: a new index.html makes the route re-read the folder (a rebuild).
    writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>Wings with ranges</title>');
  });

  it.each([
    ['bytes=0-9', 'bytes 0-9/20', '0123456789'],
    ['bytes=-5', 'bytes 15-19/20', 'fghij'],
    ['bytes=5-', 'bytes 5-19/20', '56789abcdefghij'],
    ['bytes=15-99', 'bytes 15-19/20', 'fghij'],
    ['bytes=-50', 'bytes 0-19/20', body],
    ['bytes=19-19', 'bytes 19-19/20', 'j'],
    ['BYTES = 2 - 3', 'bytes 2-3/20', '23'],
  ])('%s answers 206 with %s', async (range, contentRange, expected) => {
    const res = await get('assets/range.txt', { range });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(contentRange);
    expect(res.headers.get('content-length')).toBe(String(expected.length));
    expect(await res.text()).toBe(expected);
  });

  it.each(['bytes=20-', 'bytes=30-40', 'bytes=-0'])(
    '%s is unsatisfiable: 416 with Content-Range bytes */20',
    async (range) => {
      const res = await get('assets/range.txt', { range });
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe('bytes */20');
      expect(await res.text()).toBe('');
    },
  );

  it('any range of an empty file is unsatisfiable', async () => {
    const res = await get('assets/empty.txt', { range: 'bytes=0-' });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */0');
  });

  it.each([
    'bytes=abc',
    'bytes=',
    'bytes=-',
    'items=0-3',
    '0-3',
    'bytes=9-5', // sirv alone throws on this and ends the process
    'bytes=0-1,4-5', // several ranges: whole file, as a server may
    'bytes=1-2-3',
  ])('%s is ignored: 200 with the whole file', async (range) => {
    const res = await get('assets/range.txt', { range });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBeNull();
    expect(await res.text()).toBe(body);
  });

  it('the server keeps answering after a reversed range', async () => {
    await get('assets/range.txt', { range: 'bytes=9-5' });
    expect((await get('assets/range.txt')).status).toBe(200);
  });

  it('ignores Range on HEAD and when If-Range does not match this file', async () => {
    const head = await get('assets/range.txt', { range: 'bytes=0-3' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('20');

    const plain = await get('assets/range.txt');
    expect(plain.headers.get('accept-ranges')).toBe('bytes');
    const etag = plain.headers.get('etag') ?? '';
    const lastModified = plain.headers.get('last-modified') ?? '';
    // sirv's ETag is weak, and If-Range compares strongly: never a match.
    const byEtag = await get('assets/range.txt', { range: 'bytes=0-3', 'if-range': etag });
    expect(byEtag.status).toBe(200);
    const stale = await get('assets/range.txt', {
      range: 'bytes=0-3',
      'if-range': 'Wed, 21 Oct 2015 07:28:00 GMT',
    });
    expect(stale.status).toBe(200);
    const current = await get('assets/range.txt', { range: 'bytes=0-3', 'if-range': lastModified });
    expect(current.status).toBe(206);
    expect(await current.text()).toBe('0123');
  });

  it('sends the whole file for a range it cannot hand to sirv (first byte only)', async () => {
    const first = await get('assets/range.txt', { range: 'bytes=0-0' });
    expect(first.status).toBe(200);
    expect(await first.text()).toBe(body);
    const one = await get('assets/one.txt', { range: 'bytes=0-' });
    expect(one.status).toBe(200);
    expect(await one.text()).toBe('x');
  });
});

describe('parseRange', () => {
  it('reads the forms RFC 9110 allows and nothing else', () => {
    expect(parseRange('bytes=0-9', 20)).toEqual({ kind: 'part', start: 0, end: 9 });
    expect(parseRange('bytes=-5', 3)).toEqual({ kind: 'part', start: 0, end: 2 });
    expect(parseRange('bytes=5-', 20)).toEqual({ kind: 'part', start: 5, end: 19 });
    expect(parseRange(`bytes=${'9'.repeat(400)}-`, 20)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange(`bytes=0-${'9'.repeat(400)}`, 20)).toEqual({ kind: 'part', start: 0, end: 19 });
    expect(parseRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0x1-2', 20)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=+1-2', 20)).toEqual({ kind: 'whole' });
  });
});

describe('source maps', () => {
  it('are never served, even when a build left one behind', async () => {
    mkdirSync(join(dir, 'web', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'web', 'assets', 'index-abc123.js.map'), '{"sources":["secret.ts"]}');
    writeFileSync(join(dir, 'web', 'assets', 'beside-the-map.js'), 'console.log(2)');
    // A new index.html is a new build: the route re-reads the folder, so the map is there to be refused.
    writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>Wings rebuilt</title>');
    expect((await fetch(`${base}/app/assets/beside-the-map.js`)).status).toBe(200);
    for (const path of [
      'assets/index-abc123.js.map',
      'assets/index-abc123.js.%6Dap',
      'assets/INDEX.JS.MAP',
    ]) {
      const res = await fetch(`${base}/app/${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('secret.ts');
    }
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
