import type { Kysely } from 'kysely';
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
  const last = await db
    .selectFrom('team_messages')
    .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
    .where('org_id', '=', input.orgId)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await db
    .insertInto('team_messages')
    .values({
      org_id: input.orgId,
      seq,
      command_id: input.commandId,
      author_id: input.authorId,
      body: input.body,
      created_at: input.now,
    })
    .execute();
  const row = await messages(db, input.orgId).where('team_messages.seq', '=', seq).executeTakeFirstOrThrow();
  return toMessage(row);
}

export function teamPage(db: Kysely<Database>, orgId: number, request: PageRequest) {
  return pageStream(messages(db, orgId), 'team_messages.seq', request, toMessage);
}
