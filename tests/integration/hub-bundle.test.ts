import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/hub-client';

/**
 * `npm run hub` from a production install: the hub runs from an esbuild bundle
 * (scripts/build-hub.mjs) whose only outside imports are Node's own modules and
 * packages listed in `dependencies`, which `npm ci --omit=dev` installs.
 */
const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Every hub started here, so a failed assertion does not leave one running. */
const children: ChildProcess[] = [];

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function run(script: string, args: string[]) {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const stdout: string[] = [];
  let stderr = '';
  let rest = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    stdout.push(...lines);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout, stderr: () => stderr, exited };
}

/** Waits for the first stdout line, or for the hub to give up; then it must be the listening line. */
async function listening(hub: ReturnType<typeof run>): Promise<string> {
  await expect
    .poll(() => hub.stdout.length > 0 || hub.child.exitCode !== null, { timeout: 20_000 })
    .toBe(true);
  const first = hub.stdout[0] ?? `(exited) ${hub.stderr()}`;
  expect(first).toMatch(/^listening on /);
  return first.slice('listening on '.length);
}

let metafile: Metafile;
const dataDirs: string[] = [];

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-hub.mjs'], { cwd: root, encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
  expect(build.stdout).toMatch(/^built out\/hub\/main\.mjs/);
  metafile = JSON.parse(readFileSync(`${root}out/hub/meta.json`, 'utf8')) as Metafile;
});
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('the hub bundle (out/hub/main.mjs)', () => {
  it('bundles the hub and shared sources, and leaves only dependencies external', () => {
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('server/main.ts');
    expect(inputs.some((file) => file.startsWith('shared/'))).toBe(true);
    // No package source is bundled: they load from node_modules (better-sqlite3 is native).
    expect(inputs.filter((file) => file.includes('node_modules'))).toEqual([]);

    const external = new Set(
      Object.values(metafile.inputs)
        .flatMap((input) => input.imports)
        .filter((imp) => imp.external && !builtins.has(imp.path))
        .map((imp) => packageOf(imp.path)),
    );
    expect([...external]).toEqual(expect.arrayContaining(['better-sqlite3', 'kysely', 'socket.io', 'zod']));
    for (const name of external) {
      expect(pkg.dependencies, `${name} must be a regular dependency`).toHaveProperty([name]);
      expect(pkg.devDependencies).not.toHaveProperty([name]);
    }
    // The build tool itself runs at `npm run hub` time.
    expect(pkg.dependencies).toHaveProperty(['esbuild']);
  });

  it('runs with plain node: prints `listening on`, answers /healthz, stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    dataDirs.push(dataDir);
    const hub = run('out/hub/main.mjs', ['--port', '0', '--data', dataDir, '--demo', '--log-level', 'warn']);
    const url = await listening(hub);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
    await expect.poll(() => hub.stdout.filter((l) => l.startsWith('demo sign-in: ')).length).toBe(3);
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toEqual({ code: 0, signal: null });
  });

  it('is what `npm run hub` runs (scripts/hub.mjs): same lines, SIGINT closes it, bad flags exit 2', async () => {
    const dataDir = tempDir();
    dataDirs.push(dataDir);
    const hub = run('scripts/hub.mjs', ['--port', '0', '--data', dataDir, '--log-level', 'warn']);
    await listening(hub);
    // Just built, so nothing is rebuilt and stderr has no build line.
    expect(hub.stderr()).not.toContain('building');
    hub.child.kill('SIGINT');
    expect(await hub.exited).toEqual({ code: 0, signal: null });

    const bad = run('scripts/hub.mjs', ['--port', 'abc']);
    expect(await bad.exited).toEqual({ code: 2, signal: null });
    expect(bad.stderr()).toMatch(/^hub: --port /);
  });
});
