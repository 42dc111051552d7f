import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/protocol/events';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub, tempDir } from '../support/hub-client';
import type { TestOrg } from '../support/tickets';
import { makeOrg, openStarts, startChat, testPassword, withStore } from '../support/tickets';
import { until } from '../support/until';

const minute = 60_000;
const hour = 60 * minute;

type ClockInput = CommandInput<'shifts.clock'>;

/** A workstation's clock store: one device id, a counter that only goes up. */
function device() {
  const deviceId = randomUUID();
  let counter = 0;
  return {
    deviceId,
    event(kind: ClockInput['kind'], deviceAt: number, extra: Partial<ClockInput> = {}): ClockInput {
      counter += 1;
      return { id: newId(), kind, deviceId, counter, deviceAt, deviceSkewMs: 0, ...extra };
    },
  };
}

async function storedEvents(dataDir: string, userId: number) {
  return withStore(dataDir, (db) =>
    db
      .selectFrom('clock_events')
      .select(['command_id', 'counter', 'kind', 'flags', 'ignored_reason'])
      .where('user_id', '=', userId)
      .orderBy('device_at')
      .execute(),
  );
}

async function storedShifts(dataDir: string, userId: number) {
  return withStore(dataDir, (db) =>
    db
      .selectFrom('shifts')
      .select(['shift_key', 'started_at', 'ended_at', 'worked_ms', 'break_ms', 'flags', 'breaks'])
      .where('user_id', '=', userId)
      .orderBy('started_at')
      .execute(),
  );
}

describe('clocking in, out and on a break', () => {
  let t: TestHub;
  let org: TestOrg;
  let lan: ClientSocket;
  let anchor: ClientSocket;
  let jun: ClientSocket;
  let boss: ClientSocket;

  beforeAll(async () => {
    t = await startHub({ tickets: { ...openStarts } });
    org = await makeOrg(t.dataDir, 'Lychee Grove', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
      { username: 'mei', displayName: '黄美', roles: ['anchor'] },
      { username: 'jun', displayName: '蒙俊', roles: ['anchor'] },
      { username: 'boss', displayName: '陈立新', roles: ['supervisor'] },
    ]);
    lan = await signIn(t.hub.url, 'lan', testPassword);
    anchor = await signIn(t.hub.url, 'mei', testPassword);
    jun = await signIn(t.hub.url, 'jun', testPassword);
    boss = await signIn(t.hub.url, 'boss', testPassword);
  });
  afterAll(async () => {
    for (const s of [lan, anchor, jun, boss]) s.close();
    await t.stop();
  });

  it('follows in, break and out, and the employer sees "unavailable", never the reason', async () => {
    const d = device();
    const start = Date.now() - 3 * hour;
    const rosterPushes: unknown[] = [];
    boss.on('roster.changed', (p: unknown) => rosterPushes.push(p));
    const own: unknown[] = [];
    anchor.on('shifts.changed', (p: unknown) => own.push(p));

    const inAck = expectOk(await call(anchor, 'shifts.clock', d.event('in', start)));
    expect(inAck.state).toMatchObject({ kind: 'on', since: start, activity: 'available' });
    expect(inAck.event).toMatchObject({ kind: 'in', flags: [], ignoredReason: null });

    const brk = expectOk(
      await call(anchor, 'shifts.clock', d.event('break_start', start + hour, { breakReason: 'medical' })),
    );
    expect(brk.state).toMatchObject({ kind: 'break', breakReason: 'medical', since: start + hour });
    const mine = expectOk(await call(anchor, 'shifts.mine', {}));
    expect(mine.state.breakReason).toBe('medical');
    expect(mine.today.shifts[0]?.breaks[0]?.reason).toBe('medical');

    const roster = expectOk(await call(boss, 'roster.list', {}));
    const row = roster.rows.find((r) => r.user.id === org.users.mei);
    expect(row).toMatchObject({ state: 'unavailable', since: start + hour });
    // The reason is in no employer answer or push, in any field.
    expect(JSON.stringify(roster)).not.toContain('medical');
    await until(() => rosterPushes.length >= 2);
    expect(JSON.stringify(rosterPushes)).not.toContain('medical');
    const sheet = expectOk(
      await call(boss, 'timesheets.get', {
        userId: org.users.mei ?? 0,
        period: 'week',
        start: new Date(start).toISOString().slice(0, 10),
      }),
    );
    expect(JSON.stringify(sheet)).not.toContain('medical');

    expectOk(await call(anchor, 'shifts.clock', d.event('break_end', start + hour + 15 * minute)));
    const out = expectOk(await call(anchor, 'shifts.clock', d.event('out', start + 2 * hour)));
    expect(out.state).toMatchObject({ kind: 'off', since: start + 2 * hour });
    await until(() => own.length >= 4);

    const shifts = await storedShifts(t.dataDir, org.users.mei ?? 0);
    expect(shifts).toHaveLength(1);
    expect(shifts[0]).toMatchObject({
      started_at: start,
      ended_at: start + 2 * hour,
      worked_ms: 105 * minute,
      break_ms: 15 * minute,
    });
    const after = expectOk(await call(boss, 'roster.list', {}));
    expect(after.rows.find((r) => r.user.id === org.users.mei)?.state).toBe('off');
  });

  it('applies the same event once whether it comes back under its id or another id with its counter', async () => {
    const d = device();
    const at = Date.now() - 30 * minute;
    const first = d.event('in', at);
    const a = expectOk(await call(lan, 'shifts.clock', first));
    const again = expectOk(await call(lan, 'shifts.clock', first));
    expect(again).toEqual(a);
    // A workstation that lost its outbox ids but kept its clock store: same device counter, a new id.
    const sameCounter = expectOk(await call(lan, 'shifts.clock', { ...first, id: newId() }));
    expect(sameCounter.event.commandId).toBe(first.id);
    expect(sameCounter.state.kind).toBe('on');
    const events = await storedEvents(t.dataDir, org.users.lan ?? 0);
    expect(events.filter((e) => e.counter === first.counter && e.kind === 'in')).toHaveLength(1);
    expect(await storedShifts(t.dataDir, org.users.lan ?? 0)).toHaveLength(1);
    expectOk(await call(lan, 'shifts.clock', d.event('out', at + 10 * minute)));
  });

  it('keeps an event from a device clock 10 minutes ahead, flagged for the supervisor', async () => {
    const d = device();
    const ahead = 10 * minute;
    const at = Date.now() + ahead;
    const inAck = expectOk(await call(anchor, 'shifts.clock', d.event('in', at, { deviceSkewMs: -ahead })));
    expect(inAck.event.flags).toEqual(['future', 'skewed']);
    expect(inAck.state.kind).toBe('on');
    const roster = expectOk(await call(boss, 'roster.list', {}));
    expect(roster.rows.find((r) => r.user.id === org.users.mei)).toMatchObject({
      state: 'available',
      flags: ['future', 'skewed'],
    });
    expectOk(await call(anchor, 'shifts.clock', d.event('out', at + minute, { deviceSkewMs: -ahead })));
    const shifts = await storedShifts(t.dataDir, org.users.mei ?? 0);
    expect(shifts.at(-1)).toMatchObject({ worked_ms: minute, flags: '["future","skewed"]' });
  });

  it('shows an anchor broadcasting as busy, with their room', async () => {
    const userId = org.users.jun ?? 0;
    await withStore(t.dataDir, async (db) => {
      const room = await db
        .insertInto('live_rooms')
        .values({ org_id: org.orgId, slug: 'jun-lychee', anchor_id: userId, created_at: Date.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('live_broadcasts')
        .values({
          org_id: org.orgId,
          room_id: room.id,
          title: '荔枝专场',
          status: 'live',
          started_at: Date.now(),
          ended_at: null,
          pinned_product_id: null,
          pinned_comment_id: null,
        })
        .execute();
    });
    const d = device();
    const on = expectOk(await call(jun, 'shifts.clock', d.event('in', Date.now())));
    expect(on.state).toMatchObject({ kind: 'on', activity: 'busy' });
    const roster = expectOk(await call(boss, 'roster.list', {}));
    expect(roster.rows.find((r) => r.user.id === userId)).toMatchObject({
      state: 'busy',
      liveRoom: { slug: 'jun-lychee', live: true },
    });
    expectOk(await call(jun, 'shifts.clock', d.event('out', Date.now())));
    await withStore(t.dataDir, (db) =>
      db.updateTable('live_broadcasts').set({ status: 'ended', ended_at: Date.now() }).execute(),
    );
    const after = expectOk(await call(boss, 'roster.list', {}));
    expect(after.rows.find((r) => r.user.id === userId)).toMatchObject({
      state: 'off',
      liveRoom: { slug: 'jun-lychee', live: false },
    });
  });

  it('rebuilds a week from offline events that arrive days late and out of order', async () => {
    const d = device();
    const now = Date.now();
    const monday = now - 4 * 24 * hour;
    const tuesday = now - 3 * 24 * hour;
    // Recorded in order on a workstation that was offline for days…
    const recorded = [
      d.event('in', monday),
      d.event('break_start', monday + 2 * hour, { breakReason: 'meal' }),
      d.event('break_end', monday + 3 * hour),
      d.event('out', monday + 6 * hour),
      d.event('in', tuesday),
      d.event('out', tuesday + 4 * hour),
    ];
    // …and sent in a scrambled order after it came back: Tuesday's first, Monday's out before its in.
    const order = [4, 5, 3, 0, 2, 1];
    const answers = new Map<number, string | null>();
    for (const i of order) {
      const e = recorded[i];
      if (e) answers.set(i, expectOk(await call(lan, 'shifts.clock', e)).event.ignoredReason);
    }
    // Monday's out came before its clock-in: kept, not applied, until the clock-in arrived.
    expect(answers.get(3)).toBe('not_clocked_in');
    const shifts = (await storedShifts(t.dataDir, org.users.lan ?? 0)).filter(
      (s) => s.started_at < now - 24 * hour,
    );
    expect(shifts.map((s) => [s.shift_key, s.worked_ms, s.break_ms, s.ended_at])).toEqual([
      [recorded[0]?.id, 5 * hour, hour, monday + 6 * hour],
      [recorded[4]?.id, 4 * hour, 0, tuesday + 4 * hour],
    ]);
    const events = await storedEvents(t.dataDir, org.users.lan ?? 0);
    const mondayOut = events.find((e) => e.command_id === recorded[3]?.id);
    // Ignored while its clock-in had not arrived, applied once it did; no skew on days-late events.
    expect(mondayOut).toMatchObject({ ignored_reason: null, flags: '[]' });
    expect(events.every((e) => e.ignored_reason === null)).toBe(true);
  });
});

describe('clocking in and routing', () => {
  let t: TestHub;
  let org: TestOrg;
  let lan: ClientSocket;

  beforeAll(async () => {
    t = await startHub({ tickets: { ...openStarts } });
    org = await makeOrg(t.dataDir, 'Mango Hill', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
      { username: 'boss', displayName: '陈立新', roles: ['supervisor'] },
    ]);
    lan = await signIn(t.hub.url, 'lan', testPassword);
  });
  afterAll(async () => {
    lan.close();
    await t.stop();
  });

  async function presenceOf(userId: number) {
    return withStore(t.dataDir, async (db) => {
      const row = await db
        .selectFrom('agent_states')
        .select('presence')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.presence ?? 'offline';
    });
  }
  async function assignedTo(userId: number) {
    return withStore(t.dataDir, (db) =>
      db.selectFrom('tickets').select('id').where('assignee_id', '=', userId).execute(),
    );
  }

  it('makes an agent available on clock-in and hands back unanswered tickets on a break', async () => {
    const userId = org.users.lan ?? 0;
    const d = device();
    expect(await presenceOf(userId)).toBe('offline');
    expectOk(await call(lan, 'shifts.clock', d.event('in', Date.now())));
    expect(await presenceOf(userId)).toBe('available');
    await startChat(t.hub.url, { org: org.orgId, name: '覃丽', message: '我的快递到哪里了？' });
    await until(async () => (await assignedTo(userId)).length === 1);

    const brk = expectOk(
      await call(lan, 'shifts.clock', d.event('break_start', Date.now(), { breakReason: 'rest' })),
    );
    expect(brk.state.kind).toBe('break');
    expect(await presenceOf(userId)).toBe('away');
    expect(await assignedTo(userId)).toEqual([]);

    expectOk(await call(lan, 'shifts.clock', d.event('break_end', Date.now())));
    expect(await presenceOf(userId)).toBe('available');
    // Back from the break, the waiting ticket comes to them again.
    await until(async () => (await assignedTo(userId)).length === 1);
    expectOk(await call(lan, 'shifts.clock', d.event('out', Date.now())));
    expect(await presenceOf(userId)).toBe('offline');
  });
});

describe('exactly once across a hub restart', () => {
  it('answers a resend after a restart with the first answer and stores the event once', async () => {
    const dataDir = tempDir();
    let t = await startHub({ dataDir });
    const org = await makeOrg(dataDir, 'Longan Bay', [
      { username: 'ming', displayName: '李明', roles: ['anchor'] },
    ]);
    const userId = org.users.ming ?? 0;
    const d = device();
    const at = Date.now() - hour;
    const events = [d.event('in', at), d.event('out', at + 30 * minute)];
    let socket = await signIn(t.hub.url, 'ming', testPassword);
    const first = expectOk(await call(socket, 'shifts.clock', events[0] as ClockInput));
    socket.close();
    await t.stop({ keep: true });

    t = await startHub({ dataDir });
    try {
      socket = await signIn(t.hub.url, 'ming', testPassword);
      // The outbox did not see the first answer (the hub went away): it sends both again.
      const resent = expectOk(await call(socket, 'shifts.clock', events[0] as ClockInput));
      expect(resent).toEqual(first);
      expectOk(await call(socket, 'shifts.clock', events[1] as ClockInput));
      expectOk(await call(socket, 'shifts.clock', events[1] as ClockInput));
      expect(await storedEvents(dataDir, userId)).toHaveLength(2);
      const shifts = await storedShifts(dataDir, userId);
      expect(shifts).toHaveLength(1);
      expect(shifts[0]).toMatchObject({ worked_ms: 30 * minute, shift_key: events[0]?.id });
      socket.close();
    } finally {
      await t.stop();
    }
  });
});
