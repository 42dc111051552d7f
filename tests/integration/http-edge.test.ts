import { rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandaloneServer, type StandaloneServer } from '../../electron/web/standalone-server';
import { normalizeOrigin } from '../../server/http/origins';
import { parseTarget } from '../../server/http/target';
import type { TestHub } from '../support/hub-client';
import { call, connect, expectOk, login, startHub, tempDir } from '../support/hub-client';
import { spawnHubCli, startHubProcess } from '../support/hub-process';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch: fetch may not set Host, and the origin tests need to. */
function send(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const demoLogin = JSON.stringify({ username: 'agent', password: 'wings-demo' });
const json = { 'content-type': 'application/json' };

/** Writes one request with exactly this target, byte for byte, and reads the status line of the answer. */
function rawStatus(port: number, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (status?.[1]) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed without a status for ${JSON.stringify(target)}`)));
    socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 'utf8');
  });
}

describe('origins', () => {
  let t: TestHub;
  let hubOrigin = '';
  const workstationWeb = 'http://127.0.0.1:5170';
  beforeAll(async () => {
    t = await startHub({ demo: true, allowedOrigins: [workstationWeb] });
    hubOrigin = t.hub.url;
  });
  afterAll(() => t.stop());

  const preflight = (origin: string, extra: Record<string, string> = {}) =>
    send(hubOrigin, {
      method: 'OPTIONS',
      path: '/api/login',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
        ...extra,
      },
    });

  it("answers preflights from the hub's own pages, the workstation and --allow-origin with that origin", async () => {
    for (const origin of [hubOrigin, 'wings://app', workstationWeb]) {
      const res = await preflight(origin);
      expect(res.status, origin).toBe(204);
      expect(res.headers['access-control-allow-origin'], origin).toBe(origin);
      expect(res.headers['access-control-allow-headers'], origin).toContain('content-type');
      expect(res.headers['access-control-allow-methods'], origin).toContain('POST');
      expect(res.headers['vary'], origin).toContain('Origin');
      expect(res.headers['access-control-allow-private-network'], origin).toBeUndefined();
    }
  });

  it('counts localhost as the hub itself when the page was served from it', async () => {
    const port = new URL(hubOrigin).port;
    const res = await send(hubOrigin, {
      method: 'POST',
      path: '/api/login',
      headers: { ...json, host: `localhost:${port}`, origin: `http://localhost:${port}` },
      body: demoLogin,
    });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(`http://localhost:${port}`);
  });

  it('refuses every other page with 403 and no CORS headers, before any work', async () => {
    const port = new URL(hubOrigin).port;
    const refused: Array<{ origin: string; host?: string }> = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: 'file://' },
      { origin: 'http://127.0.0.1:5171' },
      { origin: `https://127.0.0.1.evil.example:${port}` },
      // DNS rebinding: the page's name now points at 127.0.0.1, so Host and Origin agree; a name is not enough.
      { origin: `http://rebind.example:${port}`, host: `rebind.example:${port}` },
      { origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${Number(port) + 1}` },
    ];
    for (const { origin, host } of refused) {
      const headers: Record<string, string> = host ? { host } : {};
      const pre = await preflight(origin, headers);
      expect(pre.status, origin).toBe(403);
      expect(pre.headers['access-control-allow-origin'], origin).toBeUndefined();
      const post = await send(hubOrigin, {
        method: 'POST',
        path: '/api/login',
        headers: { ...json, origin, ...headers },
        body: demoLogin,
      });
      expect(post.status, origin).toBe(403);
      expect(JSON.parse(post.body)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'forbidden' }),
      });
      expect(post.headers['access-control-allow-origin'], origin).toBeUndefined();
      expect(post.headers['cache-control']).toBe('no-store');
      expect(post.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('never counts a refused page’s guesses, so it cannot lock the worker out', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await send(hubOrigin, {
        method: 'POST',
        path: '/api/login',
        headers: { ...json, origin: 'http://evil.example' },
        body: JSON.stringify({ username: 'anchor', password: `guess-${i}` }),
      });
      expect(res.status).toBe(403);
    }
    await expect(login(hubOrigin, 'anchor', 'wings-demo')).resolves.toHaveProperty('token');
  });

  it('lets clients without an Origin through: they are not browser pages', async () => {
    const res = await send(hubOrigin, { method: 'POST', path: '/api/login', headers: json, body: demoLogin });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['vary']).toContain('Origin');
  });

  it('still serves plain reads to any page, without CORS, so it cannot read them', async () => {
    const res = await send(hubOrigin, { path: '/healthz', headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers private-network preflights only for allowed origins', async () => {
    const pna = { 'access-control-request-private-network': 'true' };
    const allowed = await preflight(workstationWeb, pna);
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-private-network']).toBe('true');
    const refused = await preflight('https://shop.evil.example', pna);
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-private-network']).toBeUndefined();
    const polling = await send(hubOrigin, {
      method: 'OPTIONS',
      path: '/socket.io/?EIO=4&transport=polling',
      headers: { origin: 'https://shop.evil.example', ...pna },
    });
    expect(polling.status).toBe(403);
    expect(polling.headers['access-control-allow-private-network']).toBeUndefined();
    const pollingAllowed = await send(hubOrigin, {
      method: 'OPTIONS',
      path: '/socket.io/?EIO=4&transport=polling',
      headers: { origin: workstationWeb, ...pna },
    });
    expect(pollingAllowed.status).toBe(204);
    expect(pollingAllowed.headers['access-control-allow-private-network']).toBe('true');
    expect(pollingAllowed.headers['access-control-allow-origin']).toBe(workstationWeb);
  });

  it('checks the Origin of socket.io handshakes, which CORS does not cover', async () => {
    const { token } = await login(hubOrigin, 'agent', 'wings-demo');
    const open = (origin: string | null, transport: 'websocket' | 'polling'): Promise<Socket> => {
      const socket = io(hubOrigin, {
        auth: { token },
        transports: [transport],
        reconnection: false,
        forceNew: true,
        ...(origin ? { extraHeaders: { origin } } : {}),
      });
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', (err) => {
          socket.close();
          reject(err);
        });
      });
    };
    for (const transport of ['websocket', 'polling'] as const) {
      await expect(open('http://evil.example', transport), transport).rejects.toThrow();
      await expect(open(`http://rebind.example:${new URL(hubOrigin).port}`, transport)).rejects.toThrow();
      for (const origin of [null, hubOrigin, 'wings://app', workstationWeb]) {
        const socket = await open(origin, transport);
        expect(expectOk(await call(socket, 'session.whoami', {})).user.username).toBe('agent');
        socket.close();
      }
    }
    const handshake = '/socket.io/?EIO=4&transport=polling';
    const refused = await send(hubOrigin, { path: handshake, headers: { origin: 'http://evil.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const ws = await send(hubOrigin, {
      path: '/socket.io/?EIO=4&transport=websocket',
      headers: {
        origin: 'http://evil.example',
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': Buffer.alloc(16, 1).toString('base64'),
      },
    });
    expect(ws.status).toBe(403);
    const allowed = await send(hubOrigin, { path: handshake, headers: { origin: workstationWeb } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(workstationWeb);
  });

  it('refuses to start with an --allow-origin that is not an origin', async () => {
    for (const bad of ['127.0.0.1:5170', 'http://x.example/app', 'http://u:p@x.example', 'null']) {
      expect(normalizeOrigin(bad), bad).toBeNull();
      await expect(startHub({ allowedOrigins: [bad] }), bad).rejects.toThrow(/not an origin/);
    }
    expect(normalizeOrigin('HTTP://Hub.Example:443/')).toBe('http://hub.example:443');
    expect(normalizeOrigin('https://hub.example:443')).toBe('https://hub.example');
  });
});

describe('content types', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub({ demo: true });
  });
  afterAll(() => t.stop());

  it('requires application/json on POST /api/*, charset allowed', async () => {
    const post = (contentType: string | null) =>
      send(t.hub.url, {
        method: 'POST',
        path: '/api/login',
        headers: contentType === null ? {} : { 'content-type': contentType },
        body: demoLogin,
      });
    for (const type of [
      null,
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json-patch+json',
      'application/json; charset=latin1',
      'application/jsonx',
    ]) {
      const res = await post(type);
      expect(res.status, String(type)).toBe(415);
      expect(JSON.parse(res.body), String(type)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'invalid_input' }),
      });
      expect(res.headers['accept-post']).toBe('application/json');
    }
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON;charset="UTF-8"',
    ]) {
      expect((await post(type)).status, type).toBe(200);
    }
  });

  it('answers 415 before reading the body', async () => {
    // The body is announced but never sent: the answer can only come before reading it.
    const port = Number(new URL(t.hub.url).port);
    const status = await new Promise<number>((resolve, reject) => {
      const socket = tcpConnect({ host: '127.0.0.1', port });
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => {
        const m = /^HTTP\/1\.1 (\d{3})/.exec(chunk);
        socket.destroy();
        if (m?.[1]) resolve(Number(m[1]));
        else reject(new Error(chunk));
      });
      socket.on('error', reject);
      socket.write(
        `POST /api/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n`,
      );
    });
    expect(status).toBe(415);
  });
});

describe('request targets', () => {
  let t: TestHub;
  let port = 0;
  beforeAll(async () => {
    t = await startHub({ demo: true });
    port = Number(new URL(t.hub.url).port);
  });
  afterAll(() => t.stop());

  it('answers 400 to targets that are not origin-form paths', async () => {
    for (const target of [
      '//[',
      '//[::1',
      '/%',
      '/%zz',
      '/a%2',
      '*',
      'http://127.0.0.1/healthz',
      '/[x]',
      '/healthz?%',
    ]) {
      expect(await rawStatus(port, target), target).toBe(400);
    }
  });

  it('routes what the path says, never a host hidden in it', async () => {
    expect(await rawStatus(port, '/healthz')).toBe(200);
    expect(await rawStatus(port, '/healthz?probe=1#x')).toBe(200);
    expect(await rawStatus(port, '/api/../healthz')).toBe(200);
    // `new URL('//evil/healthz', base)` would have routed this as /healthz.
    expect(await rawStatus(port, '//evil/healthz')).toBe(404);
  });

  it('parses any string without throwing, and only ever to a path', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), fc.string({ unit: 'binary', maxLength: 32 }), (a, b) => {
        for (const raw of [a, `/${a}`, `//${a}`, `/${b}`, `//[${a}`]) {
          const target = parseTarget(raw);
          if (!target) continue;
          expect(target.pathname.startsWith('/')).toBe(true);
          expect(new URL(`http://hub.invalid${target.pathname}`).host).toBe('hub.invalid');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never answers a fuzzed target with a 5xx, and stays up', async () => {
    const unit = fc.constantFrom(
      ...'/[]%?#@:\\.aZ09-~*!"<>{}|^`\'(),;=+$&_ ',
      'é',
      '漢',
      '%2e',
      '%2F',
      '%00',
    );
    const prefix = fc.constantFrom('', '/', '//', '/api/', '/app/', '/healthz', '/socket.io/', 'http://');
    await fc.assert(
      fc.asyncProperty(prefix, fc.string({ unit, maxLength: 24 }), async (p, rest) => {
        const status = await rawStatus(port, p + rest);
        expect(status, JSON.stringify(p + rest)).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    expect(await rawStatus(port, '/healthz')).toBe(200);
  });
});

describe('hub CLI flags for the edge', () => {
  it('refuses an --allow-origin that is not an origin, with exit 2', async () => {
    const dataDir = tempDir();
    const run = spawnHubCli(['--port', '0', '--data', dataDir, '--allow-origin', 'http://x.example/app']);
    expect((await run.exited).code).toBe(2);
    expect(run.stderr.join('')).toContain('--allow-origin must be an origin');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('allows every --allow-origin given and caps signed-in sessions with --max-signed-in-per-address', async () => {
    const dataDir = tempDir();
    const hub = await startHubProcess([
      ...['--port', '0', '--data', dataDir, '--demo', '--log-level', 'silent'],
      ...['--allow-origin', 'http://127.0.0.1:5170', '--allow-origin', 'https://hub.example.org'],
      ...['--max-signed-in-per-address', '1'],
    ]);
    try {
      for (const origin of ['http://127.0.0.1:5170', 'https://hub.example.org']) {
        const res = await send(hub.url, {
          method: 'POST',
          path: '/api/login',
          headers: { ...json, origin },
          body: demoLogin,
        });
        expect(res.status, origin).toBe(200);
        expect(res.headers['access-control-allow-origin'], origin).toBe(origin);
      }
      const { token } = await login(hub.url, 'agent', 'wings-demo');
      const first = await connect(hub.url, token);
      await expect(connect(hub.url, token)).rejects.toThrow('too_many_connections');
      first.close();
    } finally {
      hub.child.kill('SIGTERM');
      await hub.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the web-mode server beside an external hub', () => {
  let server: StandaloneServer;
  let url = '';
  beforeAll(async () => {
    server = await startStandaloneServer({
      host: '127.0.0.1',
      port: 0,
      prefix: '/app',
      appRoute: (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('app'),
    });
    url = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());

  it('answers 400 to a target that is not a path, and serves the app', async () => {
    expect(await rawStatus(server.port, '//[')).toBe(400);
    expect(await rawStatus(server.port, '/app/')).toBe(200);
  });

  it('takes socket.io handshakes only from its own pages', async () => {
    const handshake = '/socket.io/?EIO=4&transport=polling';
    expect((await send(url, { path: handshake, headers: { origin: 'http://evil.example' } })).status).toBe(
      403,
    );
    expect((await send(url, { path: handshake, headers: { origin: url } })).status).toBe(200);
    expect((await send(url, { path: handshake })).status).toBe(200);
  });
});
