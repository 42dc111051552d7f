import type { Kysely, Migration } from 'kysely';
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
 *   gain the index the dashboard reads resolved tickets by.
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
    await db.schema
      .createIndex('tickets_resolved_by')
      .ifNotExists()
      .on('tickets')
      .columns(['org_id', 'assignee_id', 'resolved_at'])
      .execute();
    await db.schema
      .createIndex('tickets_csat_at')
      .ifNotExists()
      .on('tickets')
      .columns(['org_id', 'csat_at'])
      .execute();
    // Pay (server/pay): the output report reads resolved tickets and ratings by time from covering
    // indexes (no row lookups over a year of tickets); the ledger sync finds refunds and late clock
    // events by when they arrived, not by a scan.
    await db.schema
      .createIndex('tickets_resolved_time')
      .ifNotExists()
      .on('tickets')
      .columns(['org_id', 'resolved_at', 'assignee_id'])
      .execute();
    await db.schema
      .createIndex('tickets_output_by')
      .ifNotExists()
      .on('tickets')
      .columns(['org_id', 'assignee_id', 'resolved_at', 'first_response_at', 'created_at'])
      .execute();
    await db.schema
      .createIndex('tickets_csat_by')
      .ifNotExists()
      .on('tickets')
      .columns(['org_id', 'assignee_id', 'csat_at', 'csat_score'])
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
      .createIndex('live_orders_created')
      .ifNotExists()
      .on('live_orders')
      .columns(['org_id', 'created_at'])
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
    await db.schema
      .createIndex('earnings_ledger_org_day')
      .ifNotExists()
      .on('earnings_ledger')
      .columns(['org_id', 'day_key'])
      .execute();
    // Covering: the output report sums a year of entries per worker, and per day, without row lookups.
    await db.schema
      .createIndex('earnings_ledger_user_amount')
      .ifNotExists()
      .on('earnings_ledger')
      .columns(['org_id', 'user_id', 'day_key', 'amount_fen'])
      .execute();
    await db.schema
      .createIndex('earnings_ledger_day_amount')
      .ifNotExists()
      .on('earnings_ledger')
      .columns(['org_id', 'day_key', 'amount_fen'])
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
      .execute();

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
