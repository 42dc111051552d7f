import type { Logger } from 'pino';
import type { Ack } from '../../shared/protocol/ack';
import { fail } from '../../shared/protocol/ack';

/**
 * Why the hub will not open its store. Thrown by `createDatabase` before the
 * hub listens; the CLI prints the message as its one start-error line, so it
 * names the file and says what to do.
 */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';

  constructor(
    /** `damaged`: the file fails SQLite's checks; `missing`: it is gone but the hub has run here before. */
    readonly reason: 'damaged' | 'missing',
    /** The store file the hub was asked to open. */
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A store error as a command sees it. Transient ones are about the hub, not
 * the command: the same command may succeed once the hub's disk has room, a
 * lock is free or the store is restored, so they are answered `unavailable`,
 * never recorded, and the workstation's outbox sends the command again.
 * `cannot_apply` is about the command itself (it breaks a constraint, a value
 * does not fit): every resend would fail the same way, so it is final.
 */
export type StoreFault =
  | { final: false; cause: TransientCause; code: string }
  | { final: true; cause: 'cannot_apply'; code: string };

export type TransientCause = 'disk_full' | 'io' | 'busy' | 'cannot_open' | 'read_only' | 'damaged';

/** By SQLite's primary result code (the part of an extended code before its second `_`). */
const transientByPrimary: Record<string, TransientCause> = {
  SQLITE_FULL: 'disk_full',
  SQLITE_IOERR: 'io',
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_CANTOPEN: 'cannot_open',
  // A store that turned read-only (permissions, a remount) or damaged can be fixed by whoever runs the hub.
  SQLITE_READONLY: 'read_only',
  SQLITE_CORRUPT: 'damaged',
  SQLITE_NOTADB: 'damaged',
};

/** Errors that depend only on what the command writes, never on when it is tried. */
const deterministic = new Set(['SQLITE_CONSTRAINT', 'SQLITE_MISMATCH', 'SQLITE_TOOBIG', 'SQLITE_RANGE']);

/** better-sqlite3's SqliteError: its `code` is SQLite's extended result code, such as `SQLITE_IOERR_WRITE`. */
function sqliteCode(err: unknown): string | null {
  if (!(err instanceof Error) || err.name !== 'SqliteError') return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Null for anything that is not an SQLite error, or one that says nothing certain (it stays `internal`). */
export function classifyStoreError(err: unknown): StoreFault | null {
  const code = sqliteCode(err);
  if (!code) return null;
  const primary = code.split('_', 2).join('_');
  const cause = transientByPrimary[primary];
  if (cause) return { final: false, cause, code };
  if (deterministic.has(primary)) return { final: true, cause: 'cannot_apply', code };
  return null;
}

const transientMessages: Record<TransientCause, string> = {
  disk_full: "The hub's disk is full. Nothing was changed; it can be sent again once there is room.",
  io: 'The hub cannot write to its disk right now. Nothing was changed; try again soon.',
  busy: "The hub's store is busy. Nothing was changed; try again in a moment.",
  cannot_open: 'The hub cannot open its store right now. Nothing was changed; try again soon.',
  read_only: 'The hub cannot write to its store right now. Nothing was changed; try again soon.',
  damaged: "The hub's store is damaged. Nothing was changed; try again once it is repaired.",
};

export function faultAck(fault: StoreFault): Ack<never> {
  return fault.final
    ? fail('cannot_apply', 'The hub cannot apply this command.')
    : fail('unavailable', transientMessages[fault.cause]);
}

/** What the log says a burst is, in words an operator searches for. */
const causeWords: Record<TransientCause, string> = {
  disk_full: 'disk full',
  io: 'disk I/O error',
  busy: 'store busy',
  cannot_open: 'store cannot be opened',
  read_only: 'store is read-only',
  damaged: 'store is damaged',
};

/**
 * Logs transient store failures once per burst: the first with its real
 * cause (the SQLite error itself), then at most one line a minute saying how
 * many more commands met it. A full disk answers every command, every few
 * seconds from every outbox; one line each would fill what is left of it.
 * A burst ends after `quietMs` without that cause.
 */
export class StoreAlarm {
  private readonly bursts = new Map<TransientCause, { last: number; logged: number; since: number }>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => number,
    private readonly quietMs = 60_000,
  ) {}

  report(fault: StoreFault & { final: false }, err: unknown): void {
    const now = this.now();
    const burst = this.bursts.get(fault.cause);
    if (!burst || now - burst.last > this.quietMs) {
      this.bursts.set(fault.cause, { last: now, logged: now, since: 0 });
      this.log.error(
        { err, code: fault.code, cause: fault.cause },
        `store: ${causeWords[fault.cause]}; commands are answered "unavailable" until it clears`,
      );
      return;
    }
    burst.last = now;
    burst.since += 1;
    if (now - burst.logged >= this.quietMs) {
      this.log.warn(
        { code: fault.code, cause: fault.cause, refused: burst.since },
        `store: still ${causeWords[fault.cause]}; ${burst.since} more commands answered "unavailable"`,
      );
      burst.logged = now;
      burst.since = 0;
    }
  }
}

/** One alarm per store, shared by every socket's dispatcher, so a burst is one burst for the whole hub. */
const alarms = new WeakMap<object, StoreAlarm>();

export function alarmFor(store: object, log: Logger, now: () => number): StoreAlarm {
  let alarm = alarms.get(store);
  if (!alarm) {
    alarm = new StoreAlarm(log, now);
    alarms.set(store, alarm);
  }
  return alarm;
}
