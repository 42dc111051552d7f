import type { Kysely } from 'kysely';
import type { TeamMessage } from '../../shared/protocol/team';
import type { Database } from '../store/schema';

export interface NewTeamMessage {
  orgId: number;
  commandId: string;
  author: { id: number; displayName: string };
  body: string;
  now: number;
}

/** Appends with the organisation's next seq; call inside a transaction so two posts never share one. */
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
      author_id: input.author.id,
      body: input.body,
      created_at: input.now,
    })
    .execute();
  return { seq, commandId: input.commandId, author: input.author, body: input.body, createdAt: input.now };
}

export async function teamHistory(
  db: Kysely<Database>,
  orgId: number,
  afterSeq: number,
  limit: number,
): Promise<{ messages: TeamMessage[]; lastSeq: number }> {
  const rows = await db
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
    .where('team_messages.org_id', '=', orgId)
    .where('team_messages.seq', '>', afterSeq)
    .orderBy('team_messages.seq')
    .limit(limit)
    .execute();
  const last = await db
    .selectFrom('team_messages')
    .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return {
    messages: rows.map((r) => ({
      seq: r.seq,
      commandId: r.command_id,
      author: { id: r.author_id, displayName: r.display_name },
      body: r.body,
      createdAt: r.created_at,
    })),
    lastSeq: Number(last?.seq ?? 0),
  };
}
