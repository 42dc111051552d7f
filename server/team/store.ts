import { sql, type Kysely } from 'kysely';
import type { TeamMessage } from '../../shared/protocol/team';
import type { Database } from '../store/schema';
import type { PageRequest } from '../store/stream-page';
import { pageStream } from '../store/stream-page';

export interface NewTeamMessage {
  orgId: number;
  commandId: string;
  authorId: number;
  body: string;
  now: number;
}

function messages(db: Kysely<Database>, orgId: number) {
  return db
    .selectFrom('team_messages')
    .innerJoin('users', 'users.id', 'team_messages.author_id')
    .select([
      'team_messages.seq',
      'team_messages.command_id',
      'team_messages.body',
      'team_messages.created_at',
      'users.id as author_id',
      'users.display_name',
    ])
    .where('team_messages.org_id', '=', orgId);
}

type MessageRow = {
  seq: number;
  command_id: string;
  body: string;
  created_at: number;
  author_id: number;
  display_name: string;
};

function toMessage(r: MessageRow): TeamMessage {
  return {
    seq: r.seq,
    commandId: r.command_id,
    author: { id: r.author_id, displayName: r.display_name },
    body: r.body,
    createdAt: r.created_at,
  };
}

/**
 * Appends with the organisation's next seq; call inside a transaction so two
 * posts never share one. Answers with the row as stored, not the input.
 */
export async function appendTeamMessage(db: Kysely<Database>, input: NewTeamMessage): Promise<TeamMessage> {
  // The next seq is read and written in one statement, inside the caller's transaction.
  const { seq } = await db
    .insertInto('team_messages')
    .columns(['org_id', 'seq', 'command_id', 'author_id', 'body', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('team_messages')
        .select([
          eb.val(input.orgId).as('org_id'),
          sql<number>`coalesce(max(seq), 0) + 1`.as('seq'),
          eb.val(input.commandId).as('command_id'),
          eb.val(input.authorId).as('author_id'),
          eb.val(input.body).as('body'),
          eb.val(input.now).as('created_at'),
        ])
        .where('org_id', '=', input.orgId),
    )
    .returning('seq')
    .executeTakeFirstOrThrow();
  const row = await messages(db, input.orgId).where('team_messages.seq', '=', seq).executeTakeFirstOrThrow();
  return toMessage(row);
}

export function teamPage(db: Kysely<Database>, orgId: number, request: PageRequest) {
  return pageStream(messages(db, orgId), 'team_messages.seq', request, toMessage);
}
