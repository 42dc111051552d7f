import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { WorkerPrincipal } from '../protocol/principal';
import type { Database } from '../store/schema';
import type { WriteQueue } from '../store/write-queue';
import { changePresence } from './assignment';
import type { TicketsDeps } from './deps';
import { Effects, type TicketPushes } from './pushes';
import { SuggestionCache } from './suggest';
import { sweepOrg, ticketOrgs } from './sweeps';

export interface TicketTimings {
  /** An agent whose last socket closed is set offline after this, so a reconnect does not bounce their tickets. */
  offlineGraceMs: number;
  /** How often snoozed tickets are woken and slow replies returned. */
  sweepEveryMs: number;
}

export const defaultTicketTimings: TicketTimings = { offlineGraceMs: 30_000, sweepEveryMs: 30_000 };

export interface TicketsServiceOptions {
  db: Kysely<Database>;
  writes: WriteQueue;
  log: Logger;
  now: () => number;
  pushes: TicketPushes;
  timings: TicketTimings;
}

const isAgent = (p: WorkerPrincipal): boolean => p.user.roles.includes('agent');

/**
 * The Tickets job's timed work and what it keeps in memory: which agents
 * have a socket open (to set them offline once the last one has been gone a
 * while) and the suggestion rankers (a cache). Assignment state itself is
 * only ever in the store.
 */
export class TicketsService {
  readonly deps: TicketsDeps;
  private readonly sockets = new Map<number, number>();
  private readonly graceTimers = new Map<number, NodeJS.Timeout>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: TicketsServiceOptions) {
    this.deps = { pushes: options.pushes, suggestions: new SuggestionCache() };
  }

  /**
   * Starts the sweep, and gives agents the store still shows as present
   * (the hub stopped under them) the same grace as a closed socket: if they
   * do not come back, their unanswered tickets go back to the queue.
   */
  async start(): Promise<void> {
    const present = await this.options.db
      .selectFrom('agent_states')
      .select(['user_id', 'org_id'])
      .where('presence', 'in', ['available', 'busy'])
      .execute();
    for (const row of present)
      if (!this.sockets.has(row.user_id)) this.scheduleOffline(row.org_id, row.user_id);
    this.sweepTimer = setInterval(() => void this.sweep(), this.options.timings.sweepEveryMs);
    this.sweepTimer.unref();
    void this.sweep();
  }

  workerConnected(principal: WorkerPrincipal): void {
    if (!isAgent(principal)) return;
    const userId = principal.user.id;
    this.sockets.set(userId, (this.sockets.get(userId) ?? 0) + 1);
    const timer = this.graceTimers.get(userId);
    if (timer) clearTimeout(timer);
    this.graceTimers.delete(userId);
  }

  workerDisconnected(principal: WorkerPrincipal): void {
    if (!isAgent(principal)) return;
    const userId = principal.user.id;
    const left = (this.sockets.get(userId) ?? 1) - 1;
    if (left > 0) {
      this.sockets.set(userId, left);
      return;
    }
    this.sockets.delete(userId);
    this.scheduleOffline(principal.user.organisation.id, userId);
  }

  private scheduleOffline(orgId: number, userId: number): void {
    if (this.closed) return;
    const earlier = this.graceTimers.get(userId);
    if (earlier) clearTimeout(earlier);
    const timer = setTimeout(() => {
      this.graceTimers.delete(userId);
      if (this.sockets.has(userId)) return;
      void this.write(orgId, async (trx, fx, now) => {
        const state = await trx
          .selectFrom('agent_states')
          .select('presence')
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (!state || state.presence === 'offline') return;
        await changePresence(trx, fx, userId, 'offline', now);
      });
    }, this.options.timings.offlineGraceMs);
    timer.unref();
    this.graceTimers.set(userId, timer);
  }

  /** One write of the hub's own (not a client's command), its pushes sent after the commit. */
  private write(
    orgId: number,
    work: (trx: Kysely<Database>, fx: Effects, now: number) => Promise<void>,
  ): Promise<void> {
    if (this.closed) return Promise.resolve();
    const done = this.writeNow(orgId, work).finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
    return done;
  }

  private async writeNow(
    orgId: number,
    work: (trx: Kysely<Database>, fx: Effects, now: number) => Promise<void>,
  ): Promise<void> {
    try {
      const after = await this.options.writes.run(async (trx) => {
        const fx = new Effects(orgId);
        await work(trx, fx, this.options.now());
        return fx.settle(trx, this.options.pushes);
      });
      after();
    } catch (err) {
      this.options.log.warn({ err, orgId }, 'tickets: a timed write failed; it runs again at the next sweep');
    }
  }

  /** Wakes snoozed tickets, returns slow replies and plans each organisation's backlog. */
  sweep(): Promise<void> {
    this.running ??= (async () => {
      try {
        for (const orgId of await ticketOrgs(this.options.db)) {
          if (this.closed) break;
          await this.write(orgId, (trx, fx, now) => sweepOrg(trx, fx, now));
        }
      } catch (err) {
        this.options.log.warn({ err }, 'tickets sweep failed');
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
    await this.running;
    await Promise.all([...this.inFlight]);
  }
}
