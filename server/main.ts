import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { isIP } from 'node:net';
import { z } from 'zod';
import { createHub } from './app';
import { normalizeOrigin } from './http/origins';

const usage =
  'usage: npm run hub -- --port <p> --data <dir> [--host <h>] [--demo] [--admin-password <pw>] [--log-level <lvl>]' +
  ' [--allow-origin <origin>]… [--max-signed-in-per-address <n>] [--rtc-port <n>] [--announced-address <ip-or-host>]';
const hostName =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const passwordRule = 'must be 8 to 256 characters';

const flagsSchema = z
  .object({
    port: z
      .string()
      .regex(/^\d{1,5}$/, 'must be a number from 0 to 65535')
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(0, 'must be a number from 0 to 65535')
          .max(65535, 'must be a number from 0 to 65535'),
      )
      .default(4455),
    data: z.string().trim().min(1, 'must name a directory').default('.data/hub'),
    host: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
    demo: z.boolean().default(false),
    'admin-password': z.string().min(8, passwordRule).max(256, passwordRule).optional(),
    'log-level': z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    'allow-origin': z
      .array(
        z
          .string()
          .refine((o) => normalizeOrigin(o) !== null, 'must be an origin such as http://127.0.0.1:5170'),
      )
      .default([]),
    'max-signed-in-per-address': z
      .string()
      .regex(/^\d{1,7}$/, 'must be a whole number from 1')
      .transform(Number)
      .pipe(z.number().int().min(1, 'must be a whole number from 1'))
      .optional(),
    // The WebRtcServer's UDP+TCP port for worker 0 (worker i takes rtc-port + i); 0 picks free ports.
    'rtc-port': z
      .string()
      .regex(/^\d{1,5}$/, 'must be a number from 0 to 65535')
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(0, 'must be a number from 0 to 65535')
          .max(65535, 'must be a number from 0 to 65535'),
      )
      .optional(),
    // What browsers are told to reach when the hub is behind NAT: an IPv4/IPv6 address or a host name.
    'announced-address': z
      .string()
      .trim()
      .max(253, 'must be an IP address or a host name')
      .refine((value) => isIP(value) !== 0 || hostName.test(value), 'must be an IP address or a host name')
      .optional(),
  })
  .strict();

function fail(message: string): never {
  process.stderr.write(`hub: ${message} (${usage})\n`);
  process.exit(2);
}

function readFlags(): z.output<typeof flagsSchema> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        host: { type: 'string' },
        demo: { type: 'boolean' },
        'admin-password': { type: 'string' },
        'log-level': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'max-signed-in-per-address': { type: 'string' },
        'rtc-port': { type: 'string' },
        'announced-address': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(err instanceof Error ? (err.message.split('\n')[0] ?? 'bad flags') : 'bad flags');
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The flag's name only: a repeated flag's issue path also holds the index (`allow-origin.1`).
    fail(issue ? `--${String(issue.path[0])} ${issue.message}` : 'bad flags');
  }
  return parsed.data;
}

async function main(): Promise<void> {
  const flags = readFlags();
  if (flags.demo && flags['admin-password'] !== undefined)
    fail('--demo and --admin-password exclude each other');
  // Logs go to stderr: stdout carries only the lines a launcher or a person reads.
  const logger = pino({ name: 'hub', level: flags['log-level'] }, pino.destination(2));
  const hub = await createHub({
    dataDir: flags.data,
    host: flags.host,
    port: flags.port,
    demo: flags.demo,
    ...(flags['admin-password'] !== undefined ? { adminPassword: flags['admin-password'] } : {}),
    allowedOrigins: flags['allow-origin'],
    ...(flags['max-signed-in-per-address'] !== undefined
      ? { connectionLimits: { maxSignedInPerAddress: flags['max-signed-in-per-address'] } }
      : {}),
    ...(flags['rtc-port'] !== undefined || flags['announced-address'] !== undefined
      ? {
          media: {
            ...(flags['rtc-port'] !== undefined ? { rtcPort: flags['rtc-port'] } : {}),
            ...(flags['announced-address'] !== undefined
              ? { announcedAddress: flags['announced-address'] }
              : {}),
          },
        }
      : {}),
    logger,
  });

  const lines = [`listening on ${hub.url}`];
  for (const c of hub.demoCredentials ?? []) lines.push(`demo sign-in: ${c.username} / ${c.password}`);
  if (hub.setupCode) {
    lines.push(`setup code: ${hub.setupCode} (one time: POST /api/setup creates the first organisation)`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    hub.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'close failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`hub: could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
