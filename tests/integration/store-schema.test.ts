import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SelectType } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest } from '../../server/store/database';
import type { Database } from '../../server/store/schema';
import { tempDir } from '../support/hub-client';

type Kind<T> = [T] extends [number]
  ? 'number'
  : [T] extends [string]
    ? 'string'
    : [T] extends [Buffer]
      ? 'blob'
      : never;

/** The FTS5 index is a virtual table (and its shadow tables); server/tickets/search tests cover it. */
type Tables = Omit<Database, 'ticket_search'>;

interface Column<K, N> {
  kind: K;
  nullable: N;
}

/**
 * What `server/store/schema.ts` says, written out once more. The compiler
 * checks this against the hand-written types (every table, every column, its
 * kind and nullability, nothing extra); the test checks it against the tables
 * the migrations build. Together the types and the migrations cannot drift.
 */
type Expected = {
  [T in keyof Tables]: {
    [C in keyof Tables[T]]-?: Column<
      Kind<NonNullable<SelectType<Tables[T][C]>>>,
      null extends SelectType<Tables[T][C]> ? true : false
    >;
  };
};

const num = { kind: 'number', nullable: false } as const;
const str = { kind: 'string', nullable: false } as const;
const optStr = { kind: 'string', nullable: true } as const;
const optNum = { kind: 'number', nullable: true } as const;
const blob = { kind: 'blob', nullable: false } as const;

const expected: Expected = {
  organisations: { id: num, name: str, created_at: num },
  users: {
    id: num,
    org_id: num,
    username: str,
    display_name: str,
    password_hash: str,
    token_version: num,
    created_at: num,
  },
  user_roles: { user_id: num, role: str },
  hub_secrets: { name: str, value: str, created_at: num },
  command_results: {
    id: num,
    org_id: num,
    user_id: num,
    command_id: str,
    event: str,
    result: str,
    created_at: num,
  },
  team_messages: {
    id: num,
    org_id: num,
    seq: num,
    command_id: str,
    author_id: num,
    body: str,
    created_at: num,
  },
  login_attempts: { username: str, source: str, failures: num, last_failure_at: num },
  revoked_tokens: { token_id: str, expires_at: num, revoked_at: num },
  customers: {
    id: num,
    org_id: num,
    name: str,
    locale: str,
    phone: optStr,
    email: optStr,
    city: optStr,
    created_at: num,
  },
  products: {
    id: num,
    org_id: num,
    sku: str,
    name: str,
    description: str,
    price_fen: num,
    stock: num,
    created_at: num,
    image_url: optStr,
  },
  orders: {
    id: num,
    org_id: num,
    number: str,
    customer_id: num,
    status: str,
    total_fen: num,
    created_at: num,
    updated_at: num,
  },
  order_items: { id: num, order_id: num, product_id: num, quantity: num, unit_price_fen: num },
  ticket_settings: { org_id: num, assignment_mode: str, sla_targets: str, next_number: num, updated_at: num },
  agent_states: {
    user_id: num,
    org_id: num,
    presence: str,
    presence_since: num,
    last_assigned_at: optNum,
    max_concurrent: num,
    reassign_after_ms: optNum,
    text_only: num,
    updated_at: num,
  },
  tickets: {
    id: num,
    org_id: num,
    number: num,
    customer_id: num,
    order_id: optNum,
    order_ref: optStr,
    subject: str,
    status: str,
    priority: str,
    tags: str,
    assignee_id: optNum,
    assigned_at: optNum,
    answered: num,
    snoozed_until: optNum,
    first_response_at: optNum,
    resolved_at: optNum,
    sla_paused_ms: num,
    sla_paused_since: optNum,
    last_seq: num,
    last_public_seq: num,
    customer_messages: num,
    last_customer_at: optNum,
    csat_score: optNum,
    csat_comment: optStr,
    csat_at: optNum,
    created_at: num,
    updated_at: num,
  },
  ticket_attachments: {
    id: str,
    org_id: num,
    ticket_id: num,
    mime: str,
    width: num,
    height: num,
    byte_size: num,
    data: blob,
    created_at: num,
  },
  ticket_messages: {
    id: num,
    ticket_id: num,
    seq: num,
    public_seq: optNum,
    command_id: optStr,
    kind: str,
    author_kind: str,
    author_id: optNum,
    body: str,
    event: optStr,
    attachment_id: optStr,
    canned_id: optNum,
    created_at: num,
  },
  ticket_reads: { ticket_id: num, user_id: num, read_count: num, read_at: num },
  chat_sessions: {
    id: num,
    org_id: num,
    ticket_id: num,
    customer_id: num,
    token_hash: str,
    start_command_id: str,
    created_at: num,
    last_seen_at: num,
  },
  chat_command_results: { chat_id: num, command_id: str, event: str, result: str, created_at: num },
  canned_replies: {
    id: num,
    org_id: num,
    owner_id: optNum,
    shortcut: str,
    title: str,
    body: str,
    locale: optStr,
    created_at: num,
    updated_at: num,
  },
  canned_picks: { id: num, org_id: num, canned_id: num, message: str, created_at: num },
  live_rooms: { id: num, org_id: num, slug: str, anchor_id: num, created_at: num },
  live_broadcasts: {
    id: num,
    org_id: num,
    room_id: num,
    title: str,
    status: str,
    started_at: num,
    ended_at: optNum,
    recovering: num,
    pinned_product_id: optNum,
    pinned_comment_id: optNum,
    likes: num,
    order_count: num,
    gmv_fen: num,
  },
  live_flash_sales: {
    id: num,
    org_id: num,
    broadcast_id: num,
    product_id: num,
    price_fen: num,
    quantity: num,
    sold: num,
    started_at: num,
    ends_at: num,
    ended_at: optNum,
  },
  live_viewers: {
    id: num,
    org_id: num,
    room_id: num,
    nickname: str,
    token_hash: str,
    created_at: num,
    last_seen_at: num,
  },
  live_viewer_command_results: { viewer_id: num, command_id: str, event: str, result: str, created_at: num },
  live_orders: {
    id: num,
    org_id: num,
    broadcast_id: num,
    product_id: num,
    viewer_id: num,
    flash_sale_id: optNum,
    quantity: num,
    unit_price_fen: num,
    total_fen: num,
    command_id: str,
    created_at: num,
    refunded_at: optNum,
  },
  live_comments: {
    id: num,
    org_id: num,
    broadcast_id: num,
    viewer_id: num,
    body: str,
    held: num,
    deleted_at: optNum,
    created_at: num,
  },
  live_mutes: { broadcast_id: num, viewer_id: num, created_at: num },
  live_keywords: { org_id: num, word: str, position: num },
  live_scripts: {
    id: num,
    org_id: num,
    anchor_id: num,
    kind: str,
    product_id: optNum,
    title: str,
    body: str,
    position: num,
    updated_at: num,
  },
  teams: { id: num, org_id: num, name: str, created_at: num },
  team_members: { user_id: num, team_id: num },
  clock_events: {
    id: num,
    org_id: num,
    user_id: num,
    command_id: str,
    device_id: str,
    counter: num,
    kind: str,
    device_at: num,
    received_at: num,
    device_skew_ms: optNum,
    break_reason: optStr,
    flags: str,
    ignored_reason: optStr,
  },
  shifts: {
    id: num,
    org_id: num,
    user_id: num,
    shift_key: str,
    started_at: num,
    ended_at: optNum,
    day_key: str,
    breaks: str,
    worked_ms: num,
    break_ms: num,
    flags: str,
    edited: num,
  },
  shift_overrides: {
    id: num,
    org_id: num,
    user_id: num,
    shift_key: str,
    started_at: num,
    ended_at: num,
    reason: str,
    author_id: num,
    created_at: num,
  },
  pay_settings: { org_id: num, time_zone: str, updated_at: num },
  pay_rules: {
    id: num,
    org_id: num,
    user_id: num,
    effective_from: str,
    hourly_fen: num,
    per_ticket_fen: num,
    csat_bonus_fen: num,
    csat_min_score: num,
    live_hour_fen: num,
    commission_bp: num,
    author_id: optNum,
    created_at: num,
  },
  earnings_ledger: {
    id: num,
    org_id: num,
    user_id: num,
    kind: str,
    source_key: str,
    revision: num,
    quantity: num,
    rate: num,
    amount_fen: num,
    rule_id: optNum,
    occurred_at: num,
    day_key: str,
    reason: optStr,
    author_id: optNum,
    created_at: num,
  },
  ledger_sync: { org_id: num, synced_until: num, summed_ledger_id: num },
  output_days: {
    org_id: num,
    user_id: num,
    day_key: str,
    tickets: num,
    responses: blob,
    csat_count: num,
    csat_sum: num,
    live_minutes: num,
    orders: num,
    gmv_fen: num,
    worked_ms: num,
    earnings_fen: num,
  },
  output_months: {
    org_id: num,
    user_id: num,
    month: str,
    tickets: num,
    responses: blob,
    csat_count: num,
    csat_sum: num,
    live_minutes: num,
    orders: num,
    gmv_fen: num,
    worked_ms: num,
    earnings_fen: num,
  },
  output_org_days: { org_id: num, day_key: str, tickets: num, gmv_fen: num, earnings_fen: num },
  output_dirty: { id: num, org_id: num, at: num },
  timesheets: {
    id: num,
    org_id: num,
    user_id: num,
    period: str,
    start_key: str,
    status: str,
    comment: optStr,
    decided_by: optNum,
    decided_at: optNum,
    updated_at: num,
  },
  timesheet_audit: {
    id: num,
    org_id: num,
    user_id: num,
    timesheet_id: optNum,
    shift_key: optStr,
    action: str,
    actor_id: num,
    comment: optStr,
    before: optStr,
    after: optStr,
    created_at: num,
  },
  disability_records: {
    user_id: num,
    org_id: num,
    grade: num,
    kind: str,
    certificate_cipher: str,
    certificate_last4: str,
    contract_start: str,
    contract_end: optStr,
    updated_by: optNum,
    updated_at: num,
  },
  quota_months: {
    org_id: num,
    user_id: num,
    month: str,
    wage_fen: optNum,
    insurance_paid: num,
    updated_by: optNum,
    updated_at: num,
  },
  quota_settings: { org_id: num, parameters: str, updated_by: optNum, updated_at: num },
};

const kindOf: Record<string, 'number' | 'string' | 'blob'> = {
  integer: 'number',
  bigint: 'number',
  text: 'string',
  blob: 'blob',
};

interface TableInfoRow {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

describe('the schema the migrations build', () => {
  let dir: string;
  let db: ReturnType<typeof createDatabase>;
  beforeAll(async () => {
    dir = tempDir('wings-schema-');
    db = createDatabase({ kind: 'sqlite', file: join(dir, 'hub.sqlite') });
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has exactly the tables of schema.ts', async () => {
    const tables = await sql<{ name: string }>`
      select name from sqlite_master
      where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
        and name not like 'ticket_search%'
    `.execute(db);
    expect(tables.rows.map((t) => t.name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))(
    'gives %s the columns, kinds and nullability of schema.ts',
    async (table) => {
      const info = await sql<TableInfoRow>`select * from pragma_table_info(${table})`.execute(db);
      const actual = Object.fromEntries(
        info.rows.map((c) => [
          c.name,
          // A primary key never holds null here; SQLite's old rule lets a text one, so it is read as the key it is.
          { kind: kindOf[c.type.toLowerCase()] ?? c.type, nullable: c.notnull === 0 && c.pk === 0 },
        ]),
      );
      expect(actual).toEqual(expected[table as keyof Tables]);
    },
  );
});
