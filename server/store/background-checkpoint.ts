import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/** SQLite's own default: a checkpoint once the WAL holds this many pages. */
const inlineAutocheckpointPages = 1000;
/**
 * While the worker runs, the hub's connection still checkpoints past this
 * many pages (64 MiB of 4 KiB pages). Under a long burst of commits a
 * passive checkpoint beside them never finds the WAL whole, so SQLite never
 * starts it again from the beginning; the writer's own checkpoint does.
 */
const fallbackAutocheckpointPages = 16_384;

export interface BackgroundCheckpointOptions {
  /** The store's file, opened again by the worker. */
  file: string;
  nativeBinding?: string;
  /** How often the worker copies the WAL back into the store. */
  intervalMs?: number;
  /** better-sqlite3's entry point as the worker requires it; tests point it elsewhere to make the worker fail. */
  module?: string;
  /** Pages past which the hub's connection checkpoints anyway (tests make it small). */
  fallbackPages?: number;
  /** The worker stopped: checkpoints are back on the hub's own connection. */
  onLost?: (reason: string) => void;
}

export interface BackgroundCheckpoint {
  /**
   * Stops the worker and waits (briefly, blocking) until its connection is
   * closed, so the hub's connection then closes as the last one and leaves
   * no WAL behind. Synchronous because closing a store is.
   */
  stop(): void;
}

/** Longest a stop waits for the worker to finish a checkpoint it is in and close. */
const stopWaitMs = 2000;

/*
 * The worker's whole program. CommonJS, evaluated as a string: no file of its
 * own to find next to a bundle or inside Electron's asar, only better-sqlite3,
 * which the hub resolves for it.
 */
const workerProgram = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  const closed = new Int32Array(workerData.closed);
  Atomics.store(closed, 0, 1);
  Atomics.notify(closed, 0);
  parentPort.close();
});
`;

/**
 * Checkpoints the WAL from a worker thread instead of inside the hub's
 * COMMITs. Under `synchronous = FULL` a checkpoint syncs the store file, and
 * SQLite runs it in whichever COMMIT crosses the page threshold: on the hub's
 * one thread, that stalled every socket for tens of milliseconds (the chat
 * bench's p99 at 2,000 conversations: 49 ms with, 21 ms without). A PASSIVE
 * checkpoint on a second connection copies committed pages while the hub
 * goes on writing; it never blocks the writer and never loses a commit (the
 * WAL stays authoritative until copied). The hub's connection still
 * checkpoints past 64 MiB, which bounds the WAL under a burst that never
 * lets a passive copy catch up. If the worker cannot start or
 * stops, the hub's connection takes checkpoints back at SQLite's default.
 */
export function startBackgroundCheckpoint(
  sqlite: BetterSqlite3.Database,
  options: BackgroundCheckpointOptions,
): BackgroundCheckpoint {
  const module = options.module ?? createRequire(import.meta.url).resolve('better-sqlite3');
  sqlite.pragma(`wal_autocheckpoint = ${options.fallbackPages ?? fallbackAutocheckpointPages}`);
  let stopping = false;
  const closed = new SharedArrayBuffer(4);
  const worker = new Worker(workerProgram, {
    eval: true,
    workerData: {
      closed,
      module,
      file: options.file,
      nativeBinding: options.nativeBinding ?? null,
      intervalMs: options.intervalMs ?? 1000,
    },
  });
  // A thread that only checkpoints must not keep a hub's process alive on its own.
  worker.unref();
  const lost = (reason: string) => {
    if (stopping) return;
    stopping = true;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${inlineAutocheckpointPages}`);
    options.onLost?.(reason);
  };
  worker.on('error', (err) => lost(err.message));
  worker.on('exit', (code) => lost(`the checkpoint worker exited (${code})`));
  return {
    stop() {
      if (stopping) return;
      stopping = true;
      worker.postMessage('stop');
      Atomics.wait(new Int32Array(closed), 0, 0, stopWaitMs);
    },
  };
}
