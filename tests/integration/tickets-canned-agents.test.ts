import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/ack';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, emitRaw, expectOk, newId, signIn, startHub } from '../support/hub-client';
import type { TestOrg } from '../support/tickets';
import { makeOrg, testPassword, withStore } from '../support/tickets';
import { maxCannedPerList } from '../../shared/protocol/tickets';

const codeOf = (ack: Ack<unknown>): string | null => (ack.ok ? null : ack.error.code);

/**
 * A supervisor manages any agent's personal canned replies (list, add, edit,
 * delete); the agent sees them as their own, another agent does not see them
 * at all, and an id of another organisation's user is not found.
 */
describe("a supervisor manages agents' personal canned replies", () => {
  let t: TestHub;
  let org: TestOrg;
  let other: TestOrg;
  let lan: ClientSocket;
  let ming: ClientSocket;
  let boss: ClientSocket;
  let lanId = 0;
  let mingId = 0;
  let replyId = 0;
  const lanPushes: unknown[] = [];
  const bossPushes: unknown[] = [];

  beforeAll(async () => {
    t = await startHub();
    org = await makeOrg(t.dataDir, 'Kumquat Farm', [
      { username: 'lan', displayName: '韦秀兰', roles: ['agent'] },
      { username: 'ming', displayName: '李明', roles: ['agent'] },
      { username: 'boss', displayName: '陈立新', roles: ['supervisor'] },
    ]);
    other = await makeOrg(t.dataDir, 'Pear Orchard', [
      { username: 'pear', displayName: 'Pear agent', roles: ['agent'] },
    ]);
    lanId = org.users.lan ?? 0;
    mingId = org.users.ming ?? 0;
    lan = await signIn(t.hub.url, 'lan', testPassword);
    ming = await signIn(t.hub.url, 'ming', testPassword);
    boss = await signIn(t.hub.url, 'boss', testPassword);
    lan.on('canned.changed', (p: unknown) => lanPushes.push(p));
    boss.on('canned.changed', (p: unknown) => bossPushes.push(p));
    expectOk(
      await call(boss, 'canned.save', {
        id: newId(),
        scope: 'org',
        shortcut: '/wl',
        title: '物流查询',
        body: '您好，您的快递已发出。',
        locale: 'zh-CN',
      }),
    );
  });
  afterAll(async () => {
    for (const s of [lan, ming, boss]) s.close();
    await t.stop();
  });

  it("adds a reply for an agent, which that agent sees as their own and the supervisor's list shows", async () => {
    expect(expectOk(await call(boss, 'canned.list', { ownerId: lanId }))).toEqual([]);
    const pushesBefore = lanPushes.length;
    const saved = expectOk(
      await call(boss, 'canned.save', {
        id: newId(),
        scope: 'agent',
        ownerId: lanId,
        shortcut: '/jj',
        title: '金桔发货',
        body: '{customer.name}您好，金桔明天发货。',
        locale: null,
      }),
    ).canned;
    replyId = saved.id;
    expect(saved.ownerId).toBe(lanId);
    // The agent's list is told to refresh.
    await expect.poll(() => lanPushes.length).toBeGreaterThan(pushesBefore);
    expect(expectOk(await call(lan, 'canned.list', {})).map((c) => c.shortcut)).toEqual(['/jj', '/wl']);
    expect(expectOk(await call(boss, 'canned.list', { ownerId: lanId })).map((c) => c.id)).toEqual([replyId]);
    // Not the supervisor's own, nor in the organisation's list.
    expect(expectOk(await call(boss, 'canned.list', {})).map((c) => c.shortcut)).toEqual(['/wl']);
    // The agent may read their own list by id too.
    expect(expectOk(await call(lan, 'canned.list', { ownerId: lanId })).map((c) => c.id)).toEqual([replyId]);
  });

  it('keeps the reply out of another agent’s reach: not found, never forbidden', async () => {
    expect(expectOk(await call(ming, 'canned.list', {})).map((c) => c.shortcut)).toEqual(['/wl']);
    const edit = await call(ming, 'canned.save', {
      id: newId(),
      cannedId: replyId,
      scope: 'mine',
      shortcut: '/jj',
      title: '改了',
      body: '改了',
      locale: null,
    });
    expect(codeOf(edit)).toBe('not_found');
    expect(codeOf(await call(ming, 'canned.delete', { id: newId(), cannedId: replyId }))).toBe('not_found');
  });

  it("refuses a non-supervisor another agent's list or a save for them, and hides other organisations' users", async () => {
    const list = await call(ming, 'canned.list', { ownerId: lanId });
    expect(codeOf(list)).toBe('forbidden');
    expect(list.ok ? '' : list.error.message).toMatch(/supervisor/);
    const save = await call(ming, 'canned.save', {
      id: newId(),
      scope: 'agent',
      ownerId: lanId,
      shortcut: '/x',
      title: 'x',
      body: 'x',
      locale: null,
    });
    expect(codeOf(save)).toBe('forbidden');
    const pearId = other.users.pear ?? 0;
    expect(codeOf(await call(boss, 'canned.list', { ownerId: pearId }))).toBe('not_found');
    expect(codeOf(await call(boss, 'canned.list', { ownerId: 999_999 }))).toBe('not_found');
    // The same answer to an agent: another organisation's user is not there, whatever the role.
    expect(codeOf(await call(ming, 'canned.list', { ownerId: pearId }))).toBe('not_found');
    const foreign = await call(boss, 'canned.save', {
      id: newId(),
      scope: 'agent',
      ownerId: pearId,
      shortcut: '/x',
      title: 'x',
      body: 'x',
      locale: null,
    });
    expect(codeOf(foreign)).toBe('not_found');
  });

  it('checks the shape: scope agent needs ownerId, and ownerId goes with scope agent only', async () => {
    const base = { shortcut: '/y', title: 'y', body: 'y', locale: null };
    const missing = (await emitRaw(boss, 'canned.save', {
      id: newId(),
      scope: 'agent',
      ...base,
    })) as Ack<unknown>;
    expect(codeOf(missing)).toBe('invalid_input');
    expect(missing.ok ? [] : missing.error.issues).toEqual([
      { path: ['ownerId'], message: 'scope "agent" needs ownerId: the agent whose reply it is' },
    ]);
    const stray = (await emitRaw(boss, 'canned.save', {
      id: newId(),
      scope: 'org',
      ownerId: lanId,
      ...base,
    })) as Ack<unknown>;
    expect(codeOf(stray)).toBe('invalid_input');
    expect(stray.ok ? [] : stray.error.issues).toEqual([
      { path: ['ownerId'], message: 'ownerId goes with scope "agent" only, not "org"' },
    ]);
    const extra = (await emitRaw(boss, 'canned.list', { ownerId: lanId, more: 1 })) as Ack<unknown>;
    expect(codeOf(extra)).toBe('invalid_input');
  });

  it("checks a shortcut within what the agent sees: the organisation's and their own, not another agent's", async () => {
    const clash = await call(boss, 'canned.save', {
      id: newId(),
      scope: 'agent',
      ownerId: lanId,
      shortcut: '/wl',
      title: '物流',
      body: '物流',
      locale: null,
    });
    expect(codeOf(clash)).toBe('conflict');
    // Another agent's personal /jj is not in 李明's view: free for him.
    const free = expectOk(
      await call(boss, 'canned.save', {
        id: newId(),
        scope: 'agent',
        ownerId: mingId,
        shortcut: '/jj',
        title: '金桔',
        body: '金桔',
        locale: null,
      }),
    ).canned;
    expect(free.ownerId).toBe(mingId);
    // But within 韦秀兰's own view it is taken.
    const second = await call(boss, 'canned.save', {
      id: newId(),
      scope: 'agent',
      ownerId: lanId,
      shortcut: '/jj',
      title: '又一条',
      body: '又一条',
      locale: null,
    });
    expect(codeOf(second)).toBe('conflict');
  });

  it("edits and deletes an agent's reply; the supervisor hears of the agent's own changes", async () => {
    const edited = expectOk(
      await call(boss, 'canned.save', {
        id: newId(),
        cannedId: replyId,
        scope: 'agent',
        ownerId: lanId,
        shortcut: '/jinju',
        title: '金桔发货时间',
        body: '金桔后天发货。',
        locale: 'zh-CN',
      }),
    ).canned;
    expect(edited).toMatchObject({ id: replyId, ownerId: lanId, shortcut: '/jinju' });
    expect(expectOk(await call(lan, 'canned.list', {})).find((c) => c.id === replyId)?.title).toBe(
      '金桔发货时间',
    );

    const pushesBefore = bossPushes.length;
    const own = expectOk(
      await call(lan, 'canned.save', {
        id: newId(),
        scope: 'mine',
        shortcut: '/mine',
        title: '我的',
        body: '我的',
        locale: null,
      }),
    ).canned;
    await expect.poll(() => bossPushes.length).toBeGreaterThan(pushesBefore);
    expect(expectOk(await call(boss, 'canned.list', { ownerId: lanId })).map((c) => c.id)).toEqual([
      replyId,
      own.id,
    ]);

    expect(expectOk(await call(boss, 'canned.delete', { id: newId(), cannedId: replyId }))).toEqual({
      cannedId: replyId,
    });
    expect(expectOk(await call(lan, 'canned.list', {})).map((c) => c.shortcut)).toEqual(['/mine', '/wl']);
    expect(expectOk(await call(boss, 'canned.list', { ownerId: lanId })).map((c) => c.id)).toEqual([own.id]);
  });

  it('holds at most maxCannedPerList replies in one agent’s list, and says so', async () => {
    // Filled in the store: the list is read whole and ranked per message, which is why it is bounded.
    await withStore(t.dataDir, async (db) => {
      const { n } = await db
        .selectFrom('canned_replies')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner_id', '=', mingId)
        .executeTakeFirstOrThrow();
      const rows = Array.from({ length: maxCannedPerList - Number(n) }, (_, i) => ({
        org_id: org.orgId,
        owner_id: mingId,
        shortcut: `/fill${i}`,
        title: `Filler ${i}`,
        body: 'Thanks for waiting.',
        locale: 'en' as const,
        created_at: Date.now(),
        updated_at: Date.now(),
      }));
      await db.insertInto('canned_replies').values(rows).execute();
    });
    const more = await call(boss, 'canned.save', {
      id: newId(),
      scope: 'agent',
      ownerId: mingId,
      shortcut: '/onemore',
      title: 'One more',
      body: 'One too many.',
      locale: 'en',
    });
    expect(codeOf(more)).toBe('cannot_apply');
    // The organisation's list is another list: it still takes new ones.
    expectOk(
      await call(boss, 'canned.save', {
        id: newId(),
        scope: 'org',
        shortcut: '/onemore',
        title: 'One more',
        body: 'Still room here.',
        locale: 'en',
      }),
    );
  });
});
