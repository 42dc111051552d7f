import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, connect, expectOk, newId, postJson, signIn, startHub } from '../support/hub-client';

/**
 * A real full disk: the hub's data directory is on a tmpfs of its own, which
 * the test fills with a file until the kernel says ENOSPC. Mounting needs
 * root (as on this project's CI machines); elsewhere the suite is skipped and
 * says why.
 */
function mountTmpfs(bytes: number): { dir: string; unmount(): void } | { skipped: string } {
  if (process.platform !== 'linux') return { skipped: 'mounting a tmpfs needs Linux' };
  if (process.getuid?.() !== 0) return { skipped: 'mounting a tmpfs needs root' };
  const dir = mkdtempSync(join(tmpdir(), 'wings-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'wings-full', dir], {
      stdio: 'pipe',
    });
  } catch (err) {
    rmdirSync(dir);
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { skipped: `mount -t tmpfs failed here: ${why}` };
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir]);
      rmdirSync(dir);
    },
  };
}

/** Writes to `file` until the file system has no block left; what the hub then writes meets ENOSPC. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x2e);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw err;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

interface LogLine {
  level: number;
  msg: string;
  code?: string;
  err?: { code?: string };
}

const mount = mountTmpfs(8 * 1024 * 1024);
if ('skipped' in mount) console.warn(`store-disk-full.test.ts skipped: ${mount.skipped}`);

describe.skipIf('skipped' in mount)('a hub whose disk is full', () => {
  const root = 'dir' in mount ? mount.dir : '';
  const filler = join(root, 'filler');
  const lines: LogLine[] = [];
  let t: TestHub;
  let socket: ClientSocket;

  beforeAll(async () => {
    const dataDir = join(root, 'hub');
    mkdirSync(dataDir);
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    // The demo without its six months: a disk of a few MiB is meant to fill on the test's own writes.
    t = await startHub({ dataDir, demo: true, demoHistory: false, logger });
    socket = await signIn(t.hub.url, 'agent', 'wings-demo');
    expectOk(await call(socket, 'team.post', { id: newId(), body: 'written while there was room' }));
    // The WAL is emptied first: SQLite reuses a WAL's old length, and the test wants the very next write to need
    // a new block.
    const side = new BetterSqlite3(join(dataDir, 'hub.sqlite'));
    side.pragma('wal_checkpoint(TRUNCATE)');
    side.close();
    fillDisk(filler);
  });

  afterAll(async () => {
    socket?.close();
    await t?.stop();
    if ('unmount' in mount) mount.unmount();
  });

  const failed = { id: newId(), body: 'typed while the disk was full' };

  it('answers a command "unavailable" with the disk-full message, and does not record it', async () => {
    for (let i = 0; i < 3; i++) {
      // The same id three times: an unrecorded answer lets each resend try again.
      const ack = await call(socket, 'team.post', failed);
      expect(ack).toEqual({
        ok: false,
        error: { code: 'unavailable', message: expect.stringMatching(/^The hub's disk is full\./) as string },
      });
    }
    // Sent together, so they share one transaction: its COMMIT fails them all alike.
    const together = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(socket, 'team.post', { id: newId(), body: `batch ${i}` })),
    );
    expect(together.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(Array(8).fill('unavailable'));
  });

  it('keeps serving reads', async () => {
    const page = expectOk(await call(socket, 'team.history', { limit: 50 }));
    expect(page.items.map((m) => m.body)).toContain('written while there was room');
    expect(page.items.map((m) => m.body)).not.toContain(failed.body);
    expect(expectOk(await call(socket, 'session.whoami', {})).user.username).toBe('agent');
  });

  it('still answers a wrong password 401 and signs in with the right one', async () => {
    const wrong = await postJson(`${t.hub.url}/api/login`, { username: 'employer', password: 'not-the-one' });
    expect(wrong.status).toBe(401);
    const right = await postJson(`${t.hub.url}/api/login`, { username: 'employer', password: 'wings-demo' });
    expect(right.status).toBe(200);
    const second = await connect(t.hub.url, (right.body as { token: string }).token);
    expect(expectOk(await call(second, 'session.whoami', {})).user.username).toBe('employer');
    second.close();
  });

  it('applies the same command once there is room again', async () => {
    rmSync(filler);
    const ack = expectOk(await call(socket, 'team.post', failed));
    expect(ack.message.body).toBe(failed.body);
    const page = expectOk(await call(socket, 'team.history', { limit: 50 }));
    expect(page.items.filter((m) => m.body === failed.body)).toHaveLength(1);
  });

  it('logged "disk full" once for the whole burst, and every store error as the SQLITE_FULL it was', () => {
    const full = lines.filter((l) => /disk full/.test(l.msg));
    expect(full).toHaveLength(1);
    expect(full[0]?.level).toBe(50);
    expect(full[0]?.code).toMatch(/^SQLITE_FULL/);
    expect(lines.some((l) => l.msg === 'command failed')).toBe(false);
    // The login limiter's fallback line too: not Kysely's "cannot rollback" in place of the real error.
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors.length).toBeGreaterThan(1);
    for (const l of errors) expect(l.err?.code).toMatch(/^SQLITE_FULL/);
  });
});
