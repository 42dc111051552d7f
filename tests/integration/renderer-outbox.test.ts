import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Session } from '../../renderer/session/session';
import { startHub, type TestHub } from '../support/hub-client';
import {
  lossyParser,
  openWorkstation,
  refusedNote,
  signInOnHost,
  testSession,
  until,
  type Workstation,
} from '../support/workstation';

/**
 * The renderer's outbox end to end, with no view mounted: a real hub, the
 * host's real services on a temp directory, and the renderer's own session
 * classes (plain TypeScript, run here in Node).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ demo: true });
});
afterAll(async () => {
  await hub.stop();
});

let ws: Workstation;
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.dispose();
  await ws.close();
});

async function open(username: string, options: Parameters<typeof testSession>[2] = {}): Promise<Session> {
  ws = await openWorkstation({ hub });
  const session = testSession(ws, await signInOnHost(ws, username), options);
  sessions.push(session);
  await until(() => session.hub.state === 'connected');
  return session;
}

async function teamBodies(session: Session): Promise<string[]> {
  const page = await session.hub.request('team.history', { limit: 200 });
  if (!page.ok) throw new Error(page.error.code);
  return page.data.items.map((m) => m.body);
}

describe('a refusal that arrives while no view is on screen', () => {
  it('keeps the command in "not sent" with its text and reason, across a host restart', async () => {
    const session = await open('employer');
    const body = `Refund for order 5521 approved? (${Date.now()})`;
    const entry = await refusedNote(session, body);
    expect(entry).toMatchObject({ event: 'team.post', typed: body, draftKey: 'team.note' });
    expect(entry.reason.code).toBe('conflict');

    // On the host's disk, not only in this window's memory.
    const listed = await ws.bridge.call('outbox.list', { sessionId: session.id });
    expect(listed.ok && listed.data.notSent.map((e) => [e.id, e.typed, e.reason.code])).toEqual([
      [entry.id, body, 'conflict'],
    ]);
    expect(await teamBodies(session)).not.toContain(body);

    // The host restarts (the worker signs in again): the entry is still there, with its text.
    await session.dispose();
    ws.restartHost();
    const again = testSession(ws, await signInOnHost(ws, 'employer'));
    sessions.push(again);
    await until(() => again.outbox.notSent.length === 1);
    expect(again.outbox.notSent[0]).toMatchObject({
      id: entry.id,
      typed: body,
      reason: { code: 'conflict' },
    });
  });
});

describe('lanes', () => {
  it('a command that keeps failing transiently does not hold back a command on another lane', async () => {
    // The link loses every admin.users.create on the way out: the hub never answers it, it times out.
    const session = await open('employer', {
      hub: { commandTimeoutMs: 300, socketOptions: { parser: lossyParser(['admin.users.create']) } },
      outboxPolicy: { baseDelayMs: 50, maxDelayMs: 100, maxAttempts: 4 },
    });
    const stuckId = uuidv7();
    const stuck = await session.outbox.enqueue(
      'admin.users.create',
      {
        id: stuckId,
        username: `lane-${stuckId.slice(-12)}`,
        displayName: 'Never arrives',
        password: 'temporary-password',
        roles: ['agent'],
      },
      null,
    );
    expect(stuck.ok).toBe(true);
    await until(() => (session.outbox.pending.find((e) => e.id === stuckId)?.attempts ?? 0) >= 1);

    // Queued after it, on the team lane: delivered while the admin command is still failing.
    const body = `Lunch break until 13:00 (${Date.now()})`;
    const note = await session.outbox.enqueue('team.post', { id: uuidv7(), body }, 'team.note');
    expect(note.ok).toBe(true);
    await until(async () => (await teamBodies(session)).includes(body));
    expect(session.outbox.pending.map((e) => e.id)).toContain(stuckId);

    // It is not retried for ever: past the attempt limit it is kept as not sent, with why.
    await until(() => session.outbox.notSent.some((e) => e.id === stuckId));
    expect(session.outbox.notSent.find((e) => e.id === stuckId)?.reason).toEqual({
      code: 'gave_up',
      message: 'The hub did not answer in time.',
    });
    expect(session.outbox.pending).toEqual([]);
  });
});

describe('a queued payload that no longer parses', () => {
  it('goes to "not sent" as outdated, with the typed text, instead of being sent', async () => {
    ws = await openWorkstation({ hub });
    const host = await signInOnHost(ws, 'agent');
    const id = uuidv7();
    const body = `Back at 15:00 (${Date.now()})`;
    const put = await ws.bridge.call('outbox.put', {
      sessionId: host.sessionId,
      id,
      event: 'team.post',
      payload: { id, body },
      draftKey: 'team.note',
    });
    expect(put.ok).toBe(true);
    // As an older Wings would have left it: the field has another name in this version.
    const db = new Database(join(ws.dir, 'host.sqlite'));
    try {
      db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify({ id, text: body }), id);
    } finally {
      db.close();
    }

    const session = testSession(ws, host);
    sessions.push(session);
    await until(() => session.outbox.notSent.some((e) => e.id === id));
    const entry = session.outbox.notSent.find((e) => e.id === id);
    expect(entry?.reason.code).toBe('outdated');
    expect(entry?.typed).toBe(body);
    await until(() => session.hub.state === 'connected');
    expect(await teamBodies(session)).not.toContain(body);
  });
});

/** Another worker signing in on the same workstation as the last `open`. */
async function signedIn(username: string): Promise<Session> {
  const session = testSession(ws, await signInOnHost(ws, username));
  sessions.push(session);
  await until(() => session.hub.state === 'connected');
  await session.typing.load();
  return session;
}

describe('typing history', () => {
  it('learns each sent note on the host, for the same worker only, and forgets it on request', async () => {
    const agent = await open('agent');
    await agent.typing.load();
    expect(agent.typing.texts).toEqual([]);
    const body = `亲，金桔今天发货 ${uuidv7()}`;
    const queued = await agent.outbox.enqueue('team.post', { id: uuidv7(), body }, 'team.note');
    expect(queued.ok).toBe(true);
    await until(() => agent.typing.texts.includes(body));
    await until(async () => {
      const stored = await ws.bridge.call('typing.history', { sessionId: agent.id });
      return stored.ok && stored.data.entries.some((e) => e.text === body);
    });
    await agent.dispose();

    // The next worker on this PC starts with nothing of the agent's words.
    const employer = await signedIn('employer');
    expect(employer.typing.texts).toEqual([]);
    await employer.dispose();

    const back = await signedIn('agent');
    expect(back.typing.texts).toContain(body);
    expect(await back.typing.forget()).toBe(true);
    expect(back.typing.texts).toEqual([]);
    const stored = await ws.bridge.call('typing.history', { sessionId: back.id });
    expect(stored).toEqual({ ok: true, data: { entries: [] } });
  });
});
