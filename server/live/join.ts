import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { toIssues } from '../../shared/protocol/ack';
import { liveJoinRequest, type LiveJoinResponse } from '../../shared/protocol/live';
import { limitedFor } from '../auth/login';
import { chatTokenPattern, hashChatToken, newChatToken } from '../chat/chat-token';
import type { StartLimiter } from '../chat/start-limit';
import type { HttpResult } from '../http/respond';
import { httpError } from '../http/respond';
import type { Database } from '../store/schema';
import type { WriteQueue } from '../store/write-queue';

export interface LiveJoinDeps {
  db: Kysely<Database>;
  writes: WriteQueue;
  log: Logger;
  now: () => number;
  limiter: StartLimiter;
}

/**
 * `POST /api/live/join`: a nickname and a room's slug make a viewer of that
 * room (or, with the token an earlier join gave, the same viewer again, so
 * their mute and orders follow them). The answer is the token the page
 * keeps; the hub stores only its hash. Limited per source like chat starts.
 */
export async function joinRoom(deps: LiveJoinDeps, body: unknown, ip: string): Promise<HttpResult> {
  const parsed = liveJoinRequest.safeParse(body);
  if (!parsed.success) return httpError('invalid_input', 'The request is not valid.', toIssues(parsed.error));
  const wait = deps.limiter.take(ip, deps.now());
  if (wait !== null) {
    deps.log.warn('live joins limited for a source');
    return limitedFor(wait, 'Slow down: too many joins from here. Try again in a few minutes.');
  }
  const { room: slug, nickname, token: earlier } = parsed.data;
  const room = await deps.db
    .selectFrom('live_rooms')
    .select(['id', 'org_id'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!room) {
    return httpError('not_found', 'There is no such live room.', [
      { path: ['room'], message: 'unknown room' },
    ]);
  }
  const now = deps.now();
  const response = await deps.writes.run(async (trx): Promise<LiveJoinResponse> => {
    if (earlier !== undefined && chatTokenPattern.test(earlier)) {
      const found = await trx
        .selectFrom('live_viewers')
        .select('id')
        .where('token_hash', '=', hashChatToken(earlier))
        .where('room_id', '=', room.id)
        .executeTakeFirst();
      if (found) {
        await trx
          .updateTable('live_viewers')
          .set({ nickname, last_seen_at: now })
          .where('id', '=', found.id)
          .execute();
        return { token: earlier, viewerId: found.id, nickname };
      }
    }
    const token = newChatToken();
    const row = await trx
      .insertInto('live_viewers')
      .values({
        org_id: room.org_id,
        room_id: room.id,
        nickname,
        token_hash: hashChatToken(token),
        created_at: now,
        last_seen_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { token, viewerId: row.id, nickname };
  });
  return { status: 200, body: response };
}
