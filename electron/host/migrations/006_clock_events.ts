import type { HostDb } from '../host-db';

/**
 * 6: clock events, written here first so a worker can clock in, take a break
 * and clock out with the hub unreachable for days. `clock_device` holds this
 * install's device id (made once, on first use) and the last counter it
 * handed out: the counter is per device, so it must never go back or be
 * reused, even if events are removed; the hub orders and dedupes by
 * (deviceAt, counter) and (user, deviceId, counter). The last measured skew
 * against the hub's clock is kept too, so an event recorded offline after a
 * restart still carries it.
 */
export function clockEvents(db: HostDb): void {
  db.exec(`
    CREATE TABLE clock_device (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      device_id TEXT NOT NULL,
      last_counter INTEGER NOT NULL DEFAULT 0 CHECK (last_counter >= 0),
      skew_ms INTEGER,
      skew_at INTEGER
    ) STRICT;
    CREATE TABLE clock_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      owner TEXT NOT NULL,
      device_id TEXT NOT NULL,
      counter INTEGER NOT NULL CHECK (counter > 0),
      kind TEXT NOT NULL CHECK (kind IN ('in', 'break_start', 'break_end', 'out')),
      device_at INTEGER NOT NULL,
      -- Only a break has a reason, and it never leaves the worker and their hub.
      break_reason TEXT CHECK (
        break_reason IS NULL
        OR (kind = 'break_start' AND break_reason IN ('rest', 'meal', 'medical', 'family', 'other'))
      ),
      device_skew_ms INTEGER,
      command_id TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      UNIQUE (device_id, counter)
    ) STRICT;
    CREATE INDEX clock_events_owner ON clock_events (owner, seq);
  `);
}
