import { defaultScanSettings, shortcutPreferencesSchema } from '../../shared/a11y';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../shared/bridge';
import { hostMigrations } from '../../electron/host/migrations';
import { fail, ok } from '../../shared/protocol';
import { webPlatform, type HostPlatform } from '../../electron/host/services';
import { call, hostFixture, type HostFixture } from './host-fixture';

let fx: HostFixture;
beforeEach(() => {
  fx = hostFixture();
});

/**
 * Stands in for the worker answering the host's own prompt (an Electron dialog
 * in the workstation, which cannot open here); what is tested is that the host
 * asks, and obeys the answer.
 */
function answering(yes: boolean, asked: (string | null)[] = []): HostPlatform {
  return {
    ...webPlatform,
    confirmHubChange: (url) => {
      asked.push(url);
      return Promise.resolve(yes ? ok({}) : fail('forbidden', 'The worker said no.'));
    },
  };
}
afterEach(() => fx.cleanup());

describe('settings', () => {
  it('starts from the defaults', async () => {
    const s = fx.open();
    expect(await call(s, 'settings.get', {})).toEqual({ ok: true, data: settingsSchema.parse({}) });
  });

  it('keeps updates across a reopen, merging the accessibility profile field by field', async () => {
    const first = fx.open({ platform: answering(true) });
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
        alertSounds: true,
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
    const s = fx.open({ platform: answering(true) });
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

describe('hub URL', () => {
  it("changes only when the worker confirms it in the host's own prompt", async () => {
    const asked: (string | null)[] = [];
    const no = fx.open({ platform: answering(false, asked) });
    const refused = await call(no, 'settings.update', { hubUrl: 'https://evil.example', language: 'en' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Nothing of a refused patch is applied, not even its other fields.
    expect(await call(no, 'settings.get', {})).toMatchObject({
      ok: true,
      data: { hubUrl: null, language: null },
    });
    no.close();
    const yes = fx.open({ platform: answering(true, asked) });
    expect(await call(yes, 'settings.update', { hubUrl: 'https://hub.example' })).toMatchObject({
      ok: true,
      data: { hubUrl: 'https://hub.example' },
    });
    // The same URL again is no change and asks nothing.
    await call(yes, 'settings.update', { hubUrl: 'https://hub.example', a11y: { textScale: 1.5 } });
    expect(asked).toEqual(['https://evil.example', 'https://hub.example']);
  });

  it('asks one question at a time: a change asked for while the prompt is open is refused, not stacked', async () => {
    const asked: (string | null)[] = [];
    let answer: (yes: boolean) => void = () => undefined;
    const s = fx.open({
      platform: {
        ...webPlatform,
        confirmHubChange: (url) => {
          asked.push(url);
          return new Promise((resolve) => {
            answer = (yes) => resolve(yes ? ok({}) : fail('forbidden', 'The worker said no.'));
          });
        },
      },
    });
    const first = call(s, 'settings.update', { hubUrl: 'https://one.example' });
    for (const hubUrl of ['https://evil.example', 'https://evil.example/again']) {
      expect(await call(s, 'settings.update', { hubUrl })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    }
    expect(asked).toEqual(['https://one.example']);
    answer(true);
    expect(await first).toMatchObject({ ok: true, data: { hubUrl: 'https://one.example' } });
    // Once answered, the next change is asked about again.
    const next = call(s, 'settings.update', { hubUrl: 'https://two.example' });
    answer(false);
    expect(await next).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(asked).toEqual(['https://one.example', 'https://two.example']);
  });

  it('is not changed from the page in web mode, where the host has no prompt of its own', async () => {
    const s = fx.open();
    const answer = await call(s, 'settings.update', { hubUrl: 'https://hub.example' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
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
