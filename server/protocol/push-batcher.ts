import type { PushName, PushPayload } from '../../shared/protocol/events';
import { maxStreamPage } from '../../shared/protocol/stream';
import type { TeamMessage } from '../../shared/protocol/team';
import type { HubServer } from './socket-types';

/**
 * Durable streams whose items are pushed in batches, and how a batch becomes
 * the push's payload. A job with a stream (a conversation's messages, a live
 * room's comments) adds its line here.
 */
const builders = {
  'team.messages': (items: TeamMessage[]): PushPayload<'team.messages'> => ({
    stream: 'team',
    messages: items,
  }),
} satisfies { [N in PushName]?: (items: never[]) => PushPayload<N> };

type BatchedName = keyof typeof builders;
type ItemOf<N extends BatchedName> = Parameters<(typeof builders)[N]>[0][number];

/**
 * Group commit acks a whole batch of commands at once; pushing each new item
 * to every socket of its room one by one would then cost rooms × items
 * packets and was most of a post's latency at 100 listeners. Items queued
 * for one room in one turn of the event loop go out as one push instead,
 * in the order they were committed (so seqs stay ascending within it).
 */
export class PushBatcher {
  private readonly queued = new Map<string, { room: string; name: BatchedName; items: unknown[] }>();
  private scheduled = false;

  constructor(private readonly io: HubServer) {}

  add<N extends BatchedName>(room: string, name: N, item: ItemOf<N>): void {
    const key = `${name}\u0000${room}`;
    const entry = this.queued.get(key);
    if (entry) entry.items.push(item);
    else this.queued.set(key, { room, name, items: [item] });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batches = [...this.queued.values()];
    this.queued.clear();
    for (const { room, name, items } of batches) {
      for (let i = 0; i < items.length; i += maxStreamPage) {
        const payload = builders[name](items.slice(i, i + maxStreamPage) as TeamMessage[]);
        this.io.to(room).emit(name, payload);
      }
    }
  }
}
