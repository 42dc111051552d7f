import { readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/ack';
import type { TeamMessage } from '../../shared/protocol/team';
import { defaultBudgets } from '../../server/protocol/audiences';
import type { BudgetLimits } from '../../server/protocol/budget';
import { tooManyConnectionsMessage } from '../../server/http/session-guard';
import type { ClientSocket } from '../support/hub-client';
import {
  call,
  connect,
  emitRaw,
  expectOk,
  freePort,
  login,
  newId,
  signIn,
  startHub,
  tempDir,
} from '../support/hub-client';
import type { HubProcess } from '../support/hub-process';
import { startHubProcess } from '../support/hub-process';

/** Resident memory of a process, from the kernel's own account. */
function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

const MiB = 1024 * 1024;

function codeOf(answer: unknown): string {
  const ack = answer as Ack<unknown>;
  return ack.ok ? 'ok' : ack.error.code;
}

function tally(answers: unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[codeOf(a)] = (counts[codeOf(a)] ?? 0) + 1;
  return counts;
}

describe('one signed-in user cannot exhaust the hub (child hub process, default budgets)', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const fn of cleanup.splice(0)) fn();
  });

  /** A hub process holding 250 notes of 2,000 characters, and the agent's token. */
  async function hubWithLongNotes(): Promise<{ hub: HubProcess; pid: number; token: string }> {
    const dataDir = tempDir();
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const hub: HubProcess = await startHubProcess([
      '--port',
      String(port),
      '--data',
      dataDir,
      '--demo',
      '--log-level',
      'warn',
    ]);
    cleanup.push(() => hub.child.kill('SIGKILL'));
    const pid = hub.child.pid;
    if (pid === undefined) throw new Error('hub has no pid');
    const { token } = await login(hub.url, 'agent', 'wings-demo');

    // 250 notes of 2,000 characters, Chinese so each is 6,000 bytes of UTF-8: every page of 200 is about 1.2 MB.
    const writers = await Promise.all(Array.from({ length: 5 }, () => connect(hub.url, token)));
    await Promise.all(
      writers.map(async (socket, w) => {
        for (let i = 0; i < 50; i++) {
          const body = `第${w * 50 + i}条：${'库存盘点完毕请核对'.repeat(250)}`.slice(0, 2000);
          expectOk(await call(socket, 'team.post', { id: newId(), body }));
        }
      }),
    );
    for (const socket of writers) socket.close();
    return { hub, pid, token };
  }

  /** Samples the process's RSS until `stop()`, which answers the peak. */
  function peakRss(pid: number): { baseline: number; stop(): number } {
    const baseline = rssBytes(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssBytes(pid));
    }, 20);
    cleanup.push(() => clearInterval(sampler));
    return {
      baseline,
      stop() {
        clearInterval(sampler);
        return Math.max(peak, rssBytes(pid));
      },
    };
  }

  it('survives 5,000 team.history {limit:200} over 250 notes of 2,000 characters under 500 MiB', async () => {
    const { hub, pid, token } = await hubWithLongNotes();
    const attacker = await connect(hub.url, token);
    cleanup.push(() => attacker.close());
    const bystander = await signIn(hub.url, 'employer', 'wings-demo');
    cleanup.push(() => bystander.close());

    const rss = peakRss(pid);
    // Fired without awaiting, as the attack did: 5,000 small requests in one go.
    const flood = Array.from({ length: 5000 }, () =>
      emitRaw(attacker, 'team.history', { limit: 200 }, 120_000).catch((err: unknown) => err),
    );
    // The hub keeps serving someone else while the flood is on.
    const during = await call(bystander, 'session.whoami', {});
    const answers = await Promise.all(flood);
    const peak = rss.stop();

    const counts = tally(answers);
    console.log(
      `amplification: ${JSON.stringify(counts)}; RSS ${Math.round(rss.baseline / MiB)} MiB before, peak ${Math.round(peak / MiB)} MiB`,
    );
    expect(during.ok).toBe(true);
    expect(hub.child.exitCode).toBeNull();
    expect(counts['rate_limited'] ?? 0).toBeGreaterThan(4000);
    expect(counts['ok'] ?? 0).toBeGreaterThan(0);
    // Every request got one of the two answers: none timed out, none broke.
    expect((counts['ok'] ?? 0) + (counts['rate_limited'] ?? 0)).toBe(5000);
    expect(peak).toBeLessThan(500 * MiB);
    const page = answers.find((a) => codeOf(a) === 'ok') as { data: { items: TeamMessage[] } };
    expect(page.data.items).toHaveLength(200);
    expect(expectOk(await call(bystander, 'session.whoami', {})).user.username).toBe('employer');
  });

  it('survives the same 5,000 requests spread over 100 sockets of one user that read nothing, under 500 MiB', async () => {
    const { hub, pid, token } = await hubWithLongNotes();
    // Every socket has its own budget, so the attack's other shape is many sockets, each asking and never reading.
    const tries = await Promise.allSettled(Array.from({ length: 100 }, () => connect(hub.url, token)));
    const attackers = tries.flatMap((t) => (t.status === 'fulfilled' ? [t.value] : []));
    cleanup.push(() => attackers.forEach((s) => s.close()));
    const refused = tries.flatMap((t) => (t.status === 'rejected' ? [String(t.reason)] : []));
    for (const reason of refused) expect(reason).toContain(tooManyConnectionsMessage);
    const bystander = await signIn(hub.url, 'employer', 'wings-demo');
    cleanup.push(() => bystander.close());

    const rss = peakRss(pid);
    for (const socket of attackers) {
      // The client's own WebSocket stops reading (ws's public pause()); what the hub sends stays unread.
      (socket.io.engine.transport as unknown as { ws: { pause(): void } }).ws.pause();
    }
    // Two rounds, a second apart, so every socket's budget refills once: its unread bytes are what grows.
    for (let round = 0; round < 2; round++) {
      for (const socket of attackers) {
        for (let i = 0; i < 5000 / attackers.length / 2; i++)
          socket.emit('team.history', { limit: 200 }, () => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    // The hub still serves someone else; only then is the peak read.
    expect(expectOk(await call(bystander, 'session.whoami', {})).user.username).toBe('employer');
    const peak = rss.stop();
    console.log(
      `${attackers.length} sockets of one user (${refused.length} refused): RSS ${Math.round(rss.baseline / MiB)} MiB before, ` +
        `peak ${Math.round(peak / MiB)} MiB`,
    );
    expect(hub.child.exitCode).toBeNull();
    expect(peak).toBeLessThan(500 * MiB);
  });
});

describe('per-socket budgets (hub in process)', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  async function hubWith(worker: BudgetLimits) {
    const t = await startHub({ demo: true, budgets: { worker } });
    cleanup.push(() => t.stop());
    const { token } = await login(t.hub.url, 'agent', 'wings-demo');
    const open = async (): Promise<ClientSocket> => {
      const socket = await connect(t.hub.url, token);
      cleanup.push(() => void socket.close());
      return socket;
    };
    return { t, token, open };
  }

  it('answers commands past the rate with rate_limited, serves another socket at once, and the first again later', async () => {
    const { open } = await hubWith({
      eventsPerSecond: 5,
      burst: 10,
      maxInFlight: 100,
      maxBufferedBytes: 4 * MiB,
    });
    const greedy = await open();
    const other = await open();
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => emitRaw(greedy, 'session.whoami', {})),
    );
    const elapsedS = (Date.now() - started) / 1000;
    const counts = tally(answers);
    expect(Object.keys(counts).sort()).toEqual(['ok', 'rate_limited']);
    // A token bucket admits its burst, and past it no more than its rate refilled meanwhile.
    expect(counts['ok']).toBeGreaterThanOrEqual(10);
    expect(counts['ok']).toBeLessThanOrEqual(10 + Math.ceil(5 * elapsedS));
    const refusal = answers.find((a) => codeOf(a) === 'rate_limited') as Ack<unknown>;
    expect(refusal).toMatchObject({ ok: false, error: { code: 'rate_limited' } });

    // The budget is the socket's: the same user on another socket is served.
    expect((await call(other, 'session.whoami', {})).ok).toBe(true);
    // The greedy socket is served again once its bucket refills.
    await expect
      .poll(async () => codeOf(await emitRaw(greedy, 'session.whoami', {})), { timeout: 5000, interval: 100 })
      .toBe('ok');
  });

  it('refuses mutations past the in-flight cap without recording them, so a resend applies', async () => {
    const { open } = await hubWith({
      eventsPerSecond: 1000,
      burst: 1000,
      maxInFlight: 3,
      maxBufferedBytes: 4 * MiB,
    });
    const socket = await open();
    const sent = Array.from({ length: 30 }, (_, i) => ({ id: newId(), body: `in flight ${i}` }));
    const answers = await Promise.all(sent.map((input) => emitRaw(socket, 'team.post', input)));
    const counts = tally(answers);
    expect(Object.keys(counts).sort()).toEqual(['ok', 'rate_limited']);
    const refused = sent.filter((_, i) => codeOf(answers[i]) === 'rate_limited');

    // A refused command left nothing behind: resent with the same id, one at a time, each applies once.
    for (const input of refused) expectOk(await call(socket, 'team.post', input));
    const history = expectOk(await call(socket, 'team.history', { limit: 200 }));
    const bodies = history.items.map((m) => m.body).filter((b) => b.startsWith('in flight '));
    expect(bodies.sort()).toEqual(sent.map((s) => s.body).sort());
  });

  it('drops ephemeral events past their own per-second rate without an answer', async () => {
    const { t, open } = await hubWith({
      eventsPerSecond: 1000,
      burst: 1000,
      maxInFlight: 100,
      maxBufferedBytes: 4 * MiB,
    });
    const typist = await open();
    const watcher = await signIn(t.hub.url, 'employer', 'wings-demo');
    cleanup.push(() => void watcher.close());
    const seen: string[] = [];
    watcher.on('team.typing', () => seen.push('typing'));
    watcher.on('team.messages', (p: { messages: TeamMessage[] }) =>
      seen.push(...p.messages.map((m) => `message ${m.body}`)),
    );
    const answeredTypist: unknown[] = [];
    typist.onAny((...args: unknown[]) => answeredTypist.push(args));

    typist.emit('team.typing', {});
    await expect.poll(() => seen).toEqual(['typing']);
    // team.typing allows one a second: these are over it. The post after them is the marker, since a
    // relayed typing would reach the watcher before the post's push does.
    for (let i = 0; i < 5; i++) typist.emit('team.typing', {});
    expectOk(await call(typist, 'team.post', { id: newId(), body: 'marker' }));
    await expect.poll(() => seen.at(-1)).toBe('message marker');
    expect(seen).toEqual(['typing', 'message marker']);
    // Dropped events get no answer of any kind: the push of its own post is all the typist receives.
    await expect.poll(() => answeredTypist.length).toBeGreaterThanOrEqual(1);
    expect(answeredTypist.map((args) => (args as unknown[])[0])).toEqual(['team.messages']);

    // A second later the rate allows one again.
    await expect
      .poll(
        () => {
          typist.emit('team.typing', {});
          return seen.filter((s) => s === 'typing').length;
        },
        { timeout: 5000, interval: 200 },
      )
      .toBeGreaterThanOrEqual(2);
  });

  it('stops answering, then closes, a socket that asks and does not read its answers', async () => {
    const limit = 256 * 1024;
    const { t, open } = await hubWith({
      eventsPerSecond: 1e6,
      burst: 1e6,
      maxInFlight: 8,
      maxBufferedBytes: limit,
    });
    const writer = await open();
    for (let i = 0; i < 50; i++) {
      const body = `${i}：${'库存盘点完毕请核对'.repeat(250)}`.slice(0, 2000);
      expectOk(await call(writer, 'team.post', { id: newId(), body }));
    }
    const reader = await open();
    // The client's own WebSocket stops reading (ws's public pause()); what the hub sends now stays unread.
    const transport = reader.io.engine.transport as unknown as { ws: { pause(): void } };
    transport.ws.pause();
    const id = reader.id;
    const nsp = t.hub.io.of('/');
    const served = id === undefined ? undefined : nsp.sockets.get(id);
    if (!served) throw new Error('the hub does not know the reader');
    const reasons: string[] = [];
    served.once('disconnect', (reason) => reasons.push(reason));
    await expect
      .poll(
        () => {
          // Each round asks for more pages of about 300 KB; none of the answers is ever read.
          for (let i = 0; i < 200; i++) reader.emit('team.history', { limit: 200 }, () => undefined);
          return id !== undefined && nsp.sockets.has(id);
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(false);
    // Closed by the budget, not by engine.io's ping timeout (which a paused client also meets, later).
    expect(reasons).toEqual(['server namespace disconnect']);
    // Everyone else is still served.
    expect(expectOk(await call(writer, 'session.whoami', {})).user.username).toBe('agent');
  });

  it('keeps serving another user while one socket floods 5,000 posts', async () => {
    const budget = defaultBudgets.worker;
    const { t, open } = await hubWith(budget);
    const flooder = await open();
    const other = await signIn(t.hub.url, 'employer', 'wings-demo');
    cleanup.push(() => void other.close());
    const started = Date.now();
    const flood = Array.from({ length: 5000 }, (_, i) =>
      emitRaw(flooder, 'team.post', { id: newId(), body: `flood ${i}` }, 60_000),
    );
    const whoami = await Promise.all(Array.from({ length: 5 }, () => call(other, 'session.whoami', {})));
    const counts = tally(await Promise.all(flood));
    const elapsedS = (Date.now() - started) / 1000;
    for (const w of whoami) expect(expectOk(w).user.username).toBe('employer');
    expect(counts['ok'] ?? 0).toBeGreaterThan(0);
    // The burst and what the rate refilled while the flood was answered; every other post refused.
    expect(counts['ok'] ?? 0).toBeLessThanOrEqual(
      budget.burst + Math.ceil(budget.eventsPerSecond * elapsedS),
    );
    expect((counts['ok'] ?? 0) + (counts['rate_limited'] ?? 0)).toBe(5000);
    const history = expectOk(await call(other, 'team.history', { limit: 200 }));
    expect(history.items.filter((m) => m.body.startsWith('flood ')).length).toBe(counts['ok']);
  });
});
