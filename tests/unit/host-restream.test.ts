import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/host/host-db';
import { hostMigrations } from '../../electron/host/migrations';
import { createRestreamStore } from '../../electron/host/restream-store';
import { createTypingHistoryStore } from '../../electron/host/typing-history-store';
import { hostLogRedact, webPlatform, type HostPlatform } from '../../electron/host/services';
import { call, hostFixture, type HostFixture } from './host-fixture';

const dirs: string[] = [];
let fixture: HostFixture | null = null;
afterEach(() => {
  fixture?.cleanup();
  fixture = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wings-restream-'));
  dirs.push(dir);
  return dir;
}

const owner = 'http://127.0.0.1:4455#7';
const douyin = {
  url: 'rtmp://push-rtmp-l1.douyincdn.com/stage',
  streamKey: 'stream-7788?expire=1767225600&sign=ab12',
};

describe('host migration 5: restream targets', () => {
  it('adds an empty per-worker table and keeps the typing history', () => {
    const db = new Database(join(tempDir(), 'host.sqlite'));
    for (let v = 1; v <= 4; v++) {
      hostMigrations[v - 1]?.(db);
      db.pragma(`user_version = ${v}`);
    }
    createTypingHistoryStore(db).add(owner, '亲，今天发货', 5);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(hostMigrations.length);
    const store = createRestreamStore(db);
    expect(store.get(owner)).toBeNull();
    store.put(owner, douyin, 9);
    expect(store.get(owner)).toEqual(douyin);
    expect(createTypingHistoryStore(db).list(owner)).toEqual([{ text: '亲，今天发货', at: 5 }]);
    db.close();
  });
});

describe('the restream store', () => {
  it("keeps each worker's target apart, across a restart, and forgets it when both are emptied", () => {
    fixture = hostFixture();
    let host = fixture.open();
    host.restream.put(owner, douyin, 1);
    host.restream.put('http://10.0.0.2:4455#8', { url: 'rtmp://other/live', streamKey: 'theirs' }, 2);
    host = fixture.open();
    expect(host.restream.get(owner)).toEqual(douyin);
    expect(host.restream.get('http://10.0.0.2:4455#8')?.streamKey).toBe('theirs');
    host.restream.put(owner, { url: '', streamKey: '' }, 3);
    expect(host.restream.get(owner)).toBeNull();
    expect(host.restream.get('http://10.0.0.2:4455#8')?.streamKey).toBe('theirs');
  });

  it('refuses a call naming a session that is not the one signed in', async () => {
    fixture = hostFixture();
    const host = fixture.open();
    expect(
      await call(host, 'restream.put', {
        sessionId: 'not-the-signed-in-session',
        url: douyin.url,
        streamKey: douyin.streamKey,
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(host, 'restream.get', { sessionId: 'not-the-signed-in-session' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(host.restream.get(owner)).toBeNull();
  });

  it('never writes the stream key into the host log', async () => {
    const dir = tempDir();
    const logFile = join(dir, 'host.log');
    const log = pino(
      { level: 'warn', redact: hostLogRedact },
      pino.destination({ dest: logFile, sync: true }),
    );
    fixture = hostFixture();
    const host = fixture.open();
    // What a careless handler might log: the call's input, nested.
    log.error({ channel: 'restream.put', input: douyin }, 'bridge call failed');
    log.warn({ streamKey: douyin.streamKey }, 'x');
    const bad = await call(host, 'restream.put', { sessionId: 's', url: 'u', streamKey: 7 });
    expect(JSON.stringify(bad)).not.toContain('stream-7788');
    const written = readFileSync(logFile, 'utf8');
    expect(written).toContain('[redacted]');
    expect(written).not.toContain('stream-7788');
    expect(readdirSync(dir)).toContain('host.log');
  });
});

describe('power.keepAwake', () => {
  it('answers held: false in web mode, where the host has no blocker', async () => {
    fixture = hostFixture();
    const host = fixture.open({ platform: webPlatform });
    expect(await call(host, 'power.keepAwake', { on: true })).toEqual({ ok: true, data: { held: false } });
  });

  it("holds and releases through the platform's blocker", async () => {
    const asked: boolean[] = [];
    const platform: HostPlatform = {
      ...webPlatform,
      transport: 'electron',
      keepAwake: (on) => {
        asked.push(on);
        return on;
      },
    };
    fixture = hostFixture();
    const host = fixture.open({ platform });
    expect(await call(host, 'power.keepAwake', { on: true })).toEqual({ ok: true, data: { held: true } });
    expect(await call(host, 'power.keepAwake', { on: false })).toEqual({ ok: true, data: { held: false } });
    expect(await call(host, 'power.keepAwake', { on: 'yes' })).toMatchObject({ ok: false });
    host.close();
    // Closing the host lets the display sleep again.
    expect(asked).toEqual([true, false, false]);
  });
});
