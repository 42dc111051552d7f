// Customers on /chat writing to agents on one hub, beside a bare socket.io relay measured in the same run.
//   npx tsx tests/bench/chat.bench.ts            (or through `npm run bench`)
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { chatStartResponse } from '../../shared/protocol/chat';
import { login, tempDir } from '../support/hub-client';

/** Concurrent conversations, as the issue names them; CHAT_BENCH_SIZES=2000 runs one. */
const sizes = (process.env.CHAT_BENCH_SIZES ?? '200,1000,2000').split(',').map(Number);
/** CHAT_BENCH_PROFILE=dir writes the hub's CPU profile there (node --cpu-prof). */
const profileDir = process.env.CHAT_BENCH_PROFILE;
/** Messages each customer writes, spread over the window below. */
const perCustomer = 4;
const windowMs = 10_000;
/** Agent sockets listening to the organisation's queue (the demo agent and supervisor, several windows each). */
const agentSockets = 8;
const goalP99Ms = 50;
const goalRatio = 3;

const script = new URL('./chat-server-process.ts', import.meta.url).pathname;

interface Server {
  url: string;
  child: ChildProcess;
}

async function startServer(kind: 'hub' | 'relay', dataDir: string): Promise<Server> {
  const profile = kind === 'hub' && profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script, kind, dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  return { url, child };
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.stdin?.end();
  });
}

function open(url: string, namespace: string, auth: Record<string, string>): Promise<Socket> {
  const socket = io(`${url}${namespace}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

/** Runs `work` over `items` with at most `limit` at once. */
async function inBatches<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i] as T);
      }
    }),
  );
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Figures {
  delivered: number;
  sent: number;
  p50: number;
  p99: number;
  perSecond: number;
}

/** Customer sockets for the hub: each one opens its conversation over HTTP first, as the page does. */
async function hubCustomers(url: string, count: number): Promise<Socket[]> {
  const tokens = await inBatches(
    Array.from({ length: count }, (_, i) => i),
    32,
    async (i) => {
      const body = JSON.stringify({
        id: uuidv7(),
        name: `顾客${i}`,
        message: `你好，我的订单什么时候发货？(${i})`,
        locale: 'zh-CN',
      });
      // A keep-alive connection the hub closed as idle can reset the next request; the start is
      // idempotent by its id, so it is sent again as the page would.
      let res: Response | null = null;
      for (let attempt = 0; res === null; attempt++) {
        res = await fetch(`${url}/api/chat/start`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }).catch((err: unknown) => {
          if (attempt >= 3) throw err;
          return null;
        });
      }
      if (res.status !== 200) throw new Error(`chat start ${res.status}: ${await res.text()}`);
      return chatStartResponse.parse(await res.json()).token;
    },
  );
  return inBatches(tokens, 64, (token) => open(url, '/chat', { token }));
}

async function hubAgents(url: string): Promise<Socket[]> {
  const agent = await login(url, 'agent', 'wings-demo');
  const supervisor = await login(url, 'employer', 'wings-demo');
  return Promise.all(
    Array.from({ length: agentSockets }, (_, i) =>
      open(url, '/', { token: (i % 2 === 0 ? agent : supervisor).token }),
    ),
  );
}

/**
 * Every customer writes `perCustomer` messages at random moments within the
 * window; a message's latency is from its emit to the first agent socket
 * that is pushed it (both ends in this process, one clock).
 */
async function measure(customers: Socket[], agents: Socket[]): Promise<Figures> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  for (const agent of agents) {
    agent.on('tickets.messages', (push: { messages: { commandId: string | null }[] }) => {
      const now = performance.now();
      for (const m of push.messages) {
        const at = m.commandId === null ? undefined : sentAt.get(m.commandId);
        if (at === undefined) continue;
        sentAt.delete(m.commandId as string);
        latencies.push(now - at);
      }
    });
  }
  const started = performance.now();
  let refused = 0;
  await Promise.all(
    customers.flatMap((socket, c) =>
      Array.from(
        { length: perCustomer },
        (_, k) =>
          new Promise<void>((resolve) => {
            setTimeout(() => {
              const id = uuidv7();
              sentAt.set(id, performance.now());
              socket
                .timeout(30_000)
                .emitWithAck('chat.send', { id, body: `第${k}条：还有别的问题 ${c}` })
                .then(
                  (answer: { ok: boolean }) => {
                    if (!answer.ok) refused++;
                  },
                  () => refused++,
                )
                .finally(resolve);
            }, Math.random() * windowMs);
          }),
      ),
    ),
  );
  // The last pushes may still be on their way after the last ack.
  const deadline = performance.now() + 5_000;
  while (sentAt.size > refused && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const wall = performance.now() - started;
  const sorted = [...latencies].sort((a, b) => a - b);
  for (const agent of agents) agent.off('tickets.messages');
  return {
    delivered: latencies.length,
    sent: customers.length * perCustomer,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    perSecond: (latencies.length / wall) * 1000,
  };
}

function row(label: string, f: Figures): string {
  return `${label.padEnd(28)} delivered ${String(f.delivered).padStart(5)}/${String(f.sent).padEnd(5)}  ${f.perSecond.toFixed(0).padStart(5)} msg/s  p50 ${f.p50.toFixed(2).padStart(7)} ms  p99 ${f.p99.toFixed(2).padStart(7)} ms`;
}

export async function runChatBench(): Promise<void> {
  const lines = [
    'chat bench: customers on /chat → agents, one hub (child process), beside a bare socket.io relay',
  ];
  for (const size of sizes) {
    const relay = await startServer('relay', '');
    let base: Figures;
    {
      const customers = await inBatches(
        Array.from({ length: size }, () => 0),
        64,
        () => open(relay.url, '/chat', {}),
      );
      const agents = await Promise.all(Array.from({ length: agentSockets }, () => open(relay.url, '/', {})));
      base = await measure(customers, agents);
      for (const s of [...customers, ...agents]) s.close();
      await stopServer(relay);
    }
    const dir = tempDir('wings-chat-bench-');
    const hub = await startServer('hub', dir);
    try {
      const t0 = performance.now();
      const customers = await hubCustomers(hub.url, size);
      const opened = performance.now() - t0;
      const agents = await hubAgents(hub.url);
      const figures = await measure(customers, agents);
      for (const s of [...customers, ...agents]) s.close();
      lines.push(
        `\n${size} concurrent conversations (opened over HTTP + socket in ${(opened / 1000).toFixed(1)} s)`,
      );
      lines.push(row('  bare socket.io relay', base));
      lines.push(row('  hub /chat → agents', figures));
      const ratio = figures.p99 / base.p99;
      lines.push(
        `  p99 ${figures.p99.toFixed(1)} ms (goal < ${goalP99Ms} ms${size === 2000 ? '' : ' at 2,000'}: ${figures.p99 < goalP99Ms ? 'met' : 'NOT met'}), ${ratio.toFixed(2)}x the relay (goal ≤ ${goalRatio}x: ${ratio <= goalRatio ? 'met' : 'NOT met'})`,
      );
    } finally {
      await stopServer(hub);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(lines.join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runChatBench();
  process.exit(0);
}
