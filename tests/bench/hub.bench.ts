import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { v7 as uuidv7 } from 'uuid';
import { createHub } from '../../server/app';
import type { ClientSocket } from '../support/hub-client';
import { connect, login, tempDir } from '../support/hub-client';

const clients = 100;
const whoamiPerClient = 30;
const postsPerClient = 10;
const logins = 30;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summary(name: string, samples: number[], wallMs?: number): string {
  const s = [...samples].sort((a, b) => a - b);
  const rate = wallMs ? `  ${Math.round((samples.length / wallMs) * 1000)}/s` : '';
  return `${name.padEnd(44)} n=${String(samples.length).padStart(5)}  p50 ${percentile(s, 50).toFixed(2).padStart(7)} ms  p99 ${percentile(s, 99).toFixed(2).padStart(7)} ms${rate}`;
}

async function waitHealthy(url: string): Promise<void> {
  for (;;) {
    const res = await fetch(`${url}/healthz`).catch(() => null);
    if (res?.status === 200) return;
  }
}

/** Every client sends `perClient` requests one after another; all clients at once. */
async function load(
  sockets: ClientSocket[],
  perClient: number,
  request: (socket: ClientSocket, i: number) => Promise<unknown>,
): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    sockets.map(async (socket) => {
      for (let i = 0; i < perClient; i++) {
        const t0 = performance.now();
        const answer = await request(socket, i);
        samples.push(performance.now() - t0);
        if (!(answer as { ok?: unknown }).ok) throw new Error(`request failed: ${JSON.stringify(answer)}`);
      }
    }),
  );
  return { samples, wallMs: performance.now() - started };
}

async function echoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const http = createServer();
  const io = new Server(http, { maxHttpBufferSize: 256 * 1024, serveClient: false });
  io.on('connection', (socket) => {
    socket.on('echo', (payload: unknown, ack: unknown) => {
      if (typeof ack === 'function') ack({ ok: true, data: payload });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => io.close(() => resolve())),
  };
}

export async function runHubBench(): Promise<void> {
  const lines: string[] = ['hub bench'];
  const dirs: string[] = [];

  // Cold start: migrations on an empty store, then reopening it; both until /healthz answers.
  const fresh = tempDir('wings-bench-');
  dirs.push(fresh);
  let t0 = performance.now();
  let hub = await createHub({ dataDir: fresh, logLevel: 'silent' });
  await waitHealthy(hub.url);
  lines.push(`cold start, empty dir → /healthz 200       ${(performance.now() - t0).toFixed(1)} ms`);
  await hub.close();
  t0 = performance.now();
  hub = await createHub({ dataDir: fresh, logLevel: 'silent' });
  await waitHealthy(hub.url);
  lines.push(`reopen existing dir → /healthz 200         ${(performance.now() - t0).toFixed(1)} ms`);
  await hub.close();

  const demoDir = tempDir('wings-bench-');
  dirs.push(demoDir);
  t0 = performance.now();
  hub = await createHub({ dataDir: demoDir, demo: true, logLevel: 'silent' });
  await waitHealthy(hub.url);
  lines.push(`cold start with demo seed → /healthz 200   ${(performance.now() - t0).toFixed(1)} ms`);

  try {
    const loginSamples: number[] = [];
    for (let i = 0; i < logins; i++) {
      const s = performance.now();
      await login(hub.url, 'agent', 'wings-demo');
      loginSamples.push(performance.now() - s);
    }
    lines.push(summary('login round trip (scrypt N=2^15), sequential', loginSamples));

    const { token } = await login(hub.url, 'agent', 'wings-demo');
    t0 = performance.now();
    const sockets = await Promise.all(Array.from({ length: clients }, () => connect(hub.url, token)));
    lines.push(`${clients} authenticated socket connects          ${(performance.now() - t0).toFixed(1)} ms`);

    // Warm-up so JIT and SQLite caches do not land in the figures.
    await load(sockets, 3, (s) => s.timeout(10_000).emitWithAck('session.whoami', {}));
    const whoami = await load(sockets, whoamiPerClient, (s) =>
      s.timeout(10_000).emitWithAck('session.whoami', {}),
    );
    lines.push(summary(`session.whoami, ${clients} clients concurrently`, whoami.samples, whoami.wallMs));
    const posts = await load(sockets, postsPerClient, (s, i) =>
      s.timeout(10_000).emitWithAck('team.post', { id: uuidv7(), body: `bench ${i}` }),
    );
    lines.push(summary(`team.post (fsync per commit), ${clients} clients`, posts.samples, posts.wallMs));
    for (const s of sockets) s.close();

    const echo = await echoServer();
    try {
      const bare = await Promise.all(Array.from({ length: clients }, () => connect(echo.url, 'none')));
      await load(bare, 3, (s) => s.timeout(10_000).emitWithAck('echo', {}));
      const echoed = await load(bare, whoamiPerClient, (s) => s.timeout(10_000).emitWithAck('echo', {}));
      lines.push(
        summary(`bare socket.io echo, ${clients} clients (baseline)`, echoed.samples, echoed.wallMs),
      );
      for (const s of bare) s.close();
    } finally {
      await echo.close();
    }
  } finally {
    await hub.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  console.log(lines.join('\n'));
}
