import { fail, ok } from '../../shared/protocol/ack';
import type { viewerCommandTable, viewerEphemeralTable } from '../../shared/protocol/events';
import type { liveCommands } from '../../shared/protocol/live';
import type { EphemeralHandlers, Handlers } from '../protocol/handler';
import type { ViewerPrincipal, WorkerPrincipal } from '../protocol/principal';
import { MediaError } from '../media/types';
import {
  deleteComment,
  endBroadcast,
  endSale,
  muteViewer,
  pinComment,
  pinProduct,
  startBroadcast,
  startSale,
} from './broadcasts';
import { deleteScript, listScripts, loadKeywords, saveKeywords, saveProduct, saveScript } from './catalogue';
import type { LiveDeps } from './deps';
import { liveMutation, noBroadcast, noRoom, notLive, orgOf, read } from './deps';
import { viewerMediaHandlers, workerMediaHandlers } from './media-handlers';
import {
  broadcastOfOrg,
  listProducts,
  loadRoomState,
  recentComments,
  recentOrders,
  roomById,
  roomBySlug,
  roomOfAnchor,
} from './rows';
import { buy, postComment } from './viewer-actions';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { OutputStatus } from '../../shared/protocol/live';

type Live = Handlers<typeof liveCommands, WorkerPrincipal>;

/** The anchor's own live broadcast, for the outputs (restream, recording). */
async function ownLive(db: Kysely<Database>, principal: WorkerPrincipal, broadcastId: number) {
  const room = await roomOfAnchor(db, orgOf(principal), principal.user.id);
  if (!room) return noRoom;
  const b = await broadcastOfOrg(db, room.org_id, broadcastId);
  if (b?.room_id !== room.id) return noBroadcast;
  return b.status === 'live' ? null : notLive;
}

async function output(run: () => Promise<OutputStatus>) {
  try {
    return ok(await run());
  } catch (err) {
    if (err instanceof MediaError) return fail(err.code, err.message);
    throw err;
  }
}

/**
 * The Live job for workers. Every room, broadcast and product is looked up
 * through the caller's organisation first (another organisation's is
 * `not_found`), then the anchor's commands act only in the anchor's own room.
 * Supervisors and admins read any room of their organisation.
 */
export function liveHandlers(deps: LiveDeps): Live {
  const { service } = deps;
  return {
    'live.console': read(async (ctx) => {
      const room = await roomOfAnchor(ctx.db, orgOf(ctx.principal), ctx.principal.user.id);
      if (!room) return noRoom;
      return ok(await service.consoleState(room));
    }),
    'live.rooms': read(async (ctx) => {
      const list = await ctx.db
        .selectFrom('live_rooms')
        .selectAll()
        .where('org_id', '=', orgOf(ctx.principal))
        .orderBy('id')
        .limit(200)
        .execute();
      const states = [];
      for (const room of list) states.push(await loadRoomState(ctx.db, room, service));
      return ok({ rooms: states });
    }),
    'live.room': read(async (ctx, input) => {
      const room = await roomBySlug(ctx.db, orgOf(ctx.principal), input.slug);
      if (!room) return fail('not_found', 'There is no such room.');
      return ok(await loadRoomState(ctx.db, room, service));
    }),
    'live.products': read(async (ctx) => ok({ products: await listProducts(ctx.db, orgOf(ctx.principal)) })),
    'live.product.save': liveMutation((ctx, input) => saveProduct(deps, ctx, input)),
    'live.broadcast.start': liveMutation((ctx, input) => startBroadcast(deps, ctx, input)),
    'live.broadcast.end': liveMutation((ctx, input) => endBroadcast(deps, ctx, input)),
    'live.pin': liveMutation((ctx, input) => pinProduct(deps, ctx, input)),
    'live.sale.start': liveMutation((ctx, input) => startSale(deps, ctx, input)),
    'live.sale.end': liveMutation((ctx, input) => endSale(deps, ctx, input)),
    'live.comments': read(async (ctx, input) => {
      const b = await broadcastOfOrg(ctx.db, orgOf(ctx.principal), input.broadcastId);
      if (!b) return noBroadcast;
      return ok({ comments: await recentComments(ctx.db, b.id) });
    }),
    'live.orders': read(async (ctx, input) => {
      const b = await broadcastOfOrg(ctx.db, orgOf(ctx.principal), input.broadcastId);
      if (!b) return noBroadcast;
      return ok({ orders: await recentOrders(ctx.db, b.id) });
    }),
    'live.comment.delete': liveMutation((ctx, input) => deleteComment(deps, ctx, input)),
    'live.comment.pin': liveMutation((ctx, input) => pinComment(deps, ctx, input)),
    'live.viewer.mute': liveMutation(muteViewer),
    'live.keywords': read(async (ctx) => ok({ words: await loadKeywords(ctx.db, orgOf(ctx.principal)) })),
    'live.keywords.save': liveMutation(saveKeywords),
    'live.scripts': read(async (ctx) => ok({ scripts: await listScripts(ctx.db, ctx.principal) })),
    'live.script.save': liveMutation(saveScript),
    'live.script.delete': liveMutation(deleteScript),
    'live.restream.start': read(async (ctx, input) => {
      const refusal = await ownLive(ctx.db, ctx.principal, input.broadcastId);
      if (refusal) return refusal;
      // The key goes to the plane and no further: it is in no log line and no stored row.
      return output(() =>
        service.plane.startRestream(input.broadcastId, { url: input.url, streamKey: input.streamKey }),
      );
    }),
    'live.restream.stop': read(async (ctx, input) => {
      const refusal = await ownLive(ctx.db, ctx.principal, input.broadcastId);
      if (refusal) return refusal;
      return output(() => service.plane.stopRestream(input.broadcastId));
    }),
    'live.recording.start': read(async (ctx, input) => {
      const refusal = await ownLive(ctx.db, ctx.principal, input.broadcastId);
      if (refusal) return refusal;
      return output(() => service.plane.startRecording(input.broadcastId));
    }),
    'live.recording.stop': read(async (ctx, input) => {
      const refusal = await ownLive(ctx.db, ctx.principal, input.broadcastId);
      if (refusal) return refusal;
      return output(() => service.plane.stopRecording(input.broadcastId));
    }),
    ...workerMediaHandlers(deps),
  };
}

/** A viewer's table: their one room, read and commented on, bought from, watched. */
export function viewerHandlers(deps: LiveDeps): Handlers<typeof viewerCommandTable, ViewerPrincipal> {
  const { service } = deps;
  return {
    'view.state': read(async (ctx) => {
      const room = await roomById(ctx.db, ctx.principal.orgId, ctx.principal.roomId);
      if (!room) return fail('not_found', 'This room is no longer available.');
      return ok(await loadRoomState(ctx.db, room, service));
    }),
    'view.comments': read(async (ctx) => {
      const b = await ctx.db
        .selectFrom('live_broadcasts')
        .select('id')
        .where('room_id', '=', ctx.principal.roomId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return ok({ comments: b ? await recentComments(ctx.db, b.id) : [] });
    }),
    'view.comment': liveMutation((ctx, input) => postComment(deps, ctx, input)),
    'view.buy': liveMutation((ctx, input) => buy(deps, ctx, input)),
    ...viewerMediaHandlers(deps),
  };
}

export function viewerEphemeralHandlers(
  deps: LiveDeps,
): EphemeralHandlers<typeof viewerEphemeralTable, ViewerPrincipal> {
  return {
    'view.like': (ctx, input) => deps.service.like(ctx.principal.orgId, ctx.principal.roomId, input.count),
  };
}
