import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../../shared/protocol/auth';

/** Epoch milliseconds, UTC. Stored as bigint so a Postgres store keeps the same shape. */
type EpochMs = number;

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  created_at: EpochMs;
}

export interface UsersTable {
  id: Generated<number>;
  org_id: number;
  /** Normalised (`normalizeUsername`); unique within its organisation only (migration 002). */
  username: string;
  display_name: string;
  password_hash: string;
  /** Bumped on every password reset; tokens carry it, so older tokens stop working. */
  token_version: ColumnType<number, number | undefined, number>;
  created_at: EpochMs;
}

export interface UserRolesTable {
  user_id: number;
  role: Role;
}

/** No longer holds the token signing key (that is `<dataDir>/token.key`); kept for other hub secrets. */
export interface HubSecretsTable {
  name: string;
  value: string;
  created_at: EpochMs;
}

export interface CommandResultsTable {
  id: Generated<number>;
  org_id: number;
  user_id: number;
  command_id: string;
  event: string;
  /** The acknowledgement sent the first time, as JSON, answered again on every repeat. */
  result: string;
  created_at: EpochMs;
}

export interface TeamMessagesTable {
  id: Generated<number>;
  org_id: number;
  seq: number;
  command_id: string;
  author_id: number;
  body: string;
  created_at: EpochMs;
}

/** Failed sign-ins per (normalised username, source); a right password deletes the pair's row. */
export interface LoginAttemptsTable {
  username: string;
  /** An IPv4 address, or an IPv6 /64 (`server/auth/source.ts`). */
  source: string;
  failures: number;
  last_failure_at: EpochMs;
}

/** Tokens signed out before they expired; a row goes once its token has expired anyway. */
export interface RevokedTokensTable {
  /** The token's `jti`. */
  token_id: string;
  expires_at: EpochMs;
  revoked_at: EpochMs;
}

/** Owned by Tickets (a conversation's customer) and read by Live (orders); moves to the job that comes first. */
export interface CustomersTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  /** zh-CN or en: the language the customer writes in. */
  locale: string;
  phone: string | null;
  email: string | null;
  city: string | null;
  created_at: EpochMs;
}

/** Owned by Live (the showcase); seeded by the demo until that job's migration takes it over. */
export interface ProductsTable {
  id: Generated<number>;
  org_id: number;
  sku: string;
  name: string;
  description: string;
  price_fen: number;
  stock: number;
  created_at: EpochMs;
  /** A hub path (`/live-assets/…`) or an https URL (migration 004). */
  image_url: ColumnType<string | null, string | null | undefined, string | null>;
}

export const orderStatuses = ['pending', 'paid', 'shipped', 'delivered', 'refunded', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Owned by Live, like `order_items`; Tickets reads them to answer "where is my order". */
export interface OrdersTable {
  id: Generated<number>;
  org_id: number;
  number: string;
  customer_id: number;
  status: OrderStatus;
  total_fen: number;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface OrderItemsTable {
  id: Generated<number>;
  order_id: number;
  product_id: number;
  quantity: number;
  unit_price_fen: number;
}

/** One row per organisation that has tickets (migration 003). */
export interface TicketSettingsTable {
  org_id: number;
  assignment_mode: 'auto' | 'claim';
  /** JSON of SlaTargets (shared/domain/tickets/sla.ts). */
  sla_targets: string;
  next_number: ColumnType<number, number | undefined, number>;
  updated_at: EpochMs;
}

/** An agent's routing state and accommodation profile; in the store so two hub nodes could share it. */
export interface AgentStatesTable {
  user_id: number;
  org_id: number;
  presence: 'available' | 'busy' | 'away' | 'offline';
  presence_since: EpochMs;
  last_assigned_at: EpochMs | null;
  max_concurrent: ColumnType<number, number | undefined, number>;
  reassign_after_ms: number | null;
  /** 0 or 1. */
  text_only: ColumnType<number, number | undefined, number>;
  updated_at: EpochMs;
}

type TicketStatusColumn = 'new' | 'open' | 'pending' | 'snoozed' | 'resolved';
type TicketPriorityColumn = 'low' | 'normal' | 'high' | 'urgent';

export interface TicketsTable {
  id: Generated<number>;
  org_id: number;
  number: number;
  customer_id: number;
  order_id: number | null;
  order_ref: string | null;
  subject: string;
  status: ColumnType<TicketStatusColumn, TicketStatusColumn | undefined, TicketStatusColumn>;
  priority: ColumnType<TicketPriorityColumn, TicketPriorityColumn | undefined, TicketPriorityColumn>;
  /** JSON array of strings. */
  tags: ColumnType<string, string | undefined, string>;
  assignee_id: number | null;
  assigned_at: EpochMs | null;
  /** 0 or 1: an agent's reply reached the customer since creation or the last return to the queue. */
  answered: ColumnType<number, number | undefined, number>;
  snoozed_until: EpochMs | null;
  first_response_at: EpochMs | null;
  resolved_at: EpochMs | null;
  sla_paused_ms: ColumnType<number, number | undefined, number>;
  sla_paused_since: EpochMs | null;
  last_seq: ColumnType<number, number | undefined, number>;
  last_public_seq: ColumnType<number, number | undefined, number>;
  customer_messages: ColumnType<number, number | undefined, number>;
  last_customer_at: EpochMs | null;
  csat_score: number | null;
  csat_comment: string | null;
  csat_at: EpochMs | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface TicketAttachmentsTable {
  id: string;
  org_id: number;
  ticket_id: number;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  byte_size: number;
  data: Buffer;
  created_at: EpochMs;
}

export interface TicketMessagesTable {
  id: Generated<number>;
  ticket_id: number;
  seq: number;
  /** Null for notes and agent-only events. */
  public_seq: number | null;
  command_id: string | null;
  kind: 'message' | 'note' | 'event';
  author_kind: 'customer' | 'agent' | 'system';
  author_id: number | null;
  body: string;
  /** JSON of a TicketEvent for kind 'event'. */
  event: string | null;
  attachment_id: string | null;
  canned_id: number | null;
  created_at: EpochMs;
}

export interface TicketReadsTable {
  ticket_id: number;
  user_id: number;
  read_count: number;
  read_at: EpochMs;
}

/** A customer's browser bound to one conversation by a token (only its SHA-256 is kept). */
export interface ChatSessionsTable {
  id: Generated<number>;
  org_id: number;
  ticket_id: number;
  customer_id: number;
  token_hash: string;
  start_command_id: string;
  created_at: EpochMs;
  last_seen_at: EpochMs;
}

export interface ChatCommandResultsTable {
  chat_id: number;
  command_id: string;
  event: string;
  result: string;
  created_at: EpochMs;
}

export interface CannedRepliesTable {
  id: Generated<number>;
  org_id: number;
  /** Null: organisation-wide. */
  owner_id: number | null;
  shortcut: string;
  title: string;
  body: string;
  locale: 'zh-CN' | 'en' | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface CannedPicksTable {
  id: Generated<number>;
  org_id: number;
  canned_id: number;
  message: string;
  created_at: EpochMs;
}

/** FTS5 (trigram) over message bodies, customer names and order numbers; one row per indexed text. */
export interface TicketSearchTable {
  rowid: ColumnType<number, number | undefined, never>;
  body: string;
  ticket_id: number;
  org_id: number;
}

/** An anchor's live room (migration 004): its slug is the viewer link, unique on the hub. */
export interface LiveRoomsTable {
  id: Generated<number>;
  org_id: number;
  slug: string;
  anchor_id: number;
  created_at: EpochMs;
}

export interface LiveBroadcastsTable {
  id: Generated<number>;
  org_id: number;
  room_id: number;
  title: string;
  status: 'live' | 'ended';
  started_at: EpochMs;
  ended_at: EpochMs | null;
  recovering: ColumnType<number, number | undefined, number>;
  pinned_product_id: number | null;
  pinned_comment_id: number | null;
  likes: ColumnType<number, number | undefined, number>;
  order_count: ColumnType<number, number | undefined, number>;
  gmv_fen: ColumnType<number, number | undefined, number>;
}

export interface LiveFlashSalesTable {
  id: Generated<number>;
  org_id: number;
  broadcast_id: number;
  product_id: number;
  price_fen: number;
  quantity: number;
  sold: ColumnType<number, number | undefined, number>;
  started_at: EpochMs;
  ends_at: EpochMs;
  ended_at: EpochMs | null;
}

export interface LiveViewersTable {
  id: Generated<number>;
  org_id: number;
  room_id: number;
  nickname: string;
  token_hash: string;
  created_at: EpochMs;
  last_seen_at: EpochMs;
}

export interface LiveViewerCommandResultsTable {
  viewer_id: number;
  command_id: string;
  event: string;
  result: string;
  created_at: EpochMs;
}

export interface LiveOrdersTable {
  id: Generated<number>;
  org_id: number;
  broadcast_id: number;
  product_id: number;
  viewer_id: number;
  flash_sale_id: number | null;
  quantity: number;
  unit_price_fen: number;
  total_fen: number;
  command_id: string;
  created_at: EpochMs;
  /** Set when the order was refunded (migration 005): commission is paid on GMV net of refunds. */
  refunded_at: ColumnType<EpochMs | null, EpochMs | null | undefined, EpochMs | null>;
}

export interface LiveCommentsTable {
  id: Generated<number>;
  org_id: number;
  broadcast_id: number;
  viewer_id: number;
  body: string;
  held: ColumnType<number, number | undefined, number>;
  deleted_at: EpochMs | null;
  created_at: EpochMs;
}

export interface LiveMutesTable {
  broadcast_id: number;
  viewer_id: number;
  created_at: EpochMs;
}

export interface LiveKeywordsTable {
  org_id: number;
  word: string;
  position: number;
}

export interface LiveScriptsTable {
  id: Generated<number>;
  org_id: number;
  anchor_id: number;
  kind: 'script' | 'phrase';
  product_id: number | null;
  title: string;
  body: string;
  position: ColumnType<number, number | undefined, number>;
  updated_at: EpochMs;
}

export interface TeamsTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  created_at: EpochMs;
}

export interface TeamMembersTable {
  user_id: number;
  team_id: number;
}

export type ClockEventKind = 'in' | 'break_start' | 'break_end' | 'out';

/** What a workstation recorded, as sent; never rewritten (migration 005). */
export interface ClockEventsTable {
  id: Generated<number>;
  org_id: number;
  user_id: number;
  command_id: string;
  device_id: string;
  counter: number;
  kind: ClockEventKind;
  device_at: EpochMs;
  received_at: EpochMs;
  device_skew_ms: number | null;
  break_reason: string | null;
  /** JSON array of clock flags. */
  flags: ColumnType<string, string | undefined, string>;
  ignored_reason: string | null;
}

/** Derived from clock events and overrides; rebuilt for a worker when a late event lands. */
export interface ShiftsTable {
  id: Generated<number>;
  org_id: number;
  user_id: number;
  shift_key: string;
  started_at: EpochMs;
  ended_at: EpochMs | null;
  day_key: string;
  /** JSON array of { start, end, reason }. */
  breaks: ColumnType<string, string | undefined, string>;
  worked_ms: ColumnType<number, number | undefined, number>;
  break_ms: ColumnType<number, number | undefined, number>;
  flags: ColumnType<string, string | undefined, string>;
  edited: ColumnType<number, number | undefined, number>;
}

export interface ShiftOverridesTable {
  id: Generated<number>;
  org_id: number;
  user_id: number;
  shift_key: string;
  started_at: EpochMs;
  ended_at: EpochMs;
  reason: string;
  author_id: number;
  created_at: EpochMs;
}

export interface PaySettingsTable {
  org_id: number;
  time_zone: ColumnType<string, string | undefined, string>;
  updated_at: EpochMs;
}

export interface PayRulesTable {
  id: Generated<number>;
  org_id: number;
  /** 0: the organisation's rule. */
  user_id: ColumnType<number, number | undefined, number>;
  effective_from: string;
  hourly_fen: number;
  per_ticket_fen: number;
  csat_bonus_fen: number;
  csat_min_score: number;
  live_hour_fen: number;
  commission_bp: number;
  author_id: number | null;
  created_at: EpochMs;
}

export type LedgerKind =
  'hours' | 'ticket' | 'csat' | 'live' | 'commission' | 'refund' | 'adjustment' | 'correction';

/** Append-only: the database refuses UPDATE and DELETE (migration 005's triggers). */
export interface EarningsLedgerTable {
  id: Generated<number>;
  org_id: number;
  user_id: number;
  kind: LedgerKind;
  source_key: string;
  revision: ColumnType<number, number | undefined, number>;
  quantity: ColumnType<number, number | undefined, number>;
  rate: ColumnType<number, number | undefined, number>;
  amount_fen: number;
  rule_id: number | null;
  occurred_at: EpochMs;
  day_key: string;
  reason: string | null;
  author_id: number | null;
  created_at: EpochMs;
}

export interface LedgerSyncTable {
  org_id: number;
  synced_until: EpochMs;
  /** The last ledger entry whose day the output summary has counted. */
  summed_ledger_id: ColumnType<number, number | undefined, number>;
}

/** One worker's output figures over a span: kept by the ledger sync (server/pay/output-days.ts). */
interface OutputSums {
  org_id: number;
  user_id: number;
  tickets: number;
  /** First responses (ms) of those tickets, ascending, packed (server/pay/responses.ts). */
  responses: Buffer;
  csat_count: number;
  csat_sum: number;
  live_minutes: number;
  orders: number;
  gmv_fen: number;
  worked_ms: number;
  earnings_fen: number;
}

export interface OutputDaysTable extends OutputSums {
  day_key: string;
}

export interface OutputMonthsTable extends OutputSums {
  /** YYYY-MM. */
  month: string;
}

/** The organisation's whole day, as the report's day series counts it without a team. */
export interface OutputOrgDaysTable {
  org_id: number;
  day_key: string;
  tickets: number;
  gmv_fen: number;
  earnings_fen: number;
}

/** Instants whose day the output summary must count again (written by triggers, migration 005). */
export interface OutputDirtyTable {
  id: Generated<number>;
  org_id: number;
  at: EpochMs;
}

export interface TimesheetsTable {
  id: Generated<number>;
  org_id: number;
  user_id: number;
  period: 'week' | 'month';
  start_key: string;
  status: 'open' | 'approved' | 'returned';
  comment: string | null;
  decided_by: number | null;
  decided_at: EpochMs | null;
  updated_at: EpochMs;
}

export interface TimesheetAuditTable {
  id: Generated<number>;
  org_id: number;
  user_id: number;
  timesheet_id: number | null;
  shift_key: string | null;
  action: 'approved' | 'returned' | 'reopened' | 'shift_edited' | 'correction';
  actor_id: number;
  comment: string | null;
  before: string | null;
  after: string | null;
  created_at: EpochMs;
}

export interface DisabilityRecordsTable {
  user_id: number;
  org_id: number;
  grade: number;
  kind: string;
  certificate_cipher: string;
  certificate_last4: string;
  contract_start: string;
  contract_end: string | null;
  updated_by: number | null;
  updated_at: EpochMs;
}

export interface QuotaMonthsTable {
  org_id: number;
  user_id: number;
  month: string;
  wage_fen: number | null;
  insurance_paid: ColumnType<number, number | undefined, number>;
  updated_by: number | null;
  updated_at: EpochMs;
}

export interface QuotaSettingsTable {
  org_id: number;
  parameters: string;
  updated_by: number | null;
  updated_at: EpochMs;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  hub_secrets: HubSecretsTable;
  command_results: CommandResultsTable;
  team_messages: TeamMessagesTable;
  login_attempts: LoginAttemptsTable;
  revoked_tokens: RevokedTokensTable;
  customers: CustomersTable;
  products: ProductsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  ticket_settings: TicketSettingsTable;
  agent_states: AgentStatesTable;
  tickets: TicketsTable;
  ticket_attachments: TicketAttachmentsTable;
  ticket_messages: TicketMessagesTable;
  ticket_reads: TicketReadsTable;
  chat_sessions: ChatSessionsTable;
  chat_command_results: ChatCommandResultsTable;
  canned_replies: CannedRepliesTable;
  canned_picks: CannedPicksTable;
  ticket_search: TicketSearchTable;
  live_rooms: LiveRoomsTable;
  live_broadcasts: LiveBroadcastsTable;
  live_flash_sales: LiveFlashSalesTable;
  live_viewers: LiveViewersTable;
  live_viewer_command_results: LiveViewerCommandResultsTable;
  live_orders: LiveOrdersTable;
  live_comments: LiveCommentsTable;
  live_mutes: LiveMutesTable;
  live_keywords: LiveKeywordsTable;
  live_scripts: LiveScriptsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  clock_events: ClockEventsTable;
  shifts: ShiftsTable;
  shift_overrides: ShiftOverridesTable;
  pay_settings: PaySettingsTable;
  pay_rules: PayRulesTable;
  earnings_ledger: EarningsLedgerTable;
  ledger_sync: LedgerSyncTable;
  output_days: OutputDaysTable;
  output_months: OutputMonthsTable;
  output_org_days: OutputOrgDaysTable;
  output_dirty: OutputDirtyTable;
  timesheets: TimesheetsTable;
  timesheet_audit: TimesheetAuditTable;
  disability_records: DisabilityRecordsTable;
  quota_months: QuotaMonthsTable;
  quota_settings: QuotaSettingsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
