import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createHub, type Hub, type HubConfig } from '../../server/app';

type Route = NonNullable<HubConfig['routes']>[number];

export interface HubConnectionOptions {
  /** `<userData>`: the embedded hub keeps its data in `<userData>/hub`. */
  userDataDir: string;
  /** From settings (or `--hub`); null starts the embedded hub. */
  hubUrl: string | null;
  /** Where the embedded hub listens; 127.0.0.1 and a free port unless told otherwise. */
  host?: string;
  port?: number;
  logLevel?: string;
  /** Extra HTTP routes for the embedded hub (web mode serves the renderer through it). */
  routes?: Route[];
  /** Electron-ABI better-sqlite3 for the hub's store when it runs inside Electron. */
  nativeBinding?: string;
  /** Browser origins besides the hub's own pages and wings://app, e.g. electron-vite's dev server. */
  allowedOrigins?: string[];
}

export interface HubConnection {
  hubUrl: string;
  embedded: boolean;
  /** The running embedded hub, or null when connecting to a configured one. */
  hub: Hub | null;
  /** Demo sign-ins, known while the embedded hub holds the demo organisation it seeded. */
  demoCredentials: { username: string; password: string }[] | null;
  setupCode: string | null;
  close(): Promise<void>;
}

const demoMarkerSchema = z.object({
  credentials: z.array(z.object({ username: z.string(), password: z.string() })).min(1),
});
const demoMarkerFile = 'embedded-hub-demo.json';

/**
 * Starts the hub in-process when none is configured, else just names the
 * configured one. The demo organisation is seeded only into an empty hub
 * directory, so a worker's real data is never mixed with demo data.
 */
export async function connectHub(options: HubConnectionOptions): Promise<HubConnection> {
  if (options.hubUrl) {
    return {
      hubUrl: options.hubUrl.replace(/\/+$/, ''),
      embedded: false,
      hub: null,
      demoCredentials: null,
      setupCode: null,
      close: async () => {},
    };
  }

  const hubDir = join(options.userDataDir, 'hub');
  const fresh = !existsSync(join(hubDir, 'hub.sqlite'));
  mkdirSync(hubDir, { recursive: true });
  const config: HubConfig = {
    dataDir: hubDir,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    demo: fresh,
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
  };
  const hub = await createHub(config);

  const markerPath = join(options.userDataDir, demoMarkerFile);
  let demoCredentials = hub.demoCredentials;
  if (fresh && demoCredentials && demoCredentials.length > 0) {
    // Remembered so later launches can still show the demo sign-in on this install.
    writeFileSync(markerPath, JSON.stringify({ credentials: demoCredentials }));
  } else if (!demoCredentials) {
    demoCredentials = readDemoMarker(markerPath);
  }

  return {
    hubUrl: hub.url.replace(/\/+$/, ''),
    embedded: true,
    hub,
    demoCredentials,
    setupCode: hub.setupCode,
    close: () => hub.close(),
  };
}

function readDemoMarker(path: string): { username: string; password: string }[] | null {
  if (!existsSync(path)) return null;
  try {
    return demoMarkerSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).credentials;
  } catch {
    return null;
  }
}

/** The password `host.info` offers the sign-in screen; all demo users share one. */
export function demoPasswordOf(connection: HubConnection): string | null {
  return connection.embedded ? (connection.demoCredentials?.[0]?.password ?? null) : null;
}
