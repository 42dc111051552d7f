import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freePort, login, tempDir } from '../support/hub-client';
import { spawnHubCli, startHubProcess } from '../support/hub-process';

describe('hub CLI', () => {
  for (const args of [
    ['--port', 'abc'],
    ['--port', '70000'],
    ['--port'],
    ['--bogus'],
    ['stray-positional'],
    ['--data', ''],
    ['--log-level', 'loud'],
    ['--admin-password', 'short'],
    ['--demo', '--admin-password', 'long-enough-pw'],
  ]) {
    it(`exits 2 with one clear line on ${args.join(' ')}`, async () => {
      const run = spawnHubCli(args);
      expect(await run.exited).toEqual({ code: 2, signal: null });
      const lines = run.stderr.join('').trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^hub: .+/);
      expect(run.stdout.join('')).toBe('');
    });
  }

  it('prints the listening line and a setup code on an empty store, and stops cleanly on SIGINT', async () => {
    const dataDir = tempDir();
    try {
      const port = await freePort();
      const hub = await startHubProcess(['--port', String(port), '--data', dataDir]);
      expect(hub.url).toBe(`http://127.0.0.1:${port}`);
      expect(hub.stdout[0]).toBe(`listening on http://127.0.0.1:${port}`);
      await expect
        .poll(() => hub.stdout.some((l) => /^setup code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/.test(l)))
        .toBe(true);
      expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
      hub.child.kill('SIGINT');
      expect(await hub.exited).toEqual({ code: 0, signal: null });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('prints demo sign-ins with --demo and picks a free port with --port 0', async () => {
    const dataDir = tempDir();
    try {
      const hub = await startHubProcess(['--port', '0', '--data', dataDir, '--demo']);
      expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(hub.url.endsWith(':0')).toBe(false);
      await expect.poll(() => hub.stdout.filter((l) => l.startsWith('demo sign-in: ')).length).toBe(3);
      expect(hub.stdout).toContain('demo sign-in: agent / wings-demo');
      expect(hub.stdout.some((l) => l.startsWith('setup code'))).toBe(false);
      await login(hub.url, 'agent', 'wings-demo');
      hub.child.kill('SIGTERM');
      expect(await hub.exited).toEqual({ code: 0, signal: null });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('creates the admin from --admin-password and prints no setup code', async () => {
    const dataDir = tempDir();
    try {
      const hub = await startHubProcess([
        '--port',
        '0',
        '--data',
        dataDir,
        '--admin-password',
        'initial-admin-pw',
      ]);
      await login(hub.url, 'admin', 'initial-admin-pw');
      expect(hub.stdout.some((l) => l.startsWith('setup code'))).toBe(false);
      hub.child.kill('SIGTERM');
      expect(await hub.exited).toEqual({ code: 0, signal: null });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails with exit 1 when the port is taken', async () => {
    const dataDir = tempDir();
    const other = tempDir();
    try {
      const first = await startHubProcess(['--port', '0', '--data', dataDir]);
      const port = new URL(first.url).port;
      const second = spawnHubCli(['--port', port, '--data', other]);
      expect(await second.exited).toEqual({ code: 1, signal: null });
      expect(second.stderr.join('')).toMatch(/^hub: could not start: .*EADDRINUSE/m);
      first.child.kill('SIGTERM');
      await first.exited;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });
});
