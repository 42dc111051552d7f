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
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
