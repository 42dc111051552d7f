/**
 * Web mode: the workstation host in a plain Node process. The hub (embedded,
 * or `--hub`), the host services and the renderer at /app share one port; the
 * renderer reaches the host over the token-guarded `/bridge` namespace.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'socket.io';
import { contentSecurityPolicy } from '../host/csp';
import { connectHub, demoPasswordOf, type HubConnection } from '../host/embedded-hub';
import { createHostServices, type HubInfo } from '../host/services';
import { parseWebArgs } from './args';
import { mountBridge } from './bridge-namespace';
import { loadLaunchToken } from './launch-token';
import { startStandaloneServer, type StandaloneServer } from './standalone-server';
import { createAppRoute } from './static-app';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const appPrefix = '/app';
const host = '127.0.0.1';

async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2));
  const dataDir = resolve(args.dataDir ?? resolve(repoRoot, '.data'));
  // Kept across restarts on this data directory: an open page reconnects without a new address.
  const token = loadLaunchToken(dataDir, { warn: (message) => console.error(message) });

  let info: HubInfo | null = null;
  const services = createHostServices({ dataDir, hubInfo: () => info });
  let connection: HubConnection | null = null;
  let standalone: StandaloneServer | null = null;
  let shuttingDown = false;

  async function shutdown(code: number): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    // A hub that hangs on close must not keep the terminal; the data is already committed.
    const timer = setTimeout(() => {
      console.error('web mode: shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    try {
      await standalone?.close();
      await connection?.close();
    } finally {
      services.close();
    }
    process.exit(code);
  }
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    // `--hub` wins for this launch only; the settings keep what the worker chose.
    const hubUrl = args.hubUrl ?? services.settings.get().hubUrl;
    const appRoute = createAppRoute({
      dir: resolve(repoRoot, 'out/web'),
      prefix: appPrefix,
      csp: contentSecurityPolicy({ hubUrl }),
    });

    let io: Server;
    let port: number;
    if (hubUrl) {
      connection = await connectHub({ userDataDir: dataDir, hubUrl });
      standalone = await startStandaloneServer({ host, port: args.port, prefix: appPrefix, appRoute });
      io = standalone.io;
      port = standalone.port;
    } else {
      connection = await connectHub({
        userDataDir: dataDir,
        hubUrl: null,
        host,
        port: args.port,
        logLevel: args.logLevel,
        routes: [{ prefix: appPrefix, handler: appRoute }],
      });
      if (!connection.hub) throw new Error('the embedded hub did not start');
      io = connection.hub.io;
      port = connection.hub.port;
    }
    mountBridge(io, { token, services });
    info = {
      hubUrl: connection.hubUrl,
      embeddedHub: connection.embedded,
      version: packageVersion(),
      demoPassword: demoPasswordOf(connection),
    };

    const lines = [`open http://${host}:${port}${appPrefix}/?token=${token}`];
    if (connection.embedded) {
      for (const { username, password } of connection.demoCredentials ?? []) {
        lines.push(`demo sign-in: ${username} / ${password}`);
      }
      if (connection.setupCode) lines.push(`hub setup code: ${connection.setupCode}`);
    }
    // One write: a launcher reading up to the `open` line then has every line that goes with it.
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    console.error(`web mode could not start: ${describeStartError(error, args.port)}`);
    await shutdown(1);
  }
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

function describeStartError(error: unknown, port: number): string {
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    return `port ${port} is in use (pass --port <other>, or --port 0 for any free port)`;
  }
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  console.error(`web mode could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
