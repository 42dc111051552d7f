import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayKeyOf, weekStartOf } from '../../shared/domain/calendar';
import type { CommandInput } from '../../shared/protocol/events';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub } from '../support/hub-client';
import type { TestOrg } from '../support/tickets';
import { makeOrg, testPassword, withStore } from '../support/tickets';

const minute = 60_000;
const hour = 60 * minute;
const zone = 'Asia/Shanghai';

describe('timesheets: approval, return, edits and their audit trail', () => {
  let t: TestHub;
  let org: TestOrg;
  let other: TestOrg;
  let lan: ClientSocket;
  let boss: ClientSocket;
  let outsider: ClientSocket;
  const deviceId = randomUUID();
  let counter = 0;
  // A shift a week ago, so its week is over and an edit's end is in the past.
  const start = Date.now() - 7 * 24 * hour;
  const day = dayKeyOf(start, zone);
  const week = weekStartOf(day);
  let shiftKey = '';

  const clock = (kind: CommandInput<'shifts.clock'>['kind'], deviceAt: number) => {
    counter += 1;
    return call(lan, 'shifts.clock', { id: newId(), kind, deviceId, counter, deviceAt, deviceSkewMs: null });
  };

  beforeAll(async () => {
    t = await startHub();
    org = await makeOrg(t.dataDir, 'Pomelo Works', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
      { username: 'boss', displayName: '陈立新', roles: ['supervisor'] },
    ]);
    other = await makeOrg(t.dataDir, 'Other Shop', [
      { username: 'outsider', displayName: '王五', roles: ['admin', 'supervisor'] },
    ]);
    lan = await signIn(t.hub.url, 'lan', testPassword);
    boss = await signIn(t.hub.url, 'boss', testPassword);
    outsider = await signIn(t.hub.url, 'outsider', testPassword);
    const first = expectOk(await clock('in', start));
    shiftKey = first.event.commandId;
    expectOk(await clock('out', start + 8 * hour));
  });
  afterAll(async () => {
    for (const s of [lan, boss, outsider]) s.close();
    await t.stop();
  });

  const userId = () => org.users.lan ?? 0;

  async function auditRows() {
    return withStore(t.dataDir, (db) =>
      db
        .selectFrom('timesheet_audit')
        .select(['action', 'actor_id', 'comment', 'shift_key', 'before', 'after'])
        .where('user_id', '=', userId())
        .orderBy('id')
        .execute(),
    );
  }

  it('lists the week with the worker’s time and an open status', async () => {
    const list = expectOk(await call(boss, 'timesheets.list', { period: 'week', start: day }));
    expect(list.start).toBe(week);
    expect(list.rows.find((r) => r.user.id === userId())).toMatchObject({
      workedMs: 8 * hour,
      shifts: 1,
      status: 'open',
      flagged: false,
    });
  });

  it('returns with a comment, approves after, and audits both', async () => {
    const refused = await call(boss, 'timesheets.return', {
      id: newId(),
      userId: userId(),
      period: 'week',
      start: week,
      comment: '',
    });
    expect(refused.ok || refused.error.code).toBe('invalid_input');

    const returned = expectOk(
      await call(boss, 'timesheets.return', {
        id: newId(),
        userId: userId(),
        period: 'week',
        start: week,
        comment: '周三忘记打下班卡了，请核对',
      }),
    );
    expect(returned.timesheet).toMatchObject({ status: 'returned', comment: '周三忘记打下班卡了，请核对' });
    const mine = expectOk(await call(lan, 'timesheets.mine', { period: 'week', start: day }));
    expect(mine).toMatchObject({ status: 'returned', comment: '周三忘记打下班卡了，请核对' });

    const approved = expectOk(
      await call(boss, 'timesheets.approve', { id: newId(), userId: userId(), period: 'week', start: week }),
    );
    expect(approved.timesheet).toMatchObject({ status: 'approved', decidedBy: { id: org.users.boss } });
    const audit = await auditRows();
    expect(audit.map((a) => [a.action, a.actor_id, a.comment])).toEqual([
      ['returned', org.users.boss, '周三忘记打下班卡了，请核对'],
      ['approved', org.users.boss, null],
    ]);
  });

  it('edits a shift as an override, rebuilds it, audits it and reopens the approved week', async () => {
    const edited = expectOk(
      await call(boss, 'timesheets.editShift', {
        id: newId(),
        userId: userId(),
        shiftKey,
        startedAt: start,
        endedAt: start + 7 * hour,
        reason: '提前一小时下班，已电话确认',
      }),
    );
    expect(edited.shift).toMatchObject({ shiftKey, workedMs: 7 * hour, edited: true });
    expect(edited.shift.events.map((e) => e.kind)).toEqual(['in', 'out']);
    const stored = await withStore(t.dataDir, (db) =>
      db.selectFrom('shifts').select(['worked_ms', 'edited']).where('shift_key', '=', shiftKey).execute(),
    );
    expect(stored).toEqual([{ worked_ms: 7 * hour, edited: 1 }]);

    const audit = await auditRows();
    expect(audit.slice(2).map((a) => a.action)).toEqual(['shift_edited', 'reopened']);
    expect(JSON.parse(audit[2]?.before ?? '{}')).toMatchObject({
      startedAt: start,
      endedAt: start + 8 * hour,
    });
    expect(JSON.parse(audit[2]?.after ?? '{}')).toEqual({ startedAt: start, endedAt: start + 7 * hour });

    const sheet = expectOk(
      await call(boss, 'timesheets.get', { userId: userId(), period: 'week', start: week }),
    );
    expect(sheet.status).toBe('open');
    expect(sheet.workedMs).toBe(7 * hour);
    expect(sheet.audit.map((a) => a.action)).toEqual(['reopened', 'shift_edited', 'approved', 'returned']);
    // The worker sees the same trail on their own timesheet.
    const mine = expectOk(await call(lan, 'timesheets.mine', { period: 'week', start: week }));
    expect(mine.audit.map((a) => a.action)).toEqual(sheet.audit.map((a) => a.action));
  });

  it('refuses an edited end in the future and an unknown shift, writing nothing', async () => {
    const before = (await auditRows()).length;
    const future = await call(boss, 'timesheets.editShift', {
      id: newId(),
      userId: userId(),
      shiftKey,
      startedAt: Date.now() - hour,
      endedAt: Date.now() + hour,
      reason: '试试',
    });
    expect(future.ok || future.error.code).toBe('invalid_input');
    const unknown = await call(boss, 'timesheets.editShift', {
      id: newId(),
      userId: userId(),
      shiftKey: newId(),
      startedAt: start,
      endedAt: start + hour,
      reason: '试试',
    });
    expect(unknown.ok || unknown.error.code).toBe('not_found');
    expect(await auditRows()).toHaveLength(before);
  });

  it('gives another organisation not_found for this worker', async () => {
    const get = await call(outsider, 'timesheets.get', { userId: userId(), period: 'week', start: week });
    expect(get.ok || get.error.code).toBe('not_found');
    const approve = await call(outsider, 'timesheets.approve', {
      id: newId(),
      userId: userId(),
      period: 'week',
      start: week,
    });
    expect(approve.ok || approve.error.code).toBe('not_found');
    const edit = await call(outsider, 'timesheets.editShift', {
      id: newId(),
      userId: userId(),
      shiftKey,
      startedAt: start,
      endedAt: start + hour,
      reason: '越权',
    });
    expect(edit.ok || edit.error.code).toBe('not_found');
    const roster = expectOk(await call(outsider, 'roster.list', {}));
    expect(roster.rows.map((r) => r.user.id)).not.toContain(userId());
    const list = expectOk(await call(outsider, 'timesheets.list', { period: 'week', start: week }));
    expect(list.rows.map((r) => r.user.id)).not.toContain(userId());
    expect(other.orgId).not.toBe(org.orgId);
  });

  it('forbids an agent the employer commands', async () => {
    const attempts = await Promise.all([
      call(lan, 'roster.list', {}),
      call(lan, 'timesheets.list', { period: 'week', start: week }),
      call(lan, 'timesheets.get', { userId: userId(), period: 'week', start: week }),
      call(lan, 'timesheets.approve', { id: newId(), userId: userId(), period: 'week', start: week }),
      call(lan, 'timesheets.return', {
        id: newId(),
        userId: userId(),
        period: 'week',
        start: week,
        comment: '自己退回',
      }),
      call(lan, 'timesheets.editShift', {
        id: newId(),
        userId: userId(),
        shiftKey,
        startedAt: start,
        endedAt: start + 9 * hour,
        reason: '多算一小时',
      }),
    ]);
    expect(attempts.map((a) => a.ok || a.error.code)).toEqual(Array(6).fill('forbidden'));
  });
});
