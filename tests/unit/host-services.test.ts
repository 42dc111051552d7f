import { defaultScanSettings, shortcutPreferencesSchema } from '../../shared/a11y';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../shared/bridge';
import { hostMigrations } from '../../electron/host/migrations';
import { call, hostFixture, type HostFixture } from './host-fixture';

let fx: HostFixture;
beforeEach(() => {
  fx = hostFixture();
});
afterEach(() => fx.cleanup());

describe('settings', () => {
  it('starts from the defaults', async () => {
    const s = fx.open();
    expect(await call(s, 'settings.get', {})).toEqual({ ok: true, data: settingsSchema.parse({}) });
  });

  it('keeps updates across a reopen, merging the accessibility profile field by field', async () => {
    const first = fx.open();
    await call(first, 'settings.update', {
      language: 'zh-CN',
      a11y: { theme: 'high-contrast-dark', scan: { intervalMs: 1500 }, keyFilters: { slowKeysMs: 300 } },
    });
    const updated = await call(first, 'settings.update', {
      hubUrl: 'http://10.0.0.5:4000',
      a11y: { textScale: 1.5, scan: { switchCount: 2 } },
    });
    first.close();

    const expected = {
      hubUrl: 'http://10.0.0.5:4000',
      language: 'zh-CN',
      a11y: {
        theme: 'high-contrast-dark',
        textScale: 1.5,
        largeTargets: false,
        reducedMotion: false,
        visualAlerts: true,
        edgeFlash: false,
        scanning: false,
        // Nested groups merge too: the interval set earlier survives the switch-count change.
        scan: { ...defaultScanSettings, intervalMs: 1500, switchCount: 2 },
        shortcuts: shortcutPreferencesSchema.parse({}),
        keyFilters: { slowKeysMs: 300, bounceKeysMs: 0 },
      },
    };
    expect(updated).toEqual({ ok: true, data: expected });
    const second = fx.open();
    expect(await call(second, 'settings.get', {})).toEqual({ ok: true, data: expected });
  });

  it('clears the hub URL and language with null, and leaves them alone when absent', async () => {
    const s = fx.open();
    await call(s, 'settings.update', { hubUrl: 'https://hub.example', language: 'en' });
    const kept = await call(s, 'settings.update', { a11y: { largeTargets: true } });
    expect(kept.ok && kept.data).toMatchObject({ hubUrl: 'https://hub.example', language: 'en' });
    const cleared = await call(s, 'settings.update', { hubUrl: null, language: null });
    expect(cleared.ok && cleared.data).toMatchObject({
      hubUrl: null,
      language: null,
      a11y: { largeTargets: true },
    });
  });

  it('refuses invalid patches with invalid_input and loses nothing', async () => {
    const s = fx.open();
    await call(s, 'settings.update', { language: 'en', a11y: { textScale: 1.25 } });
    const before = await call(s, 'settings.get', {});
    for (const patch of [
      { a11y: { textScale: 3 } },
      { hubUrl: 'file:///etc/passwd' },
      { language: 'fr' },
      { colour: 'red' },
      { a11y: { theme: 'neon' }, language: 'zh-CN' },
      null,
      'en',
    ]) {
      const answer = await call(s, 'settings.update', patch);
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('invalid_input');
        expect(answer.error.issues?.length).toBeGreaterThan(0);
      }
    }
    s.close();
    expect(await call(fx.open(), 'settings.get', {})).toEqual(before);
  });

  it('falls back to defaults, and says so, when the stored row is damaged', async () => {
    fx.open().close();
    const db = new Database(join(fx.dir, 'host.sqlite'));
    db.prepare("INSERT INTO kv (key, value) VALUES ('settings', '{not json')").run();
    db.close();
    expect(await call(fx.open(), 'settings.get', {})).toEqual({ ok: true, data: settingsSchema.parse({}) });
    expect(fx.logged.some((l) => l.level === 'warn')).toBe(true);
  });
});

describe('drafts', () => {
  it('puts, gets and deletes, surviving a reopen', async () => {
    let clock = 1_700_000_000_000;
    const first = fx.open({ now: () => clock });
    expect(await call(first, 'drafts.get', { key: 'ticket:7' })).toEqual({
      ok: true,
      data: { text: null, updatedAt: null },
    });
    expect(await call(first, 'drafts.put', { key: 'ticket:7', text: 'Hello 你好' })).toEqual({
      ok: true,
      data: { updatedAt: clock },
    });
    clock += 5;
    await call(first, 'drafts.put', { key: 'ticket:7', text: 'Hello again' });
    await call(first, 'drafts.put', { key: 'ticket:8', text: '' });
    first.close();

    const second = fx.open();
    expect(await call(second, 'drafts.get', { key: 'ticket:7' })).toEqual({
      ok: true,
      data: { text: 'Hello again', updatedAt: clock },
    });
    expect(await call(second, 'drafts.get', { key: 'ticket:8' })).toEqual({
      ok: true,
      data: { text: '', updatedAt: clock },
    });
    expect(await call(second, 'drafts.delete', { key: 'ticket:7' })).toEqual({ ok: true, data: {} });
    second.close();
    const third = fx.open();
    expect(await call(third, 'drafts.get', { key: 'ticket:7' })).toEqual({
      ok: true,
      data: { text: null, updatedAt: null },
    });
    expect((await call(third, 'drafts.get', { key: 'ticket:8' })).ok).toBe(true);
  });

  it('round-trips a 100 000-character draft exactly and refuses one character more', async () => {
    const s = fx.open();
    const text = Array.from({ length: 100_000 }, (_, i) => 'a字\né'.charAt(i % 4)).join('');
    expect(text.length).toBe(100_000);
    await call(s, 'drafts.put', { key: 'long', text });
    s.close();
    const again = await call(fx.open(), 'drafts.get', { key: 'long' });
    // Compared as a boolean: a diff of two 100 000-character strings would swamp the report.
    expect(again.ok && again.data.text === text).toBe(true);
    const tooLong = await call(fx.open(), 'drafts.put', { key: 'long', text: text + 'x' });
    expect(tooLong.ok === false && tooLong.error.code).toBe('invalid_input');
  });
});

describe('outbox', () => {
  const owner = 'http://127.0.0.1:4455#7';
  const entry = (id: string, createdAt: number, who = owner) => ({
    id,
    owner: who,
    event: 'team.post',
    payload: { id, text: `message ${createdAt}` },
    createdAt,
  });

  it('lists in id (creation) order, counts attempts and removes, surviving reopens', async () => {
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    const first = fx.open();
    // Put out of order: the list must still follow the UUIDv7 order the worker acted in.
    for (const i of [2, 0, 1]) await call(first, 'outbox.put', entry(ids[i] ?? '', 1000 + i));
    await call(first, 'outbox.attempted', { id: ids[1] });
    await call(first, 'outbox.attempted', { id: ids[1] });
    first.close();

    const second = fx.open();
    const listed = await call(second, 'outbox.list', { owner });
    expect(listed).toEqual({
      ok: true,
      data: {
        entries: [
          { ...entry(ids[0] ?? '', 1000), attempts: 0 },
          { ...entry(ids[1] ?? '', 1001), attempts: 2 },
          { ...entry(ids[2] ?? '', 1002), attempts: 0 },
        ],
      },
    });
    expect(await call(second, 'outbox.remove', { id: ids[1] })).toEqual({ ok: true, data: {} });
    // Removing or marking an entry that is already gone is not an error: an ack may have raced it.
    expect(await call(second, 'outbox.remove', { id: ids[1] })).toEqual({ ok: true, data: {} });
    expect(await call(second, 'outbox.attempted', { id: ids[1] })).toEqual({ ok: true, data: {} });
    second.close();

    const third = await call(fx.open(), 'outbox.list', { owner });
    expect(third.ok && third.data.entries.map((e) => e.id)).toEqual([ids[0], ids[2]]);
  });

  it('keeps the first entry when the same command id is put twice', async () => {
    const s = fx.open();
    const id = uuidv7();
    await call(s, 'outbox.put', entry(id, 1));
    await call(s, 'outbox.put', { ...entry(id, 2), payload: { text: 'changed' } });
    const listed = await call(s, 'outbox.list', { owner });
    expect(listed.ok && listed.data.entries).toEqual([{ ...entry(id, 1), attempts: 0 }]);
  });

  it("lists only the owner's entries, so a command never goes out under the next user", async () => {
    const s = fx.open();
    const mine = uuidv7();
    const theirs = uuidv7();
    await call(s, 'outbox.put', entry(mine, 1));
    await call(s, 'outbox.put', entry(theirs, 2, 'http://127.0.0.1:4455#8'));
    const listed = await call(s, 'outbox.list', { owner });
    expect(listed.ok && listed.data.entries.map((e) => e.id)).toEqual([mine]);
    const missing = await call(s, 'outbox.list', {} as { owner: string });
    expect(missing.ok === false && missing.error.code).toBe('invalid_input');
  });

  it('refuses entries that are not hub commands or lack a UUIDv7 id', async () => {
    const s = fx.open();
    const bad = [
      entry('not-a-uuid', 1),
      { ...entry(uuidv7(), 1), event: 'tickets.nuke' },
      { ...entry(uuidv7(), 1), payload: 'text' },
    ];
    for (const e of bad) {
      const answer = await call(s, 'outbox.put', e);
      expect(answer.ok === false && answer.error.code).toBe('invalid_input');
    }
    const listed = await call(s, 'outbox.list', { owner });
    expect(listed.ok && listed.data.entries).toEqual([]);
  });
});

describe('schema migrations', () => {
  it('records the schema version and refuses a file from a newer Wings', () => {
    fx.open().close();
    const db = new Database(join(fx.dir, 'host.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(hostMigrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.pragma(`user_version = ${hostMigrations.length + 1}`);
    db.close();
    expect(() => fx.open()).toThrow(/newer than this Wings/);
  });
});
