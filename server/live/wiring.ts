import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ExtendedError } from 'socket.io';
import { namespaces } from '../../shared/protocol/events';
import { StartLimiter, type StartLimits } from '../chat/start-limit';
import { httpError } from '../http/respond';
import type { JsonHandler } from '../http/router';
import type { MediaPlane } from '../media/types';
import { defaultBudgets, viewerAudience } from '../protocol/audiences';
import type { BudgetLimits } from '../protocol/budget';
import { attachDispatcher, type DispatchDeps } from '../protocol/dispatch';
import type { WorkerPrincipal } from '../protocol/principal';
import type { PushBatcher } from '../protocol/push-batcher';
import { rooms } from '../protocol/rooms';
import type { HubServer, HubSocket } from '../protocol/socket-types';
import type { Database } from '../store/schema';
import type { WriteQueue } from '../store/write-queue';
import type { LiveDeps } from './deps';
import { joinRoom } from './join';
import { roomOfAnchor } from './rows';
import { defaultLiveTimings, LiveService, type LiveTimings } from './service';
import { viewerAuth } from './viewer-auth';

/** `HubConfig.live`: tests shorten the timings and raise the join limit. */
export interface LiveConfig {
  timings?: Partial<LiveTimings>;
  joins?: StartLimits;
}

/** A page load is a join; a class watching from one school's address is many. */
export const defaultJoinLimits: StartLimits = { max: 120, windowMs: 10 * 60_000 };

export interface LiveAttach {
  io: HubServer;
  batcher: PushBatcher;
  dispatch: DispatchDeps;
  plane: MediaPlane;
  afterAuth: (socket: HubSocket, next: (err?: ExtendedError) => void) => void;
  budget?: BudgetLimits;
}

export interface LiveWiring {
  deps: LiveDeps;
  jsonApi: Record<string, JsonHandler>;
  attach(options: LiveAttach): void;
  /** An anchor's console and supervisors hear the rooms they open; a socket's media closes with it. */
  workerConnected(socket: HubSocket, principal: WorkerPrincipal): void;
  close(): Promise<void>;
}

/**
 * The Live job put together for `createHub`, like Tickets: the join route
 * exists before the socket server, the service (pushes, timers, the media
 * plane's events) once `attach` gives it one.
 */
export function wireLive(
  base: { db: Kysely<Database>; writes: WriteQueue; log: Logger; now: () => number },
  config: LiveConfig = {},
): LiveWiring {
  const limiter = new StartLimiter(config.joins ?? defaultJoinLimits);
  let service: LiveService | null = null;
  const deps: LiveDeps = {
    get service() {
      if (!service) throw new Error('the live job is not attached to a socket server yet');
      return service;
    },
  };
  return {
    deps,
    jsonApi: {
      '/api/live/join': (body, ip) =>
        service
          ? joinRoom({ ...base, limiter }, body, ip)
          : Promise.resolve(httpError('unavailable', 'The hub is starting. Try again in a moment.')),
    },
    attach(options) {
      const running = new LiveService(base, options.io, options.batcher, options.plane, {
        ...defaultLiveTimings,
        ...config.timings,
      });
      service = running;
      running.start();
      const viewers = viewerAudience(deps, options.budget ?? defaultBudgets.viewer);
      const live = options.io.of(namespaces.viewer);
      live.use(viewerAuth(base.db, base.log));
      live.use(options.afterAuth);
      live.on('connection', (socket) => {
        const { principal } = socket.data;
        if (principal.kind !== 'viewer') return void socket.disconnect(true);
        void socket.join(rooms.liveViewers(principal.orgId, principal.roomId));
        running.state(principal.orgId, principal.roomId);
        attachDispatcher(options.dispatch, viewers, socket);
        socket.once('disconnect', () => {
          running.socketGone(socket.id);
          running.state(principal.orgId, principal.roomId);
        });
      });
    },
    workerConnected(socket, principal) {
      principal.socketId = socket.id;
      socket.once('disconnect', () => service?.socketGone(socket.id));
      const { roles, organisation } = principal.user;
      const orgId = organisation.id;
      if (roles.includes('supervisor') || roles.includes('admin')) {
        // Watching is read-only and any room of the organisation: they hear every room's pushes.
        void base.db
          .selectFrom('live_rooms')
          .select('id')
          .where('org_id', '=', orgId)
          .execute()
          .then((list) => socket.join(list.map((r) => rooms.live(orgId, r.id))))
          .catch((err: unknown) => base.log.error({ err }, 'could not join live rooms'));
      }
      if (roles.includes('anchor')) {
        void roomOfAnchor(base.db, orgId, principal.user.id)
          .then((room) => (room ? socket.join(rooms.live(orgId, room.id)) : undefined))
          .catch((err: unknown) => base.log.error({ err }, 'could not join the live room'));
      }
    },
    async close() {
      await service?.close();
    },
  };
}
