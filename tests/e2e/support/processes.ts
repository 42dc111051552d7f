import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { freePort } from '../../support/ports';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `wings-e2e-${prefix}-`));
}

export interface Started {
  child: ChildProcess;
  /** The first stdout match of the pattern given to `start`. */
  match: RegExpMatchArray;
  output: () => string;
}

/**
 * Spawns a Node script and waits for the line that says it is ready. Output is
 * kept so a failure to start reports what the process said.
 */
export function start(args: string[], ready: RegExp, timeoutMs = 60_000): Promise<Started> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not get ready in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

/** SIGTERM, and SIGKILL if it has not exited in time; resolves once it is gone. */
export function stop(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export const openLine = /open (http:\/\/127\.0\.0\.1:\d+\/app\/\?token=\S+)/;
export const listeningLine = /listening on (http:\/\/\S+)/;

export function startWebMode(options: { port: number; dataDir: string; hubUrl?: string }): Promise<Started> {
  const args = ['scripts/start-web.mjs', '--port', String(options.port), '--data', options.dataDir];
  if (options.hubUrl) args.push('--hub', options.hubUrl);
  return start(args, openLine);
}

/**
 * A standalone hub, as `npm run hub` runs it, through tsx. A web-mode host
 * pointed at it serves the renderer from its own origin, which the hub must
 * be told to allow (`allowOrigins`, its `--allow-origin` flags).
 */
export function startHub(options: {
  port: number;
  dataDir: string;
  allowOrigins?: string[];
}): Promise<Started> {
  return start(
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      String(options.port),
      '--data',
      options.dataDir,
      '--demo',
      '--log-level',
      'warn',
      ...(options.allowOrigins ?? []).flatMap((origin) => ['--allow-origin', origin]),
    ],
    listeningLine,
  );
}
