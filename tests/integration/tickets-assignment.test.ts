import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketEvent, TicketSummary } from '../../shared/protocol/tickets';
import type { ClientSocket, TestHub } from '../support/hub-client';
import {
  call,
  connect,
  expectOk,
  login,
  newId,
  signIn,
  startHub,
  unlimitedBudget,
} from '../support/hub-client';
import type { TestOrg } from '../support/tickets';
import { makeOrg, openStarts, startChat, testPassword, withStore } from '../support/tickets';
import { until } from '../support/until';

const graceMs = 300;
/** Longer where a test reconnects within it on a busy machine. */
const awayGraceMs = 1000;

/** Every ticket's assignee and every agent's presence and limit, as the store has them now. */
async function snapshot(dataDir: string, orgId: number) {
  return withStore(dataDir, async (db) => ({
    tickets: await db
      .selectFrom('tickets')
      .select(['id', 'assignee_id', 'status', 'answered', 'created_at'])
      .where('org_id', '=', orgId)
      .orderBy('id')
      .execute(),
    agents: await db
      .selectFrom('agent_states')
      .select(['user_id', 'presence', 'max_concurrent'])
      .where('org_id', '=', orgId)
      .execute(),
    events: await db
      .selectFrom('ticket_messages as m')
      .innerJoin('tickets as t', 't.id', 'm.ticket_id')
      .select(['m.ticket_id', 'm.event'])
      .where('t.org_id', '=', orgId)
      .where('m.kind', '=', 'event')
      .orderBy('m.ticket_id')
      .orderBy('m.seq')
      .execute(),
  }));
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** Loads over limits, counted as the store counts them (new, open, pending). */
function overLimit(s: Snapshot): string[] {
  const loads = new Map<number, number>();
  for (const t of s.tickets) {
    if (t.assignee_id !== null && ['new', 'open', 'pending'].includes(t.status))
      loads.set(t.assignee_id, (loads.get(t.assignee_id) ?? 0) + 1);
  }
  return s.agents
    .filter((a) => (loads.get(a.user_id) ?? 0) > a.max_concurrent)
    .map((a) => `${a.user_id}: ${loads.get(a.user_id)} > ${a.max_concurrent}`);
}

/** Tickets whose conversation shows an assignment while it already had an agent: assigned twice. */
function assignedTwice(s: Snapshot): number[] {
  const holder = new Map<number, number | null>();
  const twice = new Set<number>();
  for (const row of s.events) {
    const event = JSON.parse(row.event ?? 'null') as TicketEvent | null;
    if (!event) continue;
    const current = holder.get(row.ticket_id) ?? null;
    if (event.type === 'assigned') {
      if (current !== null) twice.add(row.ticket_id);
      holder.set(row.ticket_id, event.agent.id);
    } else if (event.type === 'unassigned') holder.set(row.ticket_id, null);
    else if (event.type === 'transferred') holder.set(row.ticket_id, event.to.id);
  }
  return [...twice];
}

describe('auto-assignment under concurrent connects, disconnects and presence changes', () => {
  let t: TestHub;
  let org: TestOrg;
  const names = ['a1', 'a2', 'a3', 'a4'];
  const sockets = new Map<string, ClientSocket>();
  let boss: ClientSocket;

  beforeAll(async () => {
    t = await startHub({
      tickets: { ...openStarts, timings: { offlineGraceMs: graceMs, sweepEveryMs: 100 } },
      budgets: { worker: unlimitedBudget },
    });
    org = await makeOrg(t.dataDir, 'Kumquat Farm', [
      ...names.map((n) => ({ username: n, displayName: `Agent ${n}`, roles: ['agent' as const] })),
      { username: 'boss', displayName: '陈立新', roles: ['supervisor' as const] },
    ]);
    boss = await signIn(t.hub.url, 'boss', testPassword);
    for (const n of names) sockets.set(n, await signIn(t.hub.url, n, testPassword));
  });
  afterAll(async () => {
    for (const s of sockets.values()) s.close();
    boss.close();
    await t.stop();
  });

  it('assigns no ticket twice and keeps every limit, and hands the backlog out once all are back', async () => {
    // One agent takes one conversation at a time (their accommodation profile).
    expectOk(
      await call(boss, 'agents.setProfile', {
        id: newId(),
        userId: org.users.a4 ?? 0,
        profile: { maxConcurrent: 1, reassignAfterMs: null, textOnly: true },
      }),
    );
    await Promise.all(
      names.map(async (n) =>
        expectOk(
          await call(sockets.get(n) as ClientSocket, 'agents.setPresence', {
            id: newId(),
            presence: 'available',
          }),
        ),
      ),
    );
    const violations: string[] = [];
    let storming = true;
    const watcher = (async () => {
      while (storming) {
        const s = await snapshot(t.dataDir, org.orgId);
        violations.push(...overLimit(s));
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    const arrivals = Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i * 10));
        await startChat(t.hub.url, { org: org.orgId, name: `客户${i}`, message: `第${i}个问题：快递到哪了` });
      }),
    );
    const churn = Promise.all(
      names.map(async (n, k) => {
        for (let round = 0; round < 6; round++) {
          const socket = sockets.get(n) as ClientSocket;
          const presence = (round + k) % 2 === 0 ? 'away' : 'available';
          expectOk(await call(socket, 'agents.setPresence', { id: newId(), presence }));
          if ((round + k) % 3 === 0) {
            // A dropped connection that comes back within the grace: no offline in between.
            socket.close();
            sockets.set(n, await signIn(t.hub.url, n, testPassword));
          }
          await new Promise((r) => setTimeout(r, 20 + k * 7));
        }
      }),
    );
    await Promise.all([arrivals, churn]);
    await Promise.all(
      names.map(async (n) =>
        expectOk(
          await call(sockets.get(n) as ClientSocket, 'agents.setPresence', {
            id: newId(),
            presence: 'available',
          }),
        ),
      ),
    );
    // Past a grace, so any offline a reconnect should have cancelled would have happened.
    await new Promise((r) => setTimeout(r, graceMs * 2));
    storming = false;
    await watcher;

    const s = await snapshot(t.dataDir, org.orgId);
    expect(violations).toEqual([]);
    expect(overLimit(s)).toEqual([]);
    expect(assignedTwice(s)).toEqual([]);
    expect(s.tickets).toHaveLength(30);
    expect(s.agents.every((a) => a.presence === 'available')).toBe(true);
    // Capacity is 3 + 3 + 3 + 1: the backlog fills it and no more.
    expect(s.tickets.filter((x) => x.assignee_id !== null)).toHaveLength(10);
    const counts = expectOk(await call(boss, 'tickets.counts', {}));
    expect(counts.unassigned).toBe(20);
    const agents = expectOk(await call(boss, 'agents.list', {}));
    expect(agents.map((a) => a.load).sort()).toEqual([1, 3, 3, 3]);
  });
});

describe('away, offline and the backlog', () => {
  let t: TestHub;
  let org: TestOrg;
  let lan: ClientSocket;
  let ming: ClientSocket;
  let boss: ClientSocket;
  const assignedToLan: TicketSummary[] = [];

  beforeAll(async () => {
    t = await startHub({
      tickets: { ...openStarts, timings: { offlineGraceMs: awayGraceMs, sweepEveryMs: 100 } },
    });
    org = await makeOrg(t.dataDir, 'Pear Orchard', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
      { username: 'ming', displayName: '李明', roles: ['agent'] },
      { username: 'boss', displayName: '陈立新', roles: ['supervisor'] },
    ]);
    lan = await signIn(t.hub.url, 'lan', testPassword);
    ming = await signIn(t.hub.url, 'ming', testPassword);
    boss = await signIn(t.hub.url, 'boss', testPassword);
    lan.on('tickets.assigned', (p: { ticket: TicketSummary }) => assignedToLan.push(p.ticket));
  });
  afterAll(async () => {
    for (const s of [lan, ming, boss]) s.close();
    await t.stop();
  });

  const list = async (view: 'mine' | 'unassigned', socket: ClientSocket) =>
    expectOk(await call(socket, 'tickets.list', { view, sort: 'created' })).items;

  it('returns only unanswered tickets when an agent goes away, and gives the backlog to whoever becomes available', async () => {
    expectOk(await call(lan, 'agents.setPresence', { id: newId(), presence: 'available' }));
    for (const name of ['王芳', '刘洋', '黄伟', '张敏']) await startChat(t.hub.url, { org: org.orgId, name });
    // Three fit Lan's default limit; the fourth waits.
    await until(async () => (await list('mine', lan)).length === 3);
    expect(await list('unassigned', boss)).toHaveLength(1);
    await expect.poll(() => assignedToLan.length).toBe(3);
    const lans = await list('mine', lan);
    const [answered] = lans;
    expectOk(
      await call(lan, 'tickets.reply', {
        id: newId(),
        ticketId: answered?.id ?? 0,
        body: '您好',
        internal: false,
        seenSeq: 99,
        force: true,
      }),
    );
    expectOk(await call(lan, 'agents.setPresence', { id: newId(), presence: 'away' }));
    expect((await list('mine', lan)).map((x) => x.id)).toEqual([answered?.id]);
    const waiting = await list('unassigned', boss);
    expect(waiting).toHaveLength(3);
    const returned = waiting.find((w) => lans.some((l) => l.id === w.id));
    const history = expectOk(await call(boss, 'tickets.messages', { ticketId: returned?.id ?? 0 }));
    expect(history.items.map((m) => m.event?.type)).toContain('unassigned');
    expect(history.items.find((m) => m.event?.type === 'unassigned')?.event).toEqual({
      type: 'unassigned',
      reason: 'away',
    });

    expectOk(await call(ming, 'agents.setPresence', { id: newId(), presence: 'available' }));
    const mine = await list('mine', ming);
    expect(mine.map((x) => x.id)).toEqual(waiting.map((x) => x.id));
    expect(await list('unassigned', boss)).toHaveLength(0);
  });

  it('keeps tickets across a reconnect within the grace, and hands unanswered ones back after it', async () => {
    const before = await list('mine', ming);
    expect(before).toHaveLength(3);
    // Signed in beforehand: the reconnect itself must be quick, as a dropped Wi-Fi's is.
    const { token } = await login(t.hub.url, 'ming', testPassword);
    ming.close();
    ming = await connect(t.hub.url, token);
    await new Promise((r) => setTimeout(r, awayGraceMs * 2));
    expect(await list('mine', ming)).toHaveLength(3);
    expectOk(
      await call(ming, 'tickets.reply', {
        id: newId(),
        ticketId: before[0]?.id ?? 0,
        body: '马上处理',
        internal: false,
        seenSeq: 99,
        force: true,
      }),
    );
    ming.close();
    await until(
      async () => (await list('unassigned', boss)).length === 2,
      5000,
      'unanswered tickets back in the queue',
    );
    const agents = expectOk(await call(boss, 'agents.list', {}));
    expect(agents.find((a) => a.displayName === '李明')?.presence).toBe('offline');
    ming = await signIn(t.hub.url, 'ming', testPassword);
    // Still offline until they say otherwise, with the answered ticket kept.
    expect((await list('mine', ming)).map((x) => x.id)).toEqual([before[0]?.id]);
  });

  it('leaves tickets in the queue in claim mode, and lets one agent claim each', async () => {
    // Every agent hears the change at once: their SLA timers and the queue read it.
    const heard: unknown[] = [];
    lan.on('tickets.settingsChanged', (settings: unknown) => heard.push(settings));
    const saved = expectOk(
      await call(boss, 'tickets.saveSettings', {
        id: newId(),
        assignmentMode: 'claim',
        sla: expectOk(await call(boss, 'tickets.settings', {})).sla,
      }),
    );
    await until(() => heard.length > 0);
    expect(heard).toEqual([saved]);
    expect(saved.assignmentMode).toBe('claim');
    expectOk(await call(lan, 'agents.setPresence', { id: newId(), presence: 'available' }));
    expectOk(await call(ming, 'agents.setPresence', { id: newId(), presence: 'available' }));
    const queued = await list('unassigned', boss);
    expect(queued.length).toBeGreaterThan(0);
    const target = queued[0]?.id ?? 0;
    const [first, second] = await Promise.all([
      call(lan, 'tickets.claim', { id: newId(), ticketId: target }),
      call(ming, 'tickets.claim', { id: newId(), ticketId: target }),
    ]);
    const outcomes = [first, second].map((a) => (a.ok ? 'ok' : a.error.code)).sort();
    expect(outcomes).toEqual(['conflict', 'ok']);
    const s = await snapshot(t.dataDir, org.orgId);
    expect(assignedTwice(s)).toEqual([]);
  });
});
