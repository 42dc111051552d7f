import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ExtendedError } from 'socket.io';
import { namespaces } from '../../shared/protocol/events';
import { customerAuth } from '../chat/customer-auth';
import { ChatFloodLimit, defaultFloodLimits, type FloodLimits } from '../chat/flood';
import { startChat } from '../chat/start';
import { defaultStartLimits, StartLimiter, type StartLimits } from '../chat/start-limit';
import { httpError } from '../http/respond';
import type { JsonHandler } from '../http/router';
import { customerAudience, defaultBudgets } from '../protocol/audiences';
import type { BudgetLimits } from '../protocol/budget';
import { attachDispatcher, type DispatchDeps } from '../protocol/dispatch';
import type { WorkerPrincipal } from '../protocol/principal';
import type { PushBatcher } from '../protocol/push-batcher';
import { rooms } from '../protocol/rooms';
import type { HubServer, HubSocket } from '../protocol/socket-types';
import type { Database } from '../store/schema';
import type { WriteQueue } from '../store/write-queue';
import type { TicketsDeps } from './deps';
import { defaultTicketTimings, TicketsService, type TicketTimings } from './service';

/** `HubConfig.tickets`: each part defaults on its own; tests shorten the timings and raise the limits. */
export interface TicketsConfig {
  timings?: Partial<TicketTimings>;
  chatStarts?: StartLimits;
  chatFlood?: FloodLimits;
}

export interface TicketsWiring {
  deps: TicketsDeps;
  /** For the router: `POST /api/chat/start`. */
  jsonApi: Record<string, JsonHandler>;
  /** Binds the job to the running socket server: the `/chat` namespace, the timed work. */
  attach(options: AttachOptions): Promise<void>;
  /** Agents and supervisors hear their organisation's queue; an agent's sockets are their presence. */
  workerConnected(socket: HubSocket, principal: WorkerPrincipal): void;
  close(): Promise<void>;
}

export interface AttachOptions {
  io: HubServer;
  batcher: PushBatcher;
  dispatch: DispatchDeps;
  /** The session caps' middleware, run after the customer's auth (`server/http/session-guard.ts`). */
  afterAuth: (socket: HubSocket, next: (err?: ExtendedError) => void) => void;
  budget?: BudgetLimits;
}

/**
 * The Tickets job and the customer chat, put together for `createHub`: the
 * router needs the start route before the socket server exists, so the
 * parts that push are bound by `attach` once it does.
 */
export function wireTickets(
  base: { db: Kysely<Database>; writes: WriteQueue; log: Logger; now: () => number },
  config: TicketsConfig = {},
): TicketsWiring {
  const timings = { ...defaultTicketTimings, ...config.timings };
  const limiter = new StartLimiter(config.chatStarts ?? defaultStartLimits);
  const flood = new ChatFloodLimit(config.chatFlood ?? defaultFloodLimits, base.now);
  let service: TicketsService | null = null;
  const deps: TicketsDeps = {
    get pushes() {
      if (!service) throw new Error('the tickets job is not attached to a socket server yet');
      return service.deps.pushes;
    },
    get suggestions() {
      if (!service) throw new Error('the tickets job is not attached to a socket server yet');
      return service.deps.suggestions;
    },
  };
  return {
    deps,
    jsonApi: {
      '/api/chat/start': (body, ip) =>
        service
          ? startChat({ ...base, pushes: service.deps.pushes, limiter }, body, ip)
          : Promise.resolve(httpError('unavailable', 'The hub is starting. Try again in a moment.')),
    },
    async attach(options) {
      service = new TicketsService({
        ...base,
        pushes: { batcher: options.batcher, io: options.io },
        timings,
      });
      const customers = customerAudience(
        { ...service.deps, flood },
        options.budget ?? defaultBudgets.customer,
      );
      const chat = options.io.of(namespaces.customer);
      chat.use(customerAuth(base.db, base.log));
      chat.use(options.afterAuth);
      chat.on('connection', (socket) => {
        const { principal } = socket.data;
        if (principal.kind !== 'customer') return void socket.disconnect(true);
        void socket.join(rooms.chat(principal.orgId, principal.ticketId));
        attachDispatcher(options.dispatch, customers, socket);
      });
      await service.start();
    },
    workerConnected(socket, principal) {
      const { roles, organisation } = principal.user;
      if (!roles.includes('agent') && !roles.includes('supervisor')) return;
      void socket.join(rooms.tickets(organisation.id));
      service?.workerConnected(principal);
      socket.once('disconnect', () => service?.workerDisconnected(principal));
    },
    async close() {
      await service?.close();
    },
  };
}
