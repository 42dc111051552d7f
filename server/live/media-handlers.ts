import type { Ack } from '../../shared/protocol/ack';
import { fail, ok } from '../../shared/protocol/ack';
import type { viewerCommands } from '../../shared/protocol/live';
import type { Handlers, QueryHandler } from '../protocol/handler';
import type { Principal, ViewerPrincipal, WorkerPrincipal } from '../protocol/principal';
import { MediaError, type PeerRef, type PeerRole } from '../media/types';
import type { LiveDeps } from './deps';
import { noBroadcast, notLive, orgOf } from './deps';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { liveCommands } from '../../shared/protocol/live';

type MediaNames =
  | 'media.capabilities'
  | 'media.transport.create'
  | 'media.transport.connect'
  | 'media.transport.restartIce'
  | 'media.consume'
  | 'media.consumer.resume'
  | 'media.producers';

/** The plane's refusals become the person's answer; anything else is the dispatcher's `internal`. */
async function viaPlane<T>(run: () => Promise<T>): Promise<Ack<T>> {
  try {
    return ok(await run());
  } catch (err) {
    if (err instanceof MediaError) return fail(err.code, err.message);
    throw err;
  }
}

/** Who a socket may be in a broadcast's media: null when the broadcast is not theirs to reach. */
type Resolve<P extends Principal> = (
  db: Kysely<Database>,
  principal: P,
  broadcastId: number,
) => Promise<{ role: PeerRole } | Ack<never>>;

const noPeer = fail('conflict', 'Open the broadcast first (its capabilities, then a transport).');
const socketOf = (p: WorkerPrincipal | ViewerPrincipal): string => p.socketId ?? '';

function mediaHandlers<P extends WorkerPrincipal | ViewerPrincipal>(
  deps: LiveDeps,
  resolve: Resolve<P>,
): Handlers<Pick<typeof viewerCommands, MediaNames>, P> {
  const { service } = deps;
  const q = <In, Out>(run: QueryHandler<P, In, Out>['run']): QueryHandler<P, In, Out> => ({
    kind: 'query',
    run,
  });
  const bound = (principal: P): PeerRef | undefined => service.peerOf(socketOf(principal));
  return {
    'media.capabilities': q(async (ctx, input) => {
      const who = await resolve(ctx.db, ctx.principal, input.broadcastId);
      if ('ok' in who) return who;
      return viaPlane(async () => {
        // Idempotent: a room whose open was missed (the plane came back) opens on first use.
        await service.plane.openRoom(input.broadcastId);
        return { rtpCapabilities: await service.plane.rtpCapabilities(input.broadcastId) };
      });
    }),
    'media.transport.create': q(async (ctx, input) => {
      const who = await resolve(ctx.db, ctx.principal, input.broadcastId);
      if ('ok' in who) return who;
      if (input.direction === 'send' && who.role !== 'anchor')
        return fail('forbidden', 'Only the anchor sends into a broadcast; you can watch it.');
      const earlier = bound(ctx.principal);
      if (earlier && earlier.broadcastId !== input.broadcastId)
        return fail('conflict', 'This connection is already in another broadcast. Reconnect to change.');
      const peer: PeerRef = {
        peerId: socketOf(ctx.principal),
        broadcastId: input.broadcastId,
        role: who.role,
      };
      service.bindPeer(peer);
      return viaPlane(() => service.plane.createTransport(peer, input.direction));
    }),
    'media.transport.connect': q(async (ctx, input) => {
      const peer = bound(ctx.principal);
      if (!peer) return noPeer;
      return viaPlane(async () => {
        await service.plane.connectTransport(peer.peerId, input.transportId, input.dtlsParameters);
        return {};
      });
    }),
    'media.transport.restartIce': q(async (ctx, input) => {
      const peer = bound(ctx.principal);
      if (!peer) return noPeer;
      return viaPlane(async () => ({
        iceParameters: await service.plane.restartIce(peer.peerId, input.transportId),
      }));
    }),
    'media.consume': q(async (ctx, input) => {
      const peer = bound(ctx.principal);
      if (!peer) return noPeer;
      // The broadcast may have ended since the transport was made.
      const who = await resolve(ctx.db, ctx.principal, peer.broadcastId);
      if ('ok' in who) return who;
      return viaPlane(() =>
        service.plane.consume(peer, input.transportId, input.producerId, input.rtpCapabilities),
      );
    }),
    'media.consumer.resume': q(async (ctx, input) => {
      const peer = bound(ctx.principal);
      if (!peer) return noPeer;
      return viaPlane(async () => {
        await service.plane.resume(peer.peerId, input.consumerId);
        return {};
      });
    }),
    'media.producers': q(async (ctx, input) => {
      const who = await resolve(ctx.db, ctx.principal, input.broadcastId);
      if ('ok' in who) return who;
      return ok({
        broadcastId: input.broadcastId,
        producers: service.plane.producers(input.broadcastId).slice(0, 4),
      });
    }),
  };
}

async function liveBroadcast(db: Kysely<Database>, orgId: number, broadcastId: number) {
  return db
    .selectFrom('live_broadcasts as b')
    .innerJoin('live_rooms as r', 'r.id', 'b.room_id')
    .select(['b.id', 'b.status', 'b.room_id', 'r.anchor_id'])
    .where('b.org_id', '=', orgId)
    .where('b.id', '=', broadcastId)
    .executeTakeFirst();
}

/**
 * Workers: the anchor sends into their own live broadcast; anyone of the
 * organisation with a reading role (a supervisor, an admin, another anchor)
 * may watch a live one, receiving only.
 */
export function workerMediaHandlers(
  deps: LiveDeps,
): Handlers<Pick<typeof liveCommands, MediaNames | 'media.produce'>, WorkerPrincipal> {
  const base = mediaHandlers<WorkerPrincipal>(deps, async (db, principal, broadcastId) => {
    const b = await liveBroadcast(db, orgOf(principal), broadcastId);
    if (!b) return noBroadcast;
    if (b.status !== 'live') return notLive;
    return {
      role:
        b.anchor_id === principal.user.id && principal.user.roles.includes('anchor') ? 'anchor' : 'watcher',
    };
  });
  return {
    ...base,
    'media.produce': {
      kind: 'query',
      async run(ctx, input) {
        const peer = deps.service.peerOf(socketOf(ctx.principal));
        if (!peer) return noPeer;
        if (peer.role !== 'anchor') return fail('forbidden', 'Only the anchor sends into a broadcast.');
        return viaPlane(async () => ({
          producerId: await deps.service.plane.produce(
            peer,
            input.transportId,
            input.kind,
            input.rtpParameters,
          ),
        }));
      },
    },
  };
}

/** A viewer receives only, and only their own room's live broadcast. */
export function viewerMediaHandlers(
  deps: LiveDeps,
): Handlers<Pick<typeof viewerCommands, MediaNames>, ViewerPrincipal> {
  return mediaHandlers<ViewerPrincipal>(deps, async (db, principal, broadcastId) => {
    const b = await liveBroadcast(db, principal.orgId, broadcastId);
    if (b?.room_id !== principal.roomId) return noBroadcast;
    if (b.status !== 'live') return notLive;
    return { role: 'viewer' };
  });
}
