import type { HostDb } from '../host-db';

/**
 * 3: the outbox gets a queue order (`seq`), a lane, what the worker typed,
 * the composer it came from, and a "not sent" state with its reason, so a
 * refused or given-up command is kept for the worker instead of deleted.
 * Entries queued by the previous version keep their order (by id, which was
 * their order then) and go to one lane per event, as they were sent one by
 * one before; their typed text is their `body`, the only text command then.
 */
export function outboxLanes(db: HostDb): void {
  db.exec(`
    CREATE TABLE outbox_lanes (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      owner TEXT NOT NULL,
      event TEXT NOT NULL,
      payload TEXT NOT NULL,
      lane TEXT NOT NULL,
      typed TEXT,
      draft_key TEXT,
      created_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'not_sent')),
      reason_code TEXT,
      reason_message TEXT,
      failed_at INTEGER
    ) STRICT;
    INSERT INTO outbox_lanes (id, owner, event, payload, lane, typed, draft_key, created_at, attempts)
      SELECT id, owner, event, payload,
             CASE event WHEN 'team.post' THEN 'team' ELSE event END,
             CASE WHEN json_valid(payload) AND json_type(payload, '$.body') = 'text'
                  THEN json_extract(payload, '$.body') END,
             CASE event WHEN 'team.post' THEN 'team.note' END,
             created_at, attempts
      FROM outbox ORDER BY id;
    DROP TABLE outbox;
    ALTER TABLE outbox_lanes RENAME TO outbox;
    CREATE INDEX outbox_owner_state ON outbox (owner, state, seq);
  `);
}
