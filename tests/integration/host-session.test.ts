import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelName, ChannelOutput, HostEventName } from '../../shared/bridge';
import type { Ack } from '../../shared/protocol';
import { handleBridgeCall } from '../../electron/host/bridge-dispatch';
import { createHostServices, type HostServices } from '../../electron/host/services';
import { startHub, tempDir, type TestHub } from '../support/hub-client';

/**
 * The host is the authority on who is signed in: real host services on a temp
 * directory, signing in to a real demo hub, as a renderer on a shared PC would
 * drive them through the bridge.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ demo: true });
});
afterAll(async () => {
  await hub.stop();
});

let dir: string;
let opened: HostServices[] = [];
beforeEach(() => {
  dir = tempDir('wings-host-');
  opened = [];
});
afterEach(() => {
  for (const s of opened) s.close();
});

function host(): HostServices {
  const services = createHostServices({
    dataDir: dir,
    log: { warn() {}, error() {} },
    hubInfo: () => ({ hubUrl: hub.hub.url, embeddedHub: true, version: 'test', demoPassword: 'wings-demo' }),
  });
  opened.push(services);
  return services;
}

function call<N extends ChannelName>(
  s: HostServices,
  name: N,
  input: unknown,
): Promise<Ack<ChannelOutput<N>>> {
  return handleBridgeCall(s, name, input) as Promise<Ack<ChannelOutput<N>>>;
}

async function signIn(s: HostServices, username: string): Promise<string> {
  const answer = await call(s, 'session.signIn', { username, password: 'wings-demo' });
  if (!answer.ok) throw new Error(`sign-in as ${username}: ${answer.error.code}`);
  return answer.data.sessionId;
}

function heard(s: HostServices): { name: HostEventName; payload: unknown }[] {
  const events: { name: HostEventName; payload: unknown }[] = [];
  s.events.subscribe((name, payload) => events.push({ name, payload }));
  return events;
}

const note = (body: string) => {
  const id = uuidv7();
  return { id, event: 'team.post', payload: { id, body }, draftKey: 'team.note' };
};

describe('sign-in through the host', () => {
  it('keeps the session, refuses a wrong password, and tells windows when it changes', async () => {
    const s = host();
    const events = heard(s);
    const wrong = await call(s, 'session.signIn', { username: 'agent', password: 'not-it' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call(s, 'session.current', {})).toEqual({ ok: true, data: { session: null } });

    const sessionId = await signIn(s, 'agent');
    const current = await call(s, 'session.current', {});
    expect(current.ok && current.data.session).toMatchObject({
      sessionId,
      hubUrl: hub.hub.url,
      user: { username: 'agent', roles: ['agent'] },
    });
    expect(await call(s, 'session.signOut', { sessionId })).toEqual({ ok: true, data: {} });
    expect(await call(s, 'session.current', {})).toEqual({ ok: true, data: { session: null } });
    expect(events.filter((e) => e.name === 'session.changed').map((e) => e.payload)).toEqual([
      { signedIn: true },
      { signedIn: false },
    ]);
  });

  it('answers unavailable, not a crash, when the hub cannot be reached', async () => {
    const s = createHostServices({
      dataDir: dir,
      log: { warn() {}, error() {} },
      hubInfo: () => ({
        hubUrl: 'http://127.0.0.1:1',
        embeddedHub: false,
        version: 'test',
        demoPassword: null,
      }),
    });
    opened.push(s);
    const answer = await call(s, 'session.signIn', { username: 'agent', password: 'wings-demo' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('a shared workstation', () => {
  it('binds drafts to the signed-in worker: the next one neither reads nor overwrites them', async () => {
    const s = host();
    const agent = await signIn(s, 'agent');
    await call(s, 'drafts.put', { sessionId: agent, key: 'team.note', text: '客户说金桔压坏了' });
    const employer = await signIn(s, 'employer');
    expect(await call(s, 'drafts.get', { sessionId: employer, key: 'team.note' })).toEqual({
      ok: true,
      data: { text: null, updatedAt: null },
    });
    // The agent's session ended when the employer signed in: its id opens nothing any more.
    expect(await call(s, 'drafts.get', { sessionId: agent, key: 'team.note' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const back = await signIn(s, 'agent');
    expect(await call(s, 'drafts.get', { sessionId: back, key: 'team.note' })).toMatchObject({
      ok: true,
      data: { text: '客户说金桔压坏了' },
    });
  });

  it('never lets one worker queue a command that goes out as the next one (the admin-creation attack)', async () => {
    const s = host();
    const agent = await signIn(s, 'agent');
    const id = uuidv7();
    const attack = {
      id,
      event: 'admin.users.create',
      payload: { id, username: 'mallory', displayName: 'M', password: 'long-enough-pw', roles: ['admin'] },
      draftKey: null,
    };
    // The renderer cannot name an owner at all: the contract has no such field.
    const withOwner = await call(s, 'outbox.put', {
      sessionId: agent,
      ...attack,
      owner: `${hub.hub.url}#3`,
    });
    expect(withOwner).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Queued plainly, it belongs to the agent, whose own token the hub will refuse it for.
    expect((await call(s, 'outbox.put', { sessionId: agent, ...attack })).ok).toBe(true);
    const employer = await signIn(s, 'employer');
    const listed = await call(s, 'outbox.list', { sessionId: employer });
    expect(listed).toEqual({ ok: true, data: { pending: [], notSent: [] } });
    // And a call still naming the agent's old session is refused outright.
    expect(await call(s, 'outbox.list', { sessionId: agent })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('the outbox on the host', () => {
  it('checks what is queued is that command, and stamps its lane and typed text', async () => {
    const s = host();
    const sessionId = await signIn(s, 'agent');
    const good = await call(s, 'outbox.put', { sessionId, ...note('  到了  ') });
    expect(good.ok && good.data.entry).toMatchObject({
      lane: 'team',
      typed: '到了',
      draftKey: 'team.note',
      attempts: 0,
    });
    const id = uuidv7();
    for (const bad of [
      { id, event: 'team.post', payload: { id, body: '' }, draftKey: null },
      { id, event: 'team.post', payload: { id: uuidv7(), text: 'wrong field' }, draftKey: null },
      { id, event: 'team.history', payload: {}, draftKey: null },
    ]) {
      expect(await call(s, 'outbox.put', { sessionId, ...bad })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });

  it('keeps refused entries as "not sent" across a restart until the worker retries or discards them', async () => {
    const first = host();
    let sessionId = await signIn(first, 'agent');
    const events = heard(first);
    const kept = note('请帮我退款');
    const other = note('second');
    await call(first, 'outbox.put', { sessionId, ...kept });
    await call(first, 'outbox.put', { sessionId, ...other });
    await call(first, 'outbox.notSent', {
      sessionId,
      id: kept.id,
      reason: { code: 'forbidden', message: 'Your role does not allow this.' },
    });
    // A pending entry cannot be discarded: only what the worker sees as "not sent" can.
    expect(await call(first, 'outbox.discard', { sessionId, id: other.id })).toMatchObject({ ok: false });
    expect(events.at(-1)).toEqual({ name: 'outbox.changed', payload: { pending: 1, notSent: 1 } });
    first.close();

    const second = host();
    sessionId = await signIn(second, 'agent');
    const listed = await call(second, 'outbox.list', { sessionId });
    expect(listed.ok && listed.data.notSent.map((e) => [e.typed, e.reason.code])).toEqual([
      ['请帮我退款', 'forbidden'],
    ]);
    expect(await call(second, 'outbox.retry', { sessionId, id: kept.id })).toEqual({ ok: true, data: {} });
    const retried = await call(second, 'outbox.list', { sessionId });
    expect(retried.ok && retried.data.pending.map((e) => [e.typed, e.attempts])).toEqual([
      ['请帮我退款', 0],
      ['second', 0],
    ]);
    await call(second, 'outbox.notSent', {
      sessionId,
      id: kept.id,
      reason: { code: 'gave_up', message: 'x' },
    });
    expect(await call(second, 'outbox.discard', { sessionId, id: kept.id })).toEqual({ ok: true, data: {} });
    const after = await call(second, 'outbox.list', { sessionId });
    expect(after.ok && after.data.notSent).toEqual([]);
  });

  it('moves a stored entry that no longer parses to "not sent" with a reason when the host starts', async () => {
    const first = host();
    const sessionId = await signIn(first, 'agent');
    const entry = note('written by an older Wings');
    await call(first, 'outbox.put', { sessionId, ...entry });
    first.close();
    // As if an older version had queued a shape this version no longer accepts.
    const db = new Database(join(dir, 'host.sqlite'));
    db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run(
      JSON.stringify({ id: entry.id, text: 'old' }),
      entry.id,
    );
    db.close();
    const second = host();
    const again = await signIn(second, 'agent');
    const listed = await call(second, 'outbox.list', { sessionId: again });
    expect(listed.ok && listed.data.pending).toEqual([]);
    expect(listed.ok && listed.data.notSent.map((e) => [e.typed, e.reason.code])).toEqual([
      ['written by an older Wings', 'outdated'],
    ]);
  });
});
