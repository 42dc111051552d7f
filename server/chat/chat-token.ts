import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

/**
 * A customer's token: 256 random bits, base64url, kept only in their browser.
 * The hub stores its SHA-256, so a copy of the store does not let anyone
 * into a conversation; the token is the customer's only credential, bound to
 * one ticket of one organisation.
 */
export function newChatToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashChatToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** A well-formed token looks like this; anything else is refused before the store is asked. */
export const chatTokenPattern = /^[A-Za-z0-9_-]{43}$/;

export interface ChatBinding {
  chatId: number;
  orgId: number;
  ticketId: number;
  customerId: number;
}

/** The conversation a token opens, or null (unknown, malformed, or its ticket gone). */
export async function findChatBinding(db: Kysely<Database>, token: unknown): Promise<ChatBinding | null> {
  if (typeof token !== 'string' || !chatTokenPattern.test(token)) return null;
  const row = await db
    .selectFrom('chat_sessions')
    .select(['id', 'org_id', 'ticket_id', 'customer_id'])
    .where('token_hash', '=', hashChatToken(token))
    .executeTakeFirst();
  return row
    ? { chatId: row.id, orgId: row.org_id, ticketId: row.ticket_id, customerId: row.customer_id }
    : null;
}

/** `Authorization: Bearer <token>` → the token, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(header ?? '');
  return match?.[1] ?? null;
}
