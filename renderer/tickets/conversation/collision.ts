import type { TicketMessage } from '../../../shared/protocol';

/**
 * What makes a reply talk past the conversation: messages written after
 * `seenSeq` by the customer or a colleague (notes included), never the
 * agent's own and never the hub's event lines. The same rule as the hub's
 * `changed` refusal, so the pane can block before sending what the hub
 * would refuse anyway.
 */
export function writtenSince(
  messages: readonly TicketMessage[],
  seenSeq: number,
  myId: number,
): TicketMessage[] {
  return messages.filter(
    (m) => m.seq > seenSeq && m.kind !== 'event' && !(m.author.kind === 'agent' && m.author.id === myId),
  );
}
