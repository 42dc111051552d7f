import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handleBridgeCall } from '../../electron/host/bridge-dispatch';
import { hostDbFileName } from '../../electron/host/host-db';
import { createHostServices, type HostServices } from '../../electron/host/services';
import type { ChannelName, ChannelOutput } from '../../shared/bridge';
import type { Ack } from '../../shared/protocol';
import { clockInput } from '../../shared/protocol/shifts';
import { startHub, tempDir, type TestHub } from '../support/hub-client';

/** Clock events on the host's disk, through the bridge, signed in to a real demo hub as the renderer would. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ demo: true });
});
afterAll(async () => {
  await hub.stop();
});

let opened: HostServices[] = [];
afterEach(() => {
  for (const s of opened) s.close();
  opened = [];
});

let clock = Date.UTC(2026, 11, 3, 1, 0, 0);
function host(dir: string): HostServices {
  const services = createHostServices({
    dataDir: dir,
    log: { warn() {}, error() {} },
    now: () => clock,
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

async function record(s: HostServices, sessionId: string, event: Record<string, unknown>) {
  const answer = await call(s, 'clock.record', { sessionId, event });
  if (!answer.ok) throw new Error(`clock.record: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

async function list(s: HostServices, sessionId: string) {
  const answer = await call(s, 'clock.list', { sessionId });
  if (!answer.ok) throw new Error(`clock.list: ${answer.error.code}`);
  return answer.data;
}

describe('clock.record and clock.list', { timeout: 30_000 }, () => {
  it('writes the event and its shifts.clock entry together, and keeps both across a restart', async () => {
    const dir = tempDir('wings-host-clock-');
    let s = host(dir);
    const agent = await signIn(s, 'agent');
    const changes: unknown[] = [];
    s.events.subscribe((name, payload) => {
      if (name === 'outbox.changed') changes.push(payload);
    });

    const clockIn = await record(s, agent, { kind: 'in', deviceSkewMs: 1_500 });
    expect(clockIn.event).toMatchObject({ kind: 'in', counter: 1, deviceAt: clock, status: 'pending' });
    // The outbox entry is the hub's command, word for word, under the same id, in the clock lane.
    expect(clockIn.entry).toMatchObject({
      id: clockIn.event.commandId,
      event: 'shifts.clock',
      lane: 'clock',
    });
    expect(clockInput.parse(clockIn.entry.payload)).toEqual({
      id: clockIn.event.commandId,
      kind: 'in',
      deviceId: clockIn.event.deviceId,
      counter: 1,
      deviceAt: clock,
      deviceSkewMs: 1_500,
    });
    // Every window hears that the outbox changed, so the renderer's sender reads it and sends it.
    expect(changes.at(-1)).toEqual({ pending: 1, notSent: 0 });

    clock += 60_000;
    // No new measurement: the last one the host was given goes with it.
    const onBreak = await record(s, agent, { kind: 'break_start', breakReason: 'medical' });
    expect(onBreak.event).toMatchObject({ counter: 2, breakReason: 'medical', deviceSkewMs: 1_500 });
    expect(onBreak.entry.payload).toMatchObject({ breakReason: 'medical', counter: 2, deviceSkewMs: 1_500 });

    const outbox = await call(s, 'outbox.list', { sessionId: agent });
    expect(outbox.ok && outbox.data.pending.map((e) => e.id)).toEqual([
      clockIn.event.commandId,
      onBreak.event.commandId,
    ]);
    await call(s, 'session.signOut', { sessionId: agent });
    s.close();

    // Restarted on the same file: the events, the device and the counter are where they were.
    clock += 60_000;
    s = host(dir);
    const again = await signIn(s, 'agent');
    const before = await list(s, again);
    expect(before.deviceId).toBe(clockIn.event.deviceId);
    expect(before.skewMs).toBe(1_500);
    expect(before.pending).toBe(2);
    expect(before.events.map((e) => [e.kind, e.counter])).toEqual([
      ['break_start', 2],
      ['in', 1],
    ]);
    const back = await record(s, again, { kind: 'break_end', deviceSkewMs: null });
    expect(back.event).toMatchObject({ counter: 3, deviceId: clockIn.event.deviceId, deviceSkewMs: 1_500 });

    // Delivered (the hub applied it): the event stays on the disk and reads as sent.
    expect(await call(s, 'outbox.delivered', { sessionId: again, id: clockIn.event.commandId })).toEqual({
      ok: true,
      data: {},
    });
    const after = await list(s, again);
    expect(after.pending).toBe(2);
    expect(after.events.map((e) => [e.counter, e.status])).toEqual([
      [3, 'pending'],
      [2, 'pending'],
      [1, 'sent'],
    ]);
  });

  it('keeps each worker to their own events, with one device and one rising counter', async () => {
    const dir = tempDir('wings-host-clock-');
    const s = host(dir);
    const agent = await signIn(s, 'agent');
    const first = await record(s, agent, { kind: 'in' });
    // Never measured anywhere: the hub is told so, rather than told zero.
    expect(first.entry.payload).toMatchObject({ deviceSkewMs: null });
    await call(s, 'session.signOut', { sessionId: agent });

    const anchor = await signIn(s, 'anchor');
    expect(await list(s, anchor)).toMatchObject({ events: [], pending: 0, deviceId: first.event.deviceId });
    const theirs = await record(s, anchor, { kind: 'in' });
    // The counter is the device's, not the worker's: the hub dedupes by (user, device, counter) either way.
    expect(theirs.event.counter).toBe(2);
    expect((await list(s, anchor)).events.map((e) => e.commandId)).toEqual([theirs.event.commandId]);
    // The agent's session is over: a call naming it is refused, not answered with the anchor's events.
    expect(await call(s, 'clock.list', { sessionId: agent })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const outbox = await call(s, 'outbox.list', { sessionId: anchor });
    expect(outbox.ok && outbox.data.pending.map((e) => e.id)).toEqual([theirs.event.commandId]);
  });

  it('refuses a reason on anything but a break, and writes nothing', async () => {
    const s = host(tempDir('wings-host-clock-'));
    const agent = await signIn(s, 'agent');
    expect(
      await call(s, 'clock.record', { sessionId: agent, event: { kind: 'out', breakReason: 'meal' } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(s, 'clock.record', { sessionId: agent, event: { kind: 'nap' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await list(s, agent)).toMatchObject({ events: [], pending: 0 });
  });

  it('leaves neither the event nor a used counter behind when the outbox write fails', async () => {
    const dir = tempDir('wings-host-clock-');
    let s = host(dir);
    const agent = await signIn(s, 'agent');
    await record(s, agent, { kind: 'in' });
    s.close();

    // A disk that refuses the outbox row (here: a trigger), mid-transaction, after the event row went in.
    const raw = new Database(join(dir, hostDbFileName));
    raw.exec(
      `CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk says no'); END;`,
    );
    raw.close();
    s = host(dir);
    const again = await signIn(s, 'agent');
    expect(await call(s, 'clock.record', { sessionId: again, event: { kind: 'out' } })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect((await list(s, again)).events.map((e) => e.counter)).toEqual([1]);
    s.close();

    const fixed = new Database(join(dir, hostDbFileName));
    fixed.exec('DROP TRIGGER refuse_outbox');
    fixed.close();
    s = host(dir);
    const third = await signIn(s, 'agent');
    const out = await record(s, third, { kind: 'out' });
    expect(out.event.counter).toBe(2);
    const outbox = await call(s, 'outbox.list', { sessionId: third });
    expect(outbox.ok && outbox.data.pending.length).toBe(2);
  });

  it('answers print.pdf with unsupported where the host has no window to print (web mode)', async () => {
    const s = host(tempDir('wings-host-clock-'));
    expect(await call(s, 'print.pdf', { fileName: '2026-11 工资单 韦秀兰.pdf' })).toEqual({
      ok: true,
      data: { unsupported: true },
    });
    // The page names the file, never a folder.
    for (const fileName of ['../evil.pdf', 'C:\\x.pdf', 'statement.exe', '.pdf', 'a\u0007b.pdf']) {
      expect(await call(s, 'print.pdf', { fileName })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });
});
