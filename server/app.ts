import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { LevelWithSilentOrString, Logger } from 'pino';
import { pino } from 'pino';
import { Server } from 'socket.io';
import { createAuth } from './auth/deps';
import { attachmentRoutes } from './chat/attachment-routes';
import { authSweeps } from './auth/sweeps';
import { tokenKeyFileName } from './auth/secret';
import { recordsKeyFileName, recordsKeyFor } from './quota/records-key';
import { bootstrapAdmin, newSetupCode, SetupGate } from './auth/setup';
import { guestAuth, socketAuth } from './auth/socket-auth';
import { countOrganisations } from './auth/users';
import type { DemoCredential } from './demo/seed';
import { demoCredentials, seedDemo } from './demo/seed';
import { guardEdge, httpServerOptions, socketServerOptions } from './http/edge';
import { defaultConnectionLimits, type ConnectionLimits } from './http/limits';
import { createOriginPolicy } from './http/origins';
import { createRouter } from './http/router';
import { SessionGuard } from './http/session-guard';
import { namespaces, type PrincipalKind } from '../shared/protocol/events';
import type { BudgetLimits } from './protocol/budget';
import { defaultBudgets, guestAudience, workerAudience } from './protocol/audiences';
import { attachDispatcher, type DispatchDeps } from './protocol/dispatch';
import { PushBatcher } from './protocol/push-batcher';
import { rooms } from './protocol/rooms';
import type { HubServer } from './protocol/socket-types';
import { createDatabase, migrateToLatest } from './store/database';
import type { Database } from './store/schema';
import { WriteQueue } from './store/write-queue';
import { chatPageRoute, defaultChatDir } from './web/chat-route';
import { startHousekeeping, type Housekeeping } from './store/housekeeping';
import { sweepCommandResults } from './protocol/command-results';
import { wireTickets, type TicketsConfig } from './tickets/wiring';
import { liveAssetsRoute } from './live/assets-route';
import { writeDemoLiveAssets } from './demo/live-assets';
import { wireLive, type LiveConfig } from './live/wiring';
import { startMediaPlane } from './media/index';
import type { MediaPlane } from './media/types';
import { unavailablePlane } from './media/unavailable-plane';
import { defaultLiveDir, livePageRoute } from './web/live-route';

export interface HubConfig {
  dataDir: string;
  /** Default 127.0.0.1: a workstation's embedded hub is not reachable from the network unless asked. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Seed the Demo Shop into an empty store. */
  demo?: boolean;
  /**
   * With `demo`: also seed its six months of shifts, tickets, broadcasts and
   * pay (default true). Renderer tests that read none of it turn it off: a
   * fresh demo hub per test then starts in a fraction of the time.
   */
  demoHistory?: boolean;
  /** On an empty store, create organisation "Wings" with user "admin" and this password. */
  adminPassword?: string;
  /** A pino level name, 'silent' included; default 'info'. */
  logLevel?: LevelWithSilentOrString;
  /** A logger to write through (the host's, or one on stderr); `logLevel` then does not apply. */
  logger?: Logger;
  /** Path of a better-sqlite3 native binding built for another ABI (Electron's). */
  nativeBinding?: string;
  /** Extra HTTP routes, matched by path prefix after the hub's own and before its 404. */
  routes?: Array<{ prefix: string; handler: (req: IncomingMessage, res: ServerResponse) => void }>;
  /** The built customer chat page served at /chat/ (`out/chat`); by default found from the app's root. */
  chatDir?: string;
  /** Per-socket budgets by principal kind; tests that flood on purpose raise them. */
  budgets?: Partial<Record<PrincipalKind, BudgetLimits>>;
  /**
   * Browser origins, besides the hub's own pages and `wings://app`, that may
   * call the API and open sockets (`--allow-origin`): a web-mode workstation
   * served from another port, or the hub's public address behind a proxy.
   */
  allowedOrigins?: string[];
  /** Connection caps and timeouts at the edge (`server/http/limits.ts`); each one defaults on its own. */
  connectionLimits?: Partial<ConnectionLimits>;
  /** Tickets and the customer chat: timings of the sweeps and the offline grace, chat start and flood limits. */
  tickets?: TicketsConfig;
  /** The built live viewer page served at /live/<slug> (`out/live`); by default found from the app's root. */
  liveDir?: string;
  /** Live: timings of its sweeps, the join limit. */
  live?: LiveConfig;
  /**
   * The mediasoup media plane (`--rtc-port`, `--announced-address`). `false`
   * runs the hub without one: Live still sells and takes comments, and says
   * plainly on the console that there is no video.
   */
  media?:
    | {
        rtcPort?: number;
        announcedAddress?: string | null;
        workers?: number;
        maxConsumersPerWorker?: number;
      }
    | false;
  /** A media plane the caller started (tests that feed it RTP themselves); the hub closes it. Wins over `media`. */
  mediaPlane?: MediaPlane;
}

export interface Hub {
  /** Where clients connect: http://127.0.0.1:<port> when bound to every interface. */
  url: string;
  port: number;
  httpServer: HttpServer;
  io: HubServer;
  demoCredentials: { username: string; password: string }[] | null;
  /** The one-time code for `POST /api/setup` while the store has no organisation; never logged. */
  setupCode: string | null;
  close(): Promise<void>;
}

/**
 * Small on purpose, so a flood of large frames is refused before parsing. Hub
 * commands need a few KiB; the ceiling is set by web mode, whose host bridge
 * shares this engine and carries drafts of up to 100 000 characters (400 KB
 * of UTF-8 at worst).
 */
const maxSocketMessageBytes = 512 * 1024;

function urlFor(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return `http://127.0.0.1:${port}`;
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

async function prepareStore(
  db: Kysely<Database>,
  config: HubConfig,
  log: Logger,
  now: number,
): Promise<{ credentials: DemoCredential[] | null; setupCode: string | null }> {
  const applied = await migrateToLatest(db);
  if (applied.length > 0) log.info({ migrations: applied }, 'store migrated');
  if (config.demo) {
    const history = config.demoHistory ?? true;
    if (await seedDemo(db, now, recordsKeyFor(config.dataDir), { history }))
      log.info('demo organisation seeded');
    const credentials = await demoCredentials(db);
    if (!credentials) log.warn('--demo ignored: this store already holds another organisation');
    return { credentials, setupCode: null };
  }
  if (config.adminPassword !== undefined && (await bootstrapAdmin(db, config.adminPassword, now))) {
    log.info('first organisation created with user "admin"');
  }
  const empty = (await countOrganisations(db)) === 0;
  return { credentials: null, setupCode: empty ? newSetupCode() : null };
}

export async function createHub(config: HubConfig): Promise<Hub> {
  // A restream's stream key is a credential: whatever logs a command's input, it is never written.
  const log =
    config.logger ??
    pino({
      name: 'hub',
      level: config.logLevel ?? 'info',
      redact: { paths: ['streamKey', '*.streamKey', '*.*.streamKey'], censor: '[redacted]' },
    });
  const host = config.host ?? '127.0.0.1';
  // Before the store is opened: a mistyped --allow-origin stops the start, it is not ignored.
  const origins = createOriginPolicy(config.allowedOrigins);
  const limits: ConnectionLimits = { ...defaultConnectionLimits(), ...config.connectionLimits };
  const now = () => Date.now();
  mkdirSync(config.dataDir, { recursive: true });
  const db = createDatabase({
    kind: 'sqlite',
    file: join(config.dataDir, 'hub.sqlite'),
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    // A key file without its store is a hub that lost its data, not a new one.
    companions: [join(config.dataDir, tokenKeyFileName), join(config.dataDir, recordsKeyFileName)],
    backgroundCheckpoint: {
      onLost: (reason) => log.warn({ reason }, 'background checkpoints stopped; the hub checkpoints inline'),
    },
  });

  let httpServer: HttpServer | null = null;
  let housekeeping: Housekeeping | null = null;
  let closeTickets: (() => Promise<void>) | null = null;
  let closeLive: (() => Promise<void>) | null = null;
  let plane: MediaPlane | null = null;
  try {
    const { credentials, setupCode } = await prepareStore(db, config, log, now());
    const auth = await createAuth({ db, dataDir: config.dataDir, log, now });
    const setup = new SetupGate(setupCode);
    const writes = new WriteQueue(db);
    const photos = attachmentRoutes({ db, writes, log, now });
    const tickets = wireTickets({ db, writes, log, now }, config.tickets);
    closeTickets = () => tickets.close();
    const live = wireLive({ db, writes, log, now }, config.live);
    closeLive = () => live.close();
    const assetsDir = join(config.dataDir, 'live-assets');
    if (config.demo) writeDemoLiveAssets(assetsDir);
    const hubRoutes = [
      chatPageRoute(config.chatDir ?? defaultChatDir()),
      livePageRoute(config.liveDir ?? defaultLiveDir()),
      liveAssetsRoute(assetsDir),
      photos.serve,
    ];
    const server = createServer(
      httpServerOptions(limits),
      createRouter({
        auth,
        setup,
        routes: [...hubRoutes, ...(config.routes ?? [])],
        rawApi: [photos.upload],
        jsonApi: { ...tickets.jsonApi, ...live.jsonApi },
        origins,
        log,
      }),
    );
    httpServer = server;
    // No `cors` option: socket-origin.ts answers CORS for allowed pages only (it needs the Host header).
    const io: HubServer = new Server(server, {
      ...socketServerOptions(limits, origins),
      maxHttpBufferSize: maxSocketMessageBytes,
      serveClient: false,
    });
    guardEdge(server, io.engine, limits, origins, log);
    const sessions = new SessionGuard(io.engine, limits, log);
    const dispatch: DispatchDeps = { db, writes, log, now };
    housekeeping = startHousekeeping(db, { commandResults: sweepCommandResults, ...authSweeps }, log, now);
    void housekeeping.runNow();
    const batcher = new PushBatcher(io);
    await tickets.attach({
      io,
      batcher,
      dispatch,
      afterAuth: sessions.afterAuth,
      ...(config.budgets?.customer ? { budget: config.budgets.customer } : {}),
    });
    // Never rejects: without a worker the plane says why, and the rest of the hub goes on.
    plane =
      config.mediaPlane ??
      (config.media === false
        ? unavailablePlane('Live video is turned off on this hub.')
        : await startMediaPlane({
            dataDir: config.dataDir,
            log: log.child({ part: 'media' }),
            ...config.media,
          }));
    live.attach({
      io,
      batcher,
      dispatch,
      plane,
      afterAuth: sessions.afterAuth,
      ...(config.budgets?.viewer ? { budget: config.budgets.viewer } : {}),
    });
    const workers = workerAudience(
      {
        io,
        limiter: auth.limiter,
        pushes: batcher,
        writes,
        tickets: tickets.deps,
        live: live.deps,
        quota: { recordsKey: recordsKeyFor(config.dataDir) },
      },
      config.budgets?.worker ?? defaultBudgets.worker,
    );
    auth.revocations.attach((tokenId) => io.in(rooms.token(tokenId)).disconnectSockets(true));
    io.use(socketAuth(auth));
    io.use(sessions.afterAuth);
    io.on('connection', (socket) => {
      const { principal } = socket.data;
      if (principal.kind !== 'worker') return void socket.disconnect(true);
      void socket.join([
        rooms.user(principal.user.id),
        rooms.token(principal.tokenId),
        rooms.team(principal.user.organisation.id),
      ]);
      if (principal.user.roles.some((r) => r === 'supervisor' || r === 'admin')) {
        void socket.join(rooms.employer(principal.user.organisation.id));
      }
      tickets.workerConnected(socket, principal);
      live.workerConnected(socket, principal);
      attachDispatcher(dispatch, workers, socket);
    });
    const guests = guestAudience(config.budgets?.guest ?? defaultBudgets.guest);
    const guestNamespace = io.of(namespaces.guest);
    guestNamespace.use(guestAuth);
    guestNamespace.on('connection', (socket) => attachDispatcher(dispatch, guests, socket));

    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const url = urlFor(host, port);
    log.info({ url }, 'hub listening');

    let closing: Promise<void> | null = null;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        await housekeeping?.stop();
        await closeTickets?.();
        await closeLive?.();
        await plane?.close();
        await new Promise<void>((resolve) => {
          void io.close(() => resolve());
          // Keep-alive HTTP clients would otherwise hold the server open for seconds.
          setImmediate(() => server.closeAllConnections());
        });
        await db.destroy();
        log.info('hub closed');
      })();
      return closing;
    };

    return {
      url,
      port,
      httpServer: server,
      io,
      demoCredentials: credentials,
      get setupCode() {
        return setup.code;
      },
      close,
    };
  } catch (err) {
    await housekeeping?.stop();
    await closeTickets?.();
    await closeLive?.();
    await plane?.close();
    httpServer?.close();
    await db.destroy();
    throw err;
  }
}
