import type { NotSentEntry, NotSentReason, OutboxEntry, OutboxList } from '../../shared/bridge';
import { notSentReasonSchema } from '../../shared/bridge';
import { checkQueuedCommand } from '../../shared/domain/queued-command';
import type { HostDb } from './host-db';

export interface QueueInput {
  id: string;
  event: string;
  payload: Record<string, unknown>;
  draftKey: string | null;
}

export type PutResult = { ok: true; entry: OutboxEntry } | { ok: false; reason: NotSentReason };

/**
 * One worker's outbox on the host's disk. `owner` always comes from the
 * host's session. An entry leaves only when the hub applied it; refused,
 * given-up and outdated entries stay as "not sent" until the worker retries or
 * discards them, across restarts.
 */
export interface OutboxStore {
  /** Checks the payload is that command, stamps lane and typed text; a repeated id keeps the first entry. */
  put(owner: string, input: QueueInput, now: number): PutResult;
  list(owner: string): OutboxList;
  /** The new attempt count; 0 when the entry is gone (an ack may have raced it). */
  attempted(owner: string, id: string): number;
  /** It leaves the outbox; answers what the worker had typed in it (null if nothing, or no such entry). */
  delivered(owner: string, id: string): string | null;
  notSent(owner: string, id: string, reason: NotSentReason, now: number): void;
  /** Back into its lane with a fresh attempt count; false if it is not a "not sent" entry of this owner. */
  retry(owner: string, id: string): boolean;
  /** Only "not sent" entries can be thrown away, and only by their owner. */
  discard(owner: string, id: string): boolean;
  /** Moves every pending entry (of every owner) that no longer parses to "not sent"; answers how many. */
  sweepOutdated(now: number): number;
  counts(owner: string): { pending: number; notSent: number };
}

interface Row {
  seq: number;
  id: string;
  event: string;
  payload: string;
  lane: string;
  typed: string | null;
  draft_key: string | null;
  created_at: number;
  attempts: number;
  state: 'pending' | 'not_sent';
  reason_code: string | null;
  reason_message: string | null;
  failed_at: number | null;
}

const columns = `seq, id, event, payload, lane, typed, draft_key, created_at, attempts, state,
  reason_code, reason_message, failed_at`;

function toEntry(row: Row): OutboxEntry {
  return {
    id: row.id,
    seq: row.seq,
    event: row.event,
    payload: parsePayload(row.payload),
    lane: row.lane,
    typed: row.typed,
    draftKey: row.draft_key,
    createdAt: row.created_at,
    attempts: row.attempts,
  };
}

function parsePayload(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function toNotSent(row: Row): NotSentEntry {
  const reason = notSentReasonSchema.safeParse({ code: row.reason_code, message: row.reason_message ?? '' });
  return {
    ...toEntry(row),
    // A reason written by a newer Wings is shown as what it is, not dropped.
    reason: reason.success ? reason.data : { code: 'internal', message: row.reason_message ?? '' },
    failedAt: row.failed_at ?? row.created_at,
  };
}

export function createOutboxStore(db: HostDb): OutboxStore {
  const insert = db.prepare<[string, string, string, string, string, string | null, string | null, number]>(
    `INSERT INTO outbox (id, owner, event, payload, lane, typed, draft_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const byId = db.prepare<[string, string], Row>(`SELECT ${columns} FROM outbox WHERE owner = ? AND id = ?`);
  const byOwner = db.prepare<[string], Row>(`SELECT ${columns} FROM outbox WHERE owner = ? ORDER BY seq`);
  const attempt = db.prepare<[string, string], { attempts: number }>(
    "UPDATE outbox SET attempts = attempts + 1 WHERE owner = ? AND id = ? AND state = 'pending' RETURNING attempts",
  );
  const remove = db.prepare<[string, string], { typed: string | null }>(
    "DELETE FROM outbox WHERE owner = ? AND id = ? AND state = 'pending' RETURNING typed",
  );
  const markNotSent = db.prepare<[string, string, number, string, string]>(
    `UPDATE outbox SET state = 'not_sent', reason_code = ?, reason_message = ?, failed_at = ?
     WHERE owner = ? AND id = ? AND state = 'pending'`,
  );
  const markPending = db.prepare<[string, string]>(
    `UPDATE outbox SET state = 'pending', attempts = 0, reason_code = NULL, reason_message = NULL, failed_at = NULL
     WHERE owner = ? AND id = ? AND state = 'not_sent'`,
  );
  const removeNotSent = db.prepare<[string, string]>(
    "DELETE FROM outbox WHERE owner = ? AND id = ? AND state = 'not_sent'",
  );
  const allPending = db.prepare<[], { id: string; owner: string; event: string; payload: string }>(
    "SELECT id, owner, event, payload FROM outbox WHERE state = 'pending'",
  );
  const count = db.prepare<[string], { state: string; n: number }>(
    'SELECT state, count(*) AS n FROM outbox WHERE owner = ? GROUP BY state',
  );

  const sweep = db.transaction((now: number): number => {
    let moved = 0;
    for (const row of allPending.all()) {
      const check = checkQueuedCommand(row.event, parsePayload(row.payload));
      if (check.ok) continue;
      markNotSent.run(check.reason.code, check.reason.message, now, row.owner, row.id);
      moved += 1;
    }
    return moved;
  });

  return {
    put(owner, input, now) {
      // The hub applies a command once per the id inside it, and the outbox settles the entry by its own
      // id: two ids could report one text delivered when the hub had applied another under the same id.
      if (input.payload['id'] !== input.id) {
        return {
          ok: false,
          reason: { code: 'invalid_input', message: 'The command id is not the entry id.' },
        };
      }
      const check = checkQueuedCommand(input.event, input.payload);
      if (!check.ok) return check;
      insert.run(
        input.id,
        owner,
        input.event,
        JSON.stringify(input.payload),
        check.lane,
        check.typed,
        input.draftKey,
        now,
      );
      const row = byId.get(owner, input.id);
      // The id exists under another owner: command ids are per worker, so this one cannot be queued twice.
      if (!row)
        return { ok: false, reason: { code: 'conflict', message: 'This command id is already queued.' } };
      return { ok: true, entry: toEntry(row) };
    },
    list(owner) {
      const rows = byOwner.all(owner);
      return {
        pending: rows.filter((r) => r.state === 'pending').map(toEntry),
        notSent: rows.filter((r) => r.state === 'not_sent').map(toNotSent),
      };
    },
    attempted(owner, id) {
      return attempt.get(owner, id)?.attempts ?? 0;
    },
    delivered(owner, id) {
      const row = remove.get(owner, id);
      return row === undefined ? null : row.typed;
    },
    notSent(owner, id, reason, now) {
      markNotSent.run(reason.code, reason.message, now, owner, id);
    },
    retry(owner, id) {
      return markPending.run(owner, id).changes > 0;
    },
    discard(owner, id) {
      return removeNotSent.run(owner, id).changes > 0;
    },
    sweepOutdated: (now) => sweep(now),
    counts(owner) {
      const rows = count.all(owner);
      return {
        pending: rows.find((r) => r.state === 'pending')?.n ?? 0,
        notSent: rows.find((r) => r.state === 'not_sent')?.n ?? 0,
      };
    },
  };
}
