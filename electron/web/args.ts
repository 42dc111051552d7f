import { parseArgs } from 'node:util';
import { z } from 'zod';

export interface WebArgs {
  port: number;
  dataDir: string | null;
  hubUrl: string | null;
  logLevel: string;
}

/** A fixed default so the printed address stays the same between launches; `--port 0` takes any free port. */
export const defaultWebPort = 5170;

const portSchema = z.coerce.number().int().min(0).max(65535);
const hubUrlSchema = z.url({ protocol: /^https?$/ }).max(2048);

/** `--port <p> --data <dir> --hub <url> [--build] [--log-level <lvl>]`; throws a one-line message on bad input. */
export function parseWebArgs(argv: string[]): WebArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      hub: { type: 'string' },
      // Handled by scripts/start-web.mjs; accepted here so the same arguments work for both.
      build: { type: 'boolean' },
      'log-level': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? defaultWebPort : portSchema.safeParse(values.port);
  if (typeof port !== 'number' && !port.success)
    throw new Error(`--port must be 0..65535, got ${values.port}`);
  const hub = values.hub === undefined ? null : hubUrlSchema.safeParse(values.hub);
  if (hub && !hub.success) throw new Error(`--hub must be an http(s) URL, got ${values.hub}`);
  return {
    port: typeof port === 'number' ? port : port.data,
    dataDir: values.data ?? null,
    hubUrl: hub ? hub.data : null,
    logLevel: values['log-level'] ?? 'warn',
  };
}
