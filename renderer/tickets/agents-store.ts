import { v7 as uuidv7 } from 'uuid';
import type { OutboxEntry } from '../../shared/bridge';
import type { AgentPresence } from '../../shared/domain/tickets/assignment';
import { Rerun } from '../../shared/domain/rerun';
import type { Accommodation, Ack, Agent, ErrorCode } from '../../shared/protocol';
import { agentOutput, agentPresenceSchema } from '../../shared/protocol/tickets';
import { Emitter } from '../net/emitter';
import { defineStore } from '../session/store-registry';
import type { Session } from '../session/session';

const none: readonly Agent[] = [];

/** The presence a queued, not yet applied `agents.setPresence` asks for; the newest wins. */
function queuedPresence(pending: readonly OutboxEntry[]): AgentPresence | null {
  for (let i = pending.length - 1; i >= 0; i--) {
    const entry = pending[i];
    if (entry?.event !== 'agents.setPresence') continue;
    const parsed = agentPresenceSchema.safeParse(entry.payload.presence);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/**
 * The organisation's agents as the Tickets workspace sees them: presence,
 * load against their limit, accommodation profile. Read with agents.list on
 * every connect and kept current by agents.changed; the worker's own
 * presence and a supervisor's profile changes go through the outbox, so a
 * change made offline is sent once the hub is back, and never twice.
 */
export class AgentsStore {
  private agentsValue: readonly Agent[] = none;
  private loadedValue = false;
  private errorValue: ErrorCode | null = null;
  private queuedValue: AgentPresence | null = null;
  private readonly changes = new Emitter();
  private readonly load: Rerun;
  private readonly stops: (() => void)[] = [];

  constructor(private readonly session: Session) {
    const { hub, outbox } = session;
    this.load = new Rerun(async () => {
      const answer = await hub.request('agents.list', {});
      if (answer.ok) {
        this.agentsValue = answer.data;
        this.loadedValue = true;
        this.errorValue = null;
      } else {
        this.errorValue = answer.error.code;
      }
      this.changes.emit();
    });
    this.stops.push(hub.onPush('agents.changed', ({ agent }) => this.upsert(agent)));
    this.stops.push(hub.onConnected(() => void this.load.run()));
    this.stops.push(
      outbox.onDelivered((entry, data) => {
        if (entry.event !== 'agents.setPresence' && entry.event !== 'agents.setProfile') return;
        const parsed = agentOutput.safeParse(data);
        if (parsed.success) this.upsert(parsed.data.agent);
      }),
    );
    this.stops.push(outbox.subscribe(() => this.followOutbox()));
    this.followOutbox();
    if (hub.connected) void this.load.run();
  }

  /** By display name, as the hub lists them. */
  get agents(): readonly Agent[] {
    return this.agentsValue;
  }
  /** agents.list has answered at least once. */
  get loaded(): boolean {
    return this.loadedValue;
  }
  get error(): ErrorCode | null {
    return this.errorValue;
  }
  /** The signed-in worker as an agent; null for someone without the agent role (a supervisor only). */
  get me(): Agent | null {
    const id = this.session.user.id;
    return this.agentsValue.find((agent) => agent.id === id) ?? null;
  }
  /** A presence the worker chose that the hub has not applied yet (waiting in the outbox). */
  get queuedPresence(): AgentPresence | null {
    return this.queuedValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  /** The worker's own presence; going away or offline hands unanswered conversations back to the queue. */
  setPresence(presence: AgentPresence): Promise<Ack<OutboxEntry>> {
    return this.session.outbox.enqueue('agents.setPresence', { id: uuidv7(), presence }, null);
  }

  /** A supervisor sets an agent's accommodation profile with them. */
  setProfile(userId: number, profile: Accommodation): Promise<Ack<OutboxEntry>> {
    return this.session.outbox.enqueue('agents.setProfile', { id: uuidv7(), userId, profile }, null);
  }

  /** Resolves after a read that started after this call. */
  refresh(): Promise<void> {
    return this.load.run();
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private upsert(agent: Agent): void {
    const at = this.agentsValue.findIndex((a) => a.id === agent.id);
    if (at >= 0) {
      const next = [...this.agentsValue];
      next[at] = agent;
      this.agentsValue = next;
    } else {
      this.agentsValue = [...this.agentsValue, agent].sort(
        (a, b) => a.displayName.localeCompare(b.displayName) || a.id - b.id,
      );
    }
    this.changes.emit();
  }

  private followOutbox(): void {
    const queued = queuedPresence(this.session.outbox.pending);
    if (queued === this.queuedValue) return;
    this.queuedValue = queued;
    this.changes.emit();
  }
}

export const agentsStore = defineStore('ticketAgents', (session: Session) => new AgentsStore(session));
