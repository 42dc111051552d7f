import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * Shifts, pay and the quota report, version 5.
 *
 * - `clock_events`: what each workstation recorded (device time, its own
 *   monotonic counter), kept as sent; the hub never rewrites one. A device's
 *   counter is unique per worker, so a resent event is the same row.
 * - `shifts`: derived from the events (and a supervisor's overrides) in
 *   device-time order; rebuilt for a worker when a late event lands, keyed by
 *   the clock-in's command id so the ledger's source keys survive a rebuild.
 * - `pay_rules`: versions with an effective day, per organisation
 *   (`user_id` 0) or per worker.
 * - `earnings_ledger`: append-only (triggers refuse UPDATE and DELETE);
 *   a correction or adjustment is a new row.
 * - timesheets with their decisions and an audit trail; teams.
 * - the quota report's records: disability (certificate encrypted), months
 *   of wage and social insurance, and the organisation's parameters.
 * - live orders gain `refunded_at` (commission is net of refunds); tickets
 *   gain the indexes the ledger sync reads resolved and rated tickets by.
 * - the output report's summary (per worker and day, per worker and month,
 *   the organisation's days), kept by the ledger sync, and the triggers that
 *   note which days a change to an older fact moved.
 *
 * Every statement can run again (`ifNotExists`, the column only when
 * missing): Kysely records a migration only after it ran.
 */
export const shifts: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const orders = (await db.introspection.getTables()).find((t) => t.name === 'live_orders');
    if (!orders?.columns.some((c) => c.name === 'refunded_at')) {
      await db.schema.alterTable('live_orders').addColumn('refunded_at', 'bigint').execute();
    }
    // Pay (server/pay): the ledger sync and the output summary (`output_days`) read a day's resolved
    // tickets, its ratings and its orders by time from covering indexes; the sync finds refunds and
    // late clock events by when they arrived, not by a scan. The report itself reads the summary.
    await db.schema
      .createIndex('tickets_resolved_time')
      .ifNotExists()
      .on('tickets')
      .columns(['org_id', 'resolved_at', 'assignee_id', 'first_response_at', 'created_at'])
      .execute();
    await db.schema
      .createIndex('tickets_csat_at')
      .ifNotExists()
      .on('tickets')
      .columns(['org_id', 'csat_at', 'assignee_id', 'csat_score'])
      .execute();
    await db.schema
      .createIndex('live_orders_output')
      .ifNotExists()
      .on('live_orders')
      .columns(['org_id', 'created_at', 'broadcast_id', 'total_fen', 'refunded_at'])
      .execute();
    await db.schema
      .createIndex('live_orders_refunded')
      .ifNotExists()
      .on('live_orders')
      .columns(['org_id', 'refunded_at'])
      .execute();
    await db.schema
      .createIndex('live_broadcasts_started')
      .ifNotExists()
      .on('live_broadcasts')
      .columns(['org_id', 'started_at'])
      .execute();

    await db.schema
      .createTable('teams')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('team_members')
      .ifNotExists()
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .execute();

    await db.schema
      .createTable('clock_events')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('command_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('counter', 'integer', (c) => c.notNull().check(sql`counter > 0`))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('in', 'break_start', 'break_end', 'out')`),
      )
      .addColumn('device_at', 'bigint', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('device_skew_ms', 'integer')
      .addColumn('break_reason', 'text')
      /** JSON array of ClockFlag (shared/protocol/shifts.ts): skew seen, never a refusal. */
      .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
      /** Set when the state machine could not apply it (a break while off); kept, shown, not counted. */
      .addColumn('ignored_reason', 'text')
      .addUniqueConstraint('clock_events_device_counter', ['user_id', 'device_id', 'counter'])
      .execute();
    await db.schema
      .createIndex('clock_events_received')
      .ifNotExists()
      .on('clock_events')
      .columns(['org_id', 'received_at'])
      .execute();
    await db.schema
      .createIndex('clock_events_user_time')
      .ifNotExists()
      .on('clock_events')
      .columns(['org_id', 'user_id', 'device_at', 'counter'])
      .execute();

    await db.schema
      .createTable('shifts')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      /** The clock-in's command id: stable across rebuilds, the ledger's source key. */
      .addColumn('shift_key', 'text', (c) => c.notNull().unique())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      /** The organisation's calendar day the shift started on (YYYY-MM-DD). */
      .addColumn('day_key', 'text', (c) => c.notNull())
      /** JSON array of { start, end | null, reason }; the reason is the worker's alone. */
      .addColumn('breaks', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('worked_ms', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('break_ms', 'integer', (c) => c.notNull().defaultTo(0))
      /** JSON array of ClockFlag gathered from its events. */
      .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
      /** 1 when a supervisor's override changed its times. */
      .addColumn('edited', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`edited in (0, 1)`),
      )
      .execute();
    await db.schema
      .createIndex('shifts_user_time')
      .ifNotExists()
      .on('shifts')
      .columns(['org_id', 'user_id', 'started_at'])
      .execute();
    await db.schema
      .createIndex('shifts_org_day')
      .ifNotExists()
      .on('shifts')
      .columns(['org_id', 'day_key'])
      .execute();

    await db.schema
      .createTable('shift_overrides')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('shift_key', 'text', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('shift_overrides_key')
      .ifNotExists()
      .on('shift_overrides')
      .columns(['shift_key', 'id'])
      .execute();

    await db.schema
      .createTable('pay_settings')
      .ifNotExists()
      .addColumn('org_id', 'integer', (c) =>
        c.primaryKey().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('pay_rules')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      /** 0: the organisation's rule; otherwise that worker's override. */
      .addColumn('user_id', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('effective_from', 'text', (c) => c.notNull())
      .addColumn('hourly_fen', 'integer', (c) => c.notNull().check(sql`hourly_fen >= 0`))
      .addColumn('per_ticket_fen', 'integer', (c) => c.notNull().check(sql`per_ticket_fen >= 0`))
      .addColumn('csat_bonus_fen', 'integer', (c) => c.notNull().check(sql`csat_bonus_fen >= 0`))
      .addColumn('csat_min_score', 'integer', (c) => c.notNull().check(sql`csat_min_score between 1 and 5`))
      .addColumn('live_hour_fen', 'integer', (c) => c.notNull().check(sql`live_hour_fen >= 0`))
      /** Basis points of GMV net of refunds: 500 is 5 %. */
      .addColumn('commission_bp', 'integer', (c) => c.notNull().check(sql`commission_bp between 0 and 10000`))
      .addColumn('author_id', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('pay_rules_version', ['org_id', 'user_id', 'effective_from'])
      .execute();

    await db.schema
      .createTable('earnings_ledger')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`kind in ('hours', 'ticket', 'csat', 'live', 'commission', 'refund', 'adjustment', 'correction')`,
          ),
      )
      /** What it was derived from ('shift:<key>', 'ticket:<id>', 'order:<id>', …); a correction's command id. */
      .addColumn('source_key', 'text', (c) => c.notNull())
      /** 0 for the first entry of a source; adjustments of the same source count up. */
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
      /** Minutes, tickets, or fen of GMV: what the rate was applied to. */
      .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(0))
      /** Fen per unit, or basis points for commission. */
      .addColumn('rate', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('amount_fen', 'integer', (c) => c.notNull())
      .addColumn('rule_id', 'integer', (c) => c.references('pay_rules.id'))
      /** When the fact happened; its day and month place the entry on statements. */
      .addColumn('occurred_at', 'bigint', (c) => c.notNull())
      .addColumn('day_key', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('author_id', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('earnings_ledger_source', ['org_id', 'source_key', 'revision'])
      .execute();
    await db.schema
      .createIndex('earnings_ledger_user_day')
      .ifNotExists()
      .on('earnings_ledger')
      .columns(['org_id', 'user_id', 'day_key'])
      .execute();
    // Covering (org, day, user, amount): the quota report groups each month's entries by worker, and
    // the output summary each day's, without row lookups. An index led by the worker instead is
    // chosen for that GROUP BY (no sort) and reads every entry of the organisation once per month.
    await db.schema
      .createIndex('earnings_ledger_day_user')
      .ifNotExists()
      .on('earnings_ledger')
      .columns(['org_id', 'day_key', 'user_id', 'amount_fen'])
      .execute();
    await sql`CREATE TRIGGER IF NOT EXISTS earnings_ledger_no_update BEFORE UPDATE ON earnings_ledger
      BEGIN SELECT RAISE(ABORT, 'earnings_ledger is append-only: post a correction'); END`.execute(db);
    await sql`CREATE TRIGGER IF NOT EXISTS earnings_ledger_no_delete BEFORE DELETE ON earnings_ledger
      BEGIN SELECT RAISE(ABORT, 'earnings_ledger is append-only: post a correction'); END`.execute(db);

    await db.schema
      .createTable('ledger_sync')
      .ifNotExists()
      .addColumn('org_id', 'integer', (c) =>
        c.primaryKey().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('synced_until', 'bigint', (c) => c.notNull())
      /** The last ledger entry whose day the output summary has counted (entries are append-only). */
      .addColumn('summed_ledger_id', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await outputSummary(db);

    await db.schema
      .createTable('timesheets')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('week', 'month')`))
      /** The period's first day (a Monday, or the 1st), YYYY-MM-DD. */
      .addColumn('start_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'approved', 'returned')`))
      .addColumn('comment', 'text')
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('decided_at', 'bigint')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('timesheets_period', ['user_id', 'period', 'start_key'])
      .execute();

    await db.schema
      .createTable('timesheet_audit')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      /** The worker whose record it is. */
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('timesheet_id', 'integer', (c) => c.references('timesheets.id').onDelete('set null'))
      .addColumn('shift_key', 'text')
      .addColumn('action', 'text', (c) =>
        c.notNull().check(sql`action in ('approved', 'returned', 'reopened', 'shift_edited', 'correction')`),
      )
      .addColumn('actor_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('comment', 'text')
      /** JSON of what it was and what it became (times, amounts), for the trail. */
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('timesheet_audit_user')
      .ifNotExists()
      .on('timesheet_audit')
      .columns(['org_id', 'user_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('disability_records')
      .ifNotExists()
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('grade', 'integer', (c) => c.notNull().check(sql`grade between 1 and 4`))
      .addColumn('kind', 'text', (c) => c.notNull())
      /** AES-256-GCM of the certificate number under the hub's records key: base64 of iv, tag, ciphertext. */
      .addColumn('certificate_cipher', 'text', (c) => c.notNull())
      /** The last four characters, for the masked display; never the whole number. */
      .addColumn('certificate_last4', 'text', (c) => c.notNull())
      .addColumn('contract_start', 'text', (c) => c.notNull())
      /** Null: an open-ended contract (无固定期限). */
      .addColumn('contract_end', 'text')
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('disability_records_org')
      .ifNotExists()
      .on('disability_records')
      .column('org_id')
      .execute();

    await db.schema
      .createTable('quota_months')
      .ifNotExists()
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      /** YYYY-MM. */
      .addColumn('month', 'text', (c) => c.notNull())
      /** Wage actually paid that month; null: the month's earnings ledger total. */
      .addColumn('wage_fen', 'integer', (c) => c.check(sql`wage_fen >= 0`))
      .addColumn('insurance_paid', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`insurance_paid in (0, 1)`),
      )
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('quota_months_pk', ['user_id', 'month'])
      .execute();

    await db.schema
      .createTable('quota_settings')
      .ifNotExists()
      .addColumn('org_id', 'integer', (c) =>
        c.primaryKey().references('organisations.id').onDelete('cascade'),
      )
      /** JSON of QuotaParameters (shared/domain/quota): the numbers are parameters, not code. */
      .addColumn('parameters', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

/** The figures of one worker over a span (a day, or a month): what the output report sums. */
function summaryColumns<T extends string>(
  builder: CreateTableBuilder<T, string>,
): CreateTableBuilder<T, string> {
  return (
    builder
      .addColumn('tickets', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('csat_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('csat_sum', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('live_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('orders', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('gmv_fen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('worked_ms', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('earnings_fen', 'integer', (c) => c.notNull().defaultTo(0))
      /**
       * Every first response (first reply − creation, ms) of those tickets, packed ascending
       * (server/pay/responses.ts): a median cannot be summed, so the report merges these and stays
       * exact. Last: summing the other columns then never reads past it into overflow pages.
       */
      .addColumn('responses', 'blob', (c) => c.notNull())
  );
}

/**
 * The output report's summary (server/pay/output-days.ts), kept by the ledger sync: per worker and
 * day, the same per worker and whole month (a year reads ~12 rows a worker, not ~250), and the
 * organisation's day series. A day is summed again from the facts when its facts may have changed:
 * new facts arrive within the sync's window, and the triggers below note the instants whose day a
 * change moved or removed (a reopened ticket, a refund, a rebuilt shift), which no window sees.
 */
async function outputSummary(db: Kysely<unknown>): Promise<void> {
  await summaryColumns(
    db.schema
      .createTable('output_days')
      .ifNotExists()
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('day_key', 'text', (c) => c.notNull()),
  )
    // Clustered by day: the report reads a range of days for everyone, a worker's view through the index below.
    .addPrimaryKeyConstraint('output_days_pk', ['org_id', 'day_key', 'user_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema
    .createIndex('output_days_user')
    .ifNotExists()
    .on('output_days')
    .columns(['org_id', 'user_id', 'day_key'])
    .execute();
  await summaryColumns(
    db.schema
      .createTable('output_months')
      .ifNotExists()
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      /** YYYY-MM. */
      .addColumn('month', 'text', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('output_months_pk', ['org_id', 'month', 'user_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema
    .createTable('output_org_days')
    .ifNotExists()
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('day_key', 'text', (c) => c.notNull())
    /** Every assignee's, every order's and every ledger entry's: the report's day series without a team. */
    .addColumn('tickets', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gmv_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('earnings_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('output_org_days_pk', ['org_id', 'day_key'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema
    .createTable('output_dirty')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    /** An instant whose organisation day must be summed again. */
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();

  // Only changes to rows that already counted somewhere: a new fact is stamped now and the sync's
  // window finds it, so the million inserts of a busy year write nothing here.
  await sql`CREATE TRIGGER IF NOT EXISTS output_dirty_tickets
    AFTER UPDATE OF assignee_id, resolved_at, first_response_at, created_at, csat_at, csat_score ON tickets
    WHEN old.assignee_id IS NOT new.assignee_id OR old.resolved_at IS NOT new.resolved_at
      OR old.first_response_at IS NOT new.first_response_at OR old.created_at IS NOT new.created_at
      OR old.csat_at IS NOT new.csat_at OR old.csat_score IS NOT new.csat_score
    BEGIN
      INSERT INTO output_dirty (org_id, at)
        SELECT new.org_id, v.at FROM (SELECT old.resolved_at AS at UNION ALL SELECT new.resolved_at
          UNION ALL SELECT old.csat_at UNION ALL SELECT new.csat_at) v WHERE v.at IS NOT NULL;
    END`.execute(db);
  await sql`CREATE TRIGGER IF NOT EXISTS output_dirty_orders
    AFTER UPDATE OF refunded_at, total_fen, created_at, broadcast_id ON live_orders
    WHEN old.refunded_at IS NOT new.refunded_at OR old.total_fen IS NOT new.total_fen
      OR old.created_at IS NOT new.created_at OR old.broadcast_id IS NOT new.broadcast_id
    BEGIN
      INSERT INTO output_dirty (org_id, at) VALUES (new.org_id, old.created_at), (new.org_id, new.created_at);
    END`.execute(db);
  await sql`CREATE TRIGGER IF NOT EXISTS output_dirty_broadcasts
    AFTER UPDATE OF status, started_at, ended_at, room_id ON live_broadcasts
    WHEN old.status IS NOT new.status OR old.started_at IS NOT new.started_at
      OR old.ended_at IS NOT new.ended_at OR old.room_id IS NOT new.room_id
    BEGIN
      INSERT INTO output_dirty (org_id, at) VALUES (new.org_id, old.started_at), (new.org_id, new.started_at);
    END`.execute(db);
  // Shifts are rebuilt (deleted and made again) when a late clock event lands, on any earlier day.
  await sql`CREATE TRIGGER IF NOT EXISTS output_dirty_shifts_insert AFTER INSERT ON shifts
    BEGIN INSERT INTO output_dirty (org_id, at) VALUES (new.org_id, new.started_at); END`.execute(db);
  await sql`CREATE TRIGGER IF NOT EXISTS output_dirty_shifts_delete AFTER DELETE ON shifts
    BEGIN INSERT INTO output_dirty (org_id, at) VALUES (old.org_id, old.started_at); END`.execute(db);
  await sql`CREATE TRIGGER IF NOT EXISTS output_dirty_shifts_update AFTER UPDATE ON shifts
    BEGIN
      INSERT INTO output_dirty (org_id, at) VALUES (old.org_id, old.started_at), (new.org_id, new.started_at);
    END`.execute(db);
}
