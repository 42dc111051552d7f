import type { Kysely } from 'kysely';
import type { ChatState } from '../../shared/protocol/chat';
import type { Agent, TicketSettings, TicketSummary } from '../../shared/protocol/tickets';
import { loadChatState } from '../chat/state';
import type { PushBatcher } from '../protocol/push-batcher';
import { namespaceOfRoom, rooms } from '../protocol/rooms';
import type { HubServer } from '../protocol/socket-types';
import type { Database } from '../store/schema';
import { loadAgent } from './agents';
import { loadSummaries } from './rows';
import type { StoredMessage } from './store';
import { toChatMessage } from './store';

/** Where the Tickets job's pushes go: batched streams through the batcher, the rest straight to a room. */
export interface TicketPushes {
  batcher: PushBatcher;
  io: HubServer;
}

/**
 * What one write changed, collected while it runs: which tickets, which
 * messages, whose assignment, which agents. `settle` reads the final state
 * in the same transaction (so a push says what was committed, not what was
 * half-done), and the function it returns pushes it after the commit.
 */
export class Effects {
  private readonly tickets = new Set<number>();
  private readonly messages: { ticketId: number; stored: StoredMessage }[] = [];
  private readonly assigned: { userId: number; ticketId: number }[] = [];
  private readonly chatStates = new Set<number>();
  private readonly agents = new Set<number>();
  private cannedChanged = false;
  private settingsValue: TicketSettings | null = null;
  /** Run after the pushes: cache invalidations and timers of the tickets service. */
  private readonly hooks: (() => void)[] = [];

  constructor(readonly orgId: number) {}

  changed(ticketId: number): void {
    this.tickets.add(ticketId);
  }

  message(ticketId: number, stored: StoredMessage): void {
    this.messages.push({ ticketId, stored });
    this.tickets.add(ticketId);
  }

  assignedTo(userId: number, ticketId: number): void {
    this.assigned.push({ userId, ticketId });
    this.tickets.add(ticketId);
    // The customer sees who is on their conversation now.
    this.chatStates.add(ticketId);
  }

  chatState(ticketId: number): void {
    this.chatStates.add(ticketId);
  }

  agent(userId: number): void {
    this.agents.add(userId);
  }

  canned(): void {
    this.cannedChanged = true;
  }

  settings(settings: TicketSettings): void {
    this.settingsValue = settings;
  }

  afterCommit(hook: () => void): void {
    this.hooks.push(hook);
  }

  /** Summaries as they stand in this transaction, for the command's own answer. */
  async summary(db: Kysely<Database>, ticketId: number): Promise<TicketSummary | null> {
    return (await loadSummaries(db, this.orgId, [ticketId]))[0] ?? null;
  }

  async settle(db: Kysely<Database>, pushes: TicketPushes): Promise<() => void> {
    const orgId = this.orgId;
    const summaries = await loadSummaries(db, orgId, [...this.tickets]);
    const byId = new Map(summaries.map((s) => [s.id, s]));
    const states: { ticketId: number; state: ChatState }[] = [];
    for (const ticketId of this.chatStates) {
      const state = await loadChatState(db, orgId, ticketId);
      if (state) states.push({ ticketId, state });
    }
    const agents: Agent[] = [];
    for (const userId of this.agents) {
      const agent = await loadAgent(db, orgId, userId);
      if (agent) agents.push(agent);
    }
    const messages = this.messages.splice(0);
    const assigned = this.assigned.splice(0);
    const cannedChanged = this.cannedChanged;
    const settings = this.settingsValue;
    const hooks = this.hooks.splice(0);
    return () => {
      const ticketsRoom = rooms.tickets(orgId);
      for (const { ticketId, stored } of messages) {
        pushes.batcher.add(
          ticketsRoom,
          'tickets.messages',
          { ticketId, message: stored.message },
          String(ticketId),
        );
        if (stored.publicSeq !== null) {
          pushes.batcher.add(
            rooms.chat(orgId, ticketId),
            'chat.messages',
            toChatMessage(stored.message, stored.publicSeq),
          );
        }
      }
      for (const summary of summaries) pushes.batcher.add(ticketsRoom, 'tickets.changed', summary);
      for (const { userId, ticketId } of assigned) {
        const ticket = byId.get(ticketId);
        // Only if it is still theirs once the whole write is done (a plan may move it on again).
        if (ticket?.assignee?.id === userId)
          pushes.io.to(rooms.user(userId)).emit('tickets.assigned', { ticket });
      }
      for (const { ticketId, state } of states) {
        const room = rooms.chat(orgId, ticketId);
        pushes.io.of(namespaceOfRoom(room)).to(room).emit('chat.state', state);
      }
      for (const agent of agents) pushes.io.to(ticketsRoom).emit('agents.changed', { agent });
      if (cannedChanged) pushes.io.to(ticketsRoom).emit('canned.changed', {});
      if (settings) pushes.io.to(ticketsRoom).emit('tickets.settingsChanged', settings);
      for (const hook of hooks) hook();
    };
  }
}
