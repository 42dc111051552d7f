import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';

export interface HubProcess {
  child: ChildProcess;
  url: string;
  /** Every stdout line so far. */
  stdout: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const root = new URL('../../', import.meta.url).pathname;

export interface SpawnOptions {
  /** `ulimit -n` for the hub alone (through bash, which then execs node), as on a small server. */
  maxOpenFiles?: number;
}

/** Runs `server/main.ts` the way `npm run hub` does, but through node so a signal reaches the hub itself. */
export function spawnHubCli(
  args: string[],
  options: SpawnOptions = {},
): {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: HubProcess['exited'];
} {
  const hubArgs = ['--import', 'tsx', 'server/main.ts', ...args];
  const [command, commandArgs]: [string, string[]] =
    options.maxOpenFiles === undefined
      ? [process.execPath, hubArgs]
      : ['bash', ['-c', `ulimit -n ${options.maxOpenFiles} && exec "$0" "$@"`, process.execPath, ...hubArgs]];
  const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  let outRest = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (outRest + chunk).split('\n');
    outRest = lines.pop() ?? '';
    stdout.push(...lines);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout, stderr, exited };
}

/** Starts the hub CLI and resolves once it printed its `listening on` line. */
export async function startHubProcess(
  args: string[],
  timeoutMs = 20_000,
  options: SpawnOptions = {},
): Promise<HubProcess> {
  const run = spawnHubCli(args, options);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = run.stdout.find((l) => l.startsWith('listening on '));
    if (line) return { ...run, url: line.slice('listening on '.length) };
    if (run.child.exitCode !== null || run.child.signalCode !== null) {
      throw new Error(`hub exited before listening: ${run.stderr.join('')}`);
    }
    if (Date.now() > deadline) {
      run.child.kill('SIGKILL');
      throw new Error(`hub did not start in ${timeoutMs} ms: ${run.stderr.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
