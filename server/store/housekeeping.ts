import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from './schema';

/** A bounded clean-up: deletes what its retention rule says is no longer needed, answers how many rows. */
export type Sweep = (db: Kysely<Database>, now: number) => Promise<number>;

export interface Housekeeping {
  /** Runs every sweep once now; resolves when they are done. */
  runNow(): Promise<void>;
  /** No more sweeps; resolves once one still running is done, so the store can close under it. */
  stop(): Promise<void>;
}

const everyMs = 60 * 60 * 1000;

/**
 * Tables that would otherwise grow without end (command results, login
 * failures, revoked tokens) each have a retention rule; this runs them at
 * start and hourly. A failed sweep is logged and tried again next time: it
 * never stops the hub.
 */
export function startHousekeeping(
  db: Kysely<Database>,
  sweeps: Record<string, Sweep>,
  log: Logger,
  now: () => number,
): Housekeeping {
  let running: Promise<void> | null = null;
  const runNow = (): Promise<void> => {
    running ??= (async () => {
      for (const [name, sweep] of Object.entries(sweeps)) {
        try {
          const removed = await sweep(db, now());
          if (removed > 0) log.info({ sweep: name, removed }, 'housekeeping');
        } catch (err) {
          log.warn({ err, sweep: name }, 'housekeeping sweep failed');
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void runNow(), everyMs);
  timer.unref();
  return {
    runNow,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
