import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../server/app';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface WebMode {
  child: ChildProcessWithoutNullStreams;
  origin: string;
  token: string;
  lines: string[];
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: WebMode[] = [];
const sockets: Socket[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wings-web-'));
  dirs.push(dir);
  return dir;
}

/** Starts `electron/web/main.ts` the way start-web.mjs does and waits for its `open` line. */
async function startWebMode(args: string[]): Promise<WebMode> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', ...args], { cwd: root });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const opened = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('open '));
      if (line) resolve(line);
    });
    void exited.then((code) => reject(new Error(`web mode exited with ${code}: ${err}`)));
  });
  const match = /^open (http:\/\/127\.0\.0\.1:\d+)\/app\/\?token=([A-Za-z0-9_-]{43})$/.exec(opened);
  if (!match?.[1] || !match[2]) throw new Error(`unexpected open line: ${opened}`);
  // Web mode prints its start-up lines in one write, so the chunk with `open` holds the demo lines too.
  const web: WebMode = {
    child,
    origin: match[1],
    token: match[2],
    lines: out.trim().split('\n'),
    stderr: () => err,
    exited,
  };
  running.push(web);
  return web;
}

async function stop(web: WebMode): Promise<number | null> {
  web.child.kill('SIGTERM');
  return web.exited;
}

function bridge(origin: string, auth: Record<string, unknown>): Socket {
  const socket = connect(`${origin}/bridge`, { auth, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  return socket;
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

function refused(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the bridge accepted a connection it should refuse')));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

function call(socket: Socket, name: string, input: unknown): Promise<unknown> {
  return socket.timeout(10_000).emitWithAck('call', name, input);
}

afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  for (const web of running) if (web.child.exitCode === null) await stop(web);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('web mode with the embedded hub', () => {
  let web: WebMode;
  let data: string;
  beforeAll(async () => {
    data = tempDir();
    web = await startWebMode(['--port', '0', '--data', data]);
  });

  it('prints one open line, then the demo sign-ins of the freshly seeded hub', () => {
    expect(web.lines.filter((l) => l.startsWith('open '))).toHaveLength(1);
    expect(web.lines.slice(1)).toEqual([
      'demo sign-in: agent / wings-demo',
      'demo sign-in: anchor / wings-demo',
      'demo sign-in: employer / wings-demo',
    ]);
    expect(existsSync(join(data, 'host.sqlite'))).toBe(true);
    expect(existsSync(join(data, 'hub', 'hub.sqlite'))).toBe(true);
  });

  it('refuses bridge connections without the token or with a wrong one', async () => {
    expect(await refused(bridge(web.origin, {}))).toBe('unauthorized');
    expect(await refused(bridge(web.origin, { token: 'x'.repeat(43) }))).toBe('unauthorized');
    expect(await refused(bridge(web.origin, { token: web.token.slice(0, -1) }))).toBe('unauthorized');
    expect(await refused(bridge(web.origin, { token: 42 }))).toBe('unauthorized');
  });

  it('answers settings.get and host.info with the token, and host.info names a live hub', async () => {
    const socket = bridge(web.origin, { token: web.token });
    await connected(socket);
    expect(await call(socket, 'settings.get', {})).toMatchObject({ ok: true, data: { hubUrl: null } });
    const info = (await call(socket, 'host.info', {})) as { ok: true; data: { hubUrl: string } };
    expect(info).toEqual({
      ok: true,
      data: {
        hubUrl: web.origin,
        embeddedHub: true,
        transport: 'web',
        version: expect.any(String),
        demoPassword: 'wings-demo',
      },
    });
    const health = await fetch(`${info.data.hubUrl}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('refuses malformed calls with invalid_input and keeps the connection', async () => {
    const socket = bridge(web.origin, { token: web.token });
    await connected(socket);
    expect(await call(socket, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call(socket, 'drafts.put', { key: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call(socket, 'window.flash', { reason: 'ping' })).toEqual({ ok: true, data: {} });
    expect(await call(socket, 'shell.openExternal', { url: 'https://example.com/' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    expect(socket.connected).toBe(true);
  });

  it('carries a draft of the largest size the contract allows (100 000 CJK characters)', async () => {
    const socket = bridge(web.origin, { token: web.token });
    await connected(socket);
    const text = '客户您好，'.repeat(20_000);
    // Drafts belong to the signed-in worker: the host names them by its session.
    const signedIn = (await call(socket, 'session.signIn', {
      username: 'agent',
      password: 'wings-demo',
    })) as {
      data: { sessionId: string };
    };
    const { sessionId } = signedIn.data;
    expect(await call(socket, 'drafts.put', { sessionId, key: 'ticket:1', text })).toMatchObject({
      ok: true,
    });
    const back = (await call(socket, 'drafts.get', { sessionId, key: 'ticket:1' })) as {
      ok: true;
      data: { text: string };
    };
    expect(back.data.text === text).toBe(true);
  });

  it('serves /app: the built renderer, or a 503 page that says how to build it', async () => {
    const res = await fetch(`${web.origin}/app/?token=${web.token}`);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    if (res.status === 503) expect(await res.text()).toContain('npm run build:web');
    else {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('exits 0 on SIGTERM, and a restart keeps settings, the launch token and the demo sign-in', async () => {
    const socket = bridge(web.origin, { token: web.token });
    await connected(socket);
    await call(socket, 'settings.update', { language: 'zh-CN' });
    socket.disconnect();
    expect(await stop(web)).toBe(0);

    const again = await startWebMode(['--port', '0', '--data', data]);
    // The same data directory, the same token: a page opened before the restart carries on.
    expect(again.token).toBe(web.token);
    expect(again.lines).toContain('demo sign-in: agent / wings-demo');
    const next = bridge(again.origin, { token: again.token });
    await connected(next);
    expect(await call(next, 'settings.get', {})).toMatchObject({ ok: true, data: { language: 'zh-CN' } });
    expect(await call(next, 'host.info', {})).toMatchObject({
      ok: true,
      data: { demoPassword: 'wings-demo' },
    });
    expect(await stop(again)).toBe(0);
  });
});

describe('web mode with --hub', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await createHub({ dataDir: tempDir(), port: 0, demo: true, logLevel: 'silent' });
  });
  afterAll(async () => {
    await hub.close();
  });

  it('starts no hub of its own, serves the bridge itself and names the given hub', async () => {
    const data = tempDir();
    const web = await startWebMode(['--port', '0', '--data', data, '--hub', hub.url]);
    expect(web.lines).toHaveLength(1);
    expect(web.origin).not.toBe(hub.url);
    expect(existsSync(join(data, 'hub'))).toBe(false);

    expect(await refused(bridge(web.origin, {}))).toBe('unauthorized');
    const socket = bridge(web.origin, { token: web.token });
    await connected(socket);
    expect(await call(socket, 'host.info', {})).toEqual({
      ok: true,
      data: {
        hubUrl: hub.url,
        embeddedHub: false,
        transport: 'web',
        version: expect.any(String),
        demoPassword: null,
      },
    });
    // The local server's default namespace takes nobody: only /bridge is for the renderer.
    const plain = connect(web.origin, { transports: ['websocket'], reconnection: false });
    sockets.push(plain);
    expect(await refused(plain)).toBe('unauthorized');

    const page = await fetch(`${web.origin}/app/`);
    expect([200, 503]).toContain(page.status);
    if (page.status === 200) expect(page.headers.get('content-security-policy')).toContain(hub.url);
    expect(await stop(web)).toBe(0);
  });

  it('keeps the launch token in the data directory, readable by its owner only', async () => {
    const data = tempDir();
    const first = await startWebMode(['--port', '0', '--data', data, '--hub', hub.url]);
    const file = join(data, 'web-token');
    expect(readFileSync(file, 'utf8')).toBe(`${first.token}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await stop(first)).toBe(0);

    // A copy with looser rights is tightened; the token itself is kept.
    chmodSync(file, 0o644);
    const second = await startWebMode(['--port', '0', '--data', data, '--hub', hub.url]);
    expect(second.token).toBe(first.token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await connected(bridge(second.origin, { token: first.token }));
    expect(await stop(second)).toBe(0);
  });

  it.each([
    ['short', 'abc\n'],
    ['empty', ''],
    ['not base64url', `${'!'.repeat(43)}\n`],
  ])('replaces a %s token file with a new token and says so', async (_kind, content) => {
    const data = tempDir();
    const file = join(data, 'web-token');
    writeFileSync(file, content, { mode: 0o644 });
    const web = await startWebMode(['--port', '0', '--data', data, '--hub', hub.url]);
    expect(readFileSync(file, 'utf8')).toBe(`${web.token}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(web.stderr()).toContain('does not hold a valid token; replaced with a new one');
    // No temporary file is left beside it.
    expect(existsSync(`${file}.${web.child.pid ?? 0}.tmp`)).toBe(false);
    await connected(bridge(web.origin, { token: web.token }));
    expect(await stop(web)).toBe(0);
  });

  it('refuses bad arguments with one line and exit 1', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', '--hub', 'ftp://x'], {
      cwd: root,
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([
      'web mode could not start: --hub must be an http(s) URL, got ftp://x',
    ]);
  });
});
