import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * Tickets, version 3: customer conversations, their queue and assignment
 * state, the customer chat sessions that bind a browser to one conversation,
 * photos customers attach, canned replies and what agents picked, and the
 * full-text index over messages, customers and orders.
 *
 * Assignment state (presence, load, last assignment) is in `agent_states`,
 * not in hub memory, so two hub nodes could share it through the store.
 *
 * Every statement can run again (`ifNotExists`): Kysely records a migration
 * only after it ran, in a separate statement, so a crash in between runs it
 * once more.
 */
export const tickets: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ticket_settings')
      .ifNotExists()
      .addColumn('org_id', 'integer', (c) =>
        c.primaryKey().notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('assignment_mode', 'text', (c) =>
        c
          .notNull()
          .defaultTo('auto')
          .check(sql`assignment_mode in ('auto', 'claim')`),
      )
      /** JSON of SlaTargets (shared/domain/tickets/sla.ts), validated by its zod schema on read and write. */
      .addColumn('sla_targets', 'text', (c) => c.notNull())
      /** The number the next ticket gets: customers and agents quote it ("工单 42"). */
      .addColumn('next_number', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('agent_states')
      .ifNotExists()
      .addColumn('user_id', 'integer', (c) =>
        c.primaryKey().notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('presence', 'text', (c) =>
        c
          .notNull()
          .defaultTo('offline')
          .check(sql`presence in ('available', 'busy', 'away', 'offline')`),
      )
      .addColumn('presence_since', 'bigint', (c) => c.notNull())
      .addColumn('last_assigned_at', 'bigint')
      // The accommodation profile, set by a supervisor with the worker.
      .addColumn('max_concurrent', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(3)
          .check(sql`max_concurrent between 1 and 50`),
      )
      /** Null: this agent's slow replies are never reassigned. */
      .addColumn('reassign_after_ms', 'bigint')
      .addColumn('text_only', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`text_only in (0, 1)`),
      )
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('agent_states_org')
      .ifNotExists()
      .on('agent_states')
      .columns(['org_id', 'presence'])
      .execute();

    await db.schema
      .createTable('tickets')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
      /** The order number as the customer typed it, when it matched no order of the shop. */
      .addColumn('order_ref', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('new')
          .check(sql`status in ('new', 'open', 'pending', 'snoozed', 'resolved')`),
      )
      .addColumn('priority', 'text', (c) =>
        c
          .notNull()
          .defaultTo('normal')
          .check(sql`priority in ('low', 'normal', 'high', 'urgent')`),
      )
      /** JSON array of tag strings. */
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('assigned_at', 'bigint')
      /** An agent's reply reached the customer since the ticket was created or last returned to the queue. */
      .addColumn('answered', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`answered in (0, 1)`),
      )
      .addColumn('snoozed_until', 'bigint')
      .addColumn('first_response_at', 'bigint')
      .addColumn('resolved_at', 'bigint')
      /** Time spent pending or snoozed: the resolution clock stops while waiting on the customer. */
      .addColumn('sla_paused_ms', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('sla_paused_since', 'bigint')
      /** The newest seq of the conversation (notes and events included). */
      .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
      /** The newest seq of what the customer sees (no notes): their own stream. */
      .addColumn('last_public_seq', 'integer', (c) => c.notNull().defaultTo(0))
      /** Messages the customer wrote: unread counts compare it with what each agent has read. */
      .addColumn('customer_messages', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_customer_at', 'bigint')
      .addColumn('csat_score', 'integer', (c) => c.check(sql`csat_score between 1 and 5`))
      .addColumn('csat_comment', 'text')
      .addColumn('csat_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('tickets_number', ['org_id', 'number'])
      .execute();
    for (const [name, columns] of [
      ['tickets_queue', ['org_id', 'status', 'assignee_id', 'updated_at']],
      ['tickets_assignee', ['assignee_id', 'status']],
      ['tickets_updated', ['org_id', 'updated_at']],
      ['tickets_customer', ['customer_id', 'created_at']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .ifNotExists()
        .on('tickets')
        .columns([...columns])
        .execute();
    }

    await db.schema
      .createTable('ticket_attachments')
      .ifNotExists()
      /** 128 random bits, base64url: the address of the photo, unguessable, so an <img> can load it. */
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('mime', 'text', (c) =>
        c.notNull().check(sql`mime in ('image/jpeg', 'image/png', 'image/webp')`),
      )
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      /** The re-encoded image, metadata stripped. */
      .addColumn('data', 'blob', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('ticket_attachments_ticket')
      .ifNotExists()
      .on('ticket_attachments')
      .column('ticket_id')
      .execute();

    await db.schema
      .createTable('ticket_messages')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      /** Null for internal notes and agent-only events: the customer's stream has no gaps. */
      .addColumn('public_seq', 'integer')
      /** The client-made id it was sent under; null for events the hub writes. */
      .addColumn('command_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('message', 'note', 'event')`))
      .addColumn('author_kind', 'text', (c) =>
        c.notNull().check(sql`author_kind in ('customer', 'agent', 'system')`),
      )
      .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('body', 'text', (c) => c.notNull())
      /** For events: JSON of the event (shared/protocol/tickets.ts ticketEventSchema). */
      .addColumn('event', 'text')
      .addColumn('attachment_id', 'text', (c) => c.references('ticket_attachments.id').onDelete('set null'))
      .addColumn('canned_id', 'integer')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('ticket_messages_seq', ['ticket_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('ticket_messages_public')
      .ifNotExists()
      .on('ticket_messages')
      .columns(['ticket_id', 'public_seq'])
      .execute();

    await db.schema
      .createTable('ticket_reads')
      .ifNotExists()
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      /** `tickets.customer_messages` when this agent last read the conversation. */
      .addColumn('read_count', 'integer', (c) => c.notNull())
      .addColumn('read_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_reads_pk', ['ticket_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('chat_sessions')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      /** SHA-256 of the token kept in the customer's browser; the token itself is never stored. */
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      /** The id the opening message was sent under: a resent start answers with the same conversation. */
      .addColumn('start_command_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('chat_sessions_start', ['org_id', 'start_command_id'])
      .execute();

    // The customer's ledger of answered commands, as `command_results` is the workers'.
    await db.schema
      .createTable('chat_command_results')
      .ifNotExists()
      .addColumn('chat_id', 'integer', (c) => c.notNull().references('chat_sessions.id').onDelete('cascade'))
      .addColumn('command_id', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('chat_command_results_pk', ['chat_id', 'command_id'])
      .execute();
    await db.schema
      .createIndex('chat_command_results_created')
      .ifNotExists()
      .on('chat_command_results')
      .column('created_at')
      .execute();

    await db.schema
      .createTable('canned_replies')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      /** Null: organisation-wide; otherwise one agent's own. */
      .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('shortcut', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.check(sql`locale in ('zh-CN', 'en')`))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('canned_replies_org')
      .ifNotExists()
      .on('canned_replies')
      .columns(['org_id', 'owner_id'])
      .execute();

    // Which reply agents sent for which customer message: the suggestions learn from it.
    await db.schema
      .createTable('canned_picks')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('canned_id', 'integer', (c) =>
        c.notNull().references('canned_replies.id').onDelete('cascade'),
      )
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('canned_picks_canned')
      .ifNotExists()
      .on('canned_picks')
      .columns(['canned_id', 'created_at'])
      .execute();

    // Trigram finds Chinese words (no spaces to split on) and parts of order numbers; queries of
    // fewer than three characters fall back to LIKE over the same table (server/tickets/search.ts).
    await sql`create virtual table if not exists ticket_search using fts5(
      body, ticket_id unindexed, org_id unindexed, tokenize = 'trigram'
    )`.execute(db);
  },
};
