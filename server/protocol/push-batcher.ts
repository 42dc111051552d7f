import type { ChatMessage } from '../../shared/protocol/chat';
import type { HubPushName, HubPushPayload } from '../../shared/protocol/events';
import { maxStreamPage } from '../../shared/protocol/stream';
import type { LiveComment, LiveOrder } from '../../shared/protocol/live';
import type { TeamMessage } from '../../shared/protocol/team';
import type { TicketMessage, TicketSummary } from '../../shared/protocol/tickets';
import { namespaceOfRoom } from './rooms';
import type { HubServer } from './socket-types';

/** A conversation's message, with the ticket it belongs to: its push names the ticket once. */
export interface TicketMessageItem {
  ticketId: number;
  message: TicketMessage;
}

/**
 * Durable streams whose items are pushed in batches, and how a batch becomes
 * the push's payload. A job with a stream (a conversation's messages, a live
 * room's comments) adds its line here. Items of one batch share its room and
 * its `stream` key (`add`), so a builder may read what they share from any one.
 */
const builders = {
  'team.messages': (items: TeamMessage[]): HubPushPayload<'team.messages'> => ({
    stream: 'team',
    messages: items,
  }),
  'tickets.messages': (items: TicketMessageItem[]): HubPushPayload<'tickets.messages'> => ({
    ticketId: items[0]?.ticketId ?? 0,
    messages: items.map((i) => i.message),
  }),
  'chat.messages': (items: ChatMessage[]): HubPushPayload<'chat.messages'> => ({ messages: items }),
  'tickets.changed': (items: TicketSummary[]): HubPushPayload<'tickets.changed'> => ({ tickets: items }),
  'live.comments': (items: LiveComment[]): HubPushPayload<'live.comments'> => ({ comments: items }),
  'view.comments': (items: LiveComment[]): HubPushPayload<'view.comments'> => ({ comments: items }),
  'live.orders': (items: LiveOrder[]): HubPushPayload<'live.orders'> => ({ orders: items }),
} satisfies { [N in HubPushName]?: (items: never[]) => HubPushPayload<N> };

type BatchedName = keyof typeof builders;
type ItemOf<N extends BatchedName> = Parameters<(typeof builders)[N]>[0][number];

/**
 * Pushes whose items replace an earlier one of the same identity within a
 * batch: a ticket changed three times in one turn is pushed once, as it is now.
 */
const identities: { [N in BatchedName]?: (item: ItemOf<N>) => string } = {
  'tickets.changed': (ticket) => String(ticket.id),
};

interface Batch {
  room: string;
  name: BatchedName;
  items: unknown[];
  /** Index into `items` by identity, for pushes that replace rather than append. */
  byIdentity: Map<string, number> | null;
}

/**
 * Group commit acks a whole batch of commands at once; pushing each new item
 * to every socket of its room one by one would then cost rooms × items
 * packets and was most of a post's latency at 100 listeners. Items queued
 * for one room in one turn of the event loop go out as one push instead,
 * in the order they were committed (so seqs stay ascending within it).
 */
export class PushBatcher {
  private readonly queued = new Map<string, Batch>();
  private scheduled = false;

  constructor(private readonly io: HubServer) {}

  /**
   * `stream` splits one room's items into separate pushes: a room hears
   * every conversation of its organisation, and each push names one.
   */
  add<N extends BatchedName>(room: string, name: N, item: ItemOf<N>, stream = ''): void {
    const key = `${name}\u0000${room}\u0000${stream}`;
    let entry = this.queued.get(key);
    if (!entry) {
      entry = { room, name, items: [], byIdentity: identities[name] ? new Map() : null };
      this.queued.set(key, entry);
    }
    const identity = (identities[name] as ((item: ItemOf<N>) => string) | undefined)?.(item);
    const earlier = identity === undefined ? undefined : entry.byIdentity?.get(identity);
    if (earlier !== undefined) entry.items[earlier] = item;
    else {
      if (identity !== undefined) entry.byIdentity?.set(identity, entry.items.length);
      entry.items.push(item);
    }
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batches = [...this.queued.values()];
    this.queued.clear();
    for (const { room, name, items } of batches) {
      const build = builders[name] as (items: unknown[]) => HubPushPayload<BatchedName>;
      for (let i = 0; i < items.length; i += maxStreamPage) {
        const payload = build(items.slice(i, i + maxStreamPage));
        const target = this.io.of(namespaceOfRoom(room)).to(room) as unknown as {
          emit(event: string, payload: unknown): boolean;
        };
        target.emit(name, payload);
      }
    }
  }
}
