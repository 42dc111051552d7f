import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelName, ChannelOutput, HostEventName } from '../../shared/bridge';
import type { Ack } from '../../shared/protocol';
import { handleBridgeCall } from '../../electron/host/bridge-dispatch';
import { createHostServices, type HostServices } from '../../electron/host/services';
import { connectHub, demoPasswordOf } from '../../electron/host/embedded-hub';
import { connect, freePort, startHub, tempDir, type TestHub } from '../support/hub-client';

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

function host(options: { fetch?: typeof fetch } = {}): HostServices {
  const services = createHostServices({
    dataDir: dir,
    log: { warn() {}, error() {} },
    hubInfo: () => ({ hubUrl: hub.hub.url, embeddedHub: true, version: 'test', demoPassword: 'wings-demo' }),
    ...options,
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

  it('leaves no live token behind when sign-ins overlap (a double press, two windows)', async () => {
    let answered = 0;
    let allAnswered: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (allAnswered = resolve));
    // Real requests to the real hub; only the revocations wait until every sign-in has been answered,
    // so each sign-in lands while the one before it is still revoking its predecessor.
    const overlapping: typeof fetch = async (input, init) => {
      const url = String(input);
      if (url.endsWith('/api/logout')) await gate;
      const response = await fetch(input, init);
      if (url.endsWith('/api/login') && ++answered === 3) allAnswered();
      return response;
    };
    const s = host({ fetch: overlapping });
    const answers = await Promise.all(
      ['agent', 'anchor', 'employer'].map((username) =>
        call(s, 'session.signIn', { username, password: 'wings-demo' }),
      ),
    );
    const tokens = answers.map((a) => (a.ok ? a.data.token : ''));
    expect(tokens.every((t) => t !== '')).toBe(true);
    const current = await call(s, 'session.current', {});
    const held = current.ok ? current.data.session : null;
    expect(tokens).toContain(held?.token);
    await call(s, 'session.signOut', { sessionId: held?.sessionId });
    // Signed out: not one of the three may still open a socket on the hub.
    const refusals = await Promise.all(
      tokens.map((token) =>
        connect(hub.hub.url, token).then(
          (socket) => {
            socket.close();
            return 'connected';
          },
          (error: Error) => error.message,
        ),
      ),
    );
    expect(refusals).toEqual(['unauthorized', 'unauthorized', 'unauthorized']);
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

  it("keeps each worker's typing history to themselves, and forgets it on request", async () => {
    const s = host();
    const agent = await signIn(s, 'agent');
    // The host learns from what the hub applied, never from text a page hands it.
    const id = uuidv7();
    const body = '亲，您的金桔今天发货';
    const note = { sessionId: agent, id, event: 'team.post', payload: { id, body }, draftKey: null };
    expect((await call(s, 'outbox.put', note)).ok).toBe(true);
    expect(await call(s, 'typing.history', { sessionId: agent })).toEqual({
      ok: true,
      data: { entries: [] },
    });
    expect(await call(s, 'outbox.delivered', { sessionId: agent, id })).toEqual({ ok: true, data: {} });
    expect(await handleBridgeCall(s, 'typing.learn', { sessionId: agent, text: 'planted' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const employer = await signIn(s, 'employer');
    expect(await call(s, 'typing.history', { sessionId: employer })).toEqual({
      ok: true,
      data: { entries: [] },
    });
    expect(await call(s, 'typing.forget', { sessionId: agent })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const back = await signIn(s, 'agent');
    const history = await call(s, 'typing.history', { sessionId: back });
    expect(history.ok && history.data.entries.map((e) => e.text)).toEqual(['亲，您的金桔今天发货']);
    expect(await call(s, 'typing.forget', { sessionId: back })).toEqual({ ok: true, data: { forgotten: 1 } });
    expect(await call(s, 'typing.history', { sessionId: back })).toEqual({ ok: true, data: { entries: [] } });
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

describe('drafts on the host', () => {
  it('puts, gets and deletes, surviving a restart, and refuses one character past the limit', async () => {
    const first = host();
    let sessionId = await signIn(first, 'agent');
    const text = Array.from({ length: 100_000 }, (_, i) => 'a字\né'.charAt(i % 4)).join('');
    await call(first, 'drafts.put', { sessionId, key: 'ticket:7', text });
    await call(first, 'drafts.put', { sessionId, key: 'ticket:8', text: '' });
    const tooLong = await call(first, 'drafts.put', { sessionId, key: 'ticket:7', text: `${text}x` });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    first.close();

    const second = host();
    sessionId = await signIn(second, 'agent');
    const back = await call(second, 'drafts.get', { sessionId, key: 'ticket:7' });
    // Compared as a boolean: a diff of two 100 000-character strings would swamp the report.
    expect(back.ok && back.data.text === text).toBe(true);
    expect(await call(second, 'drafts.get', { sessionId, key: 'ticket:8' })).toMatchObject({
      ok: true,
      data: { text: '' },
    });
    expect(await call(second, 'drafts.delete', { sessionId, key: 'ticket:7' })).toEqual({
      ok: true,
      data: {},
    });
    expect(await call(second, 'drafts.get', { sessionId, key: 'ticket:7' })).toEqual({
      ok: true,
      data: { text: null, updatedAt: null },
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

describe('the embedded hub, on another port each launch', () => {
  it("keeps a worker's drafts and unsent commands across a restart of the workstation", async () => {
    const userData = tempDir('wings-embedded-');
    const first = await freePort();
    let second = await freePort();
    while (second === first) second = await freePort();
    // As the workstation starts: the embedded hub in <userData>/hub, then the host services beside it.
    async function launch(port: number) {
      const connection = await connectHub({ userDataDir: userData, hubUrl: null, port, logLevel: 'silent' });
      const services = createHostServices({
        dataDir: userData,
        log: { warn() {}, error() {} },
        hubInfo: () => ({
          hubUrl: connection.hubUrl,
          embeddedHub: true,
          version: 'test',
          demoPassword: demoPasswordOf(connection),
        }),
      });
      opened.push(services);
      return { connection, services };
    }

    const before = await launch(first);
    let sessionId = await signIn(before.services, 'agent');
    await call(before.services, 'drafts.put', { sessionId, key: 'team.note', text: '下午三点回来' });
    await call(before.services, 'outbox.put', { sessionId, ...note('还没发出去') });
    before.services.close();
    await before.connection.close();

    const after = await launch(second);
    try {
      expect(after.connection.hubUrl).not.toBe(before.connection.hubUrl);
      sessionId = await signIn(after.services, 'agent');
      expect(await call(after.services, 'drafts.get', { sessionId, key: 'team.note' })).toMatchObject({
        ok: true,
        data: { text: '下午三点回来' },
      });
      const listed = await call(after.services, 'outbox.list', { sessionId });
      expect(listed.ok && listed.data.pending.map((e) => e.typed)).toEqual(['还没发出去']);
    } finally {
      after.services.close();
      await after.connection.close();
    }
  });
});
