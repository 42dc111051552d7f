import { z } from 'zod';
import { chatMessageSchema, chatStartRequest, type ChatMessage } from '../../../shared/protocol/chat';
import { attachmentSchema, type Attachment } from '../../../shared/protocol/tickets';

/**
 * What the customer's browser keeps for one shop: the conversation's token,
 * a start that has not been answered yet, and every message or rating not
 * yet acknowledged, each under the UUIDv7 it was first sent with. It is
 * written BEFORE anything is sent, so a reload, a crash or a lost network
 * loses nothing; the hub applies each id once, so resending never doubles.
 *
 * No DOM here: the storage is handed in (localStorage in the page, a Map in tests).
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const refusalSchema = z.object({ code: z.string(), message: z.string() });

const pendingSendSchema = z.object({
  kind: z.literal('send'),
  id: z.string(),
  body: z.string(),
  attachment: attachmentSchema.nullable(),
  createdAt: z.number(),
  /** Set when the hub refused it for good: shown as "not sent", never dropped silently. */
  refused: refusalSchema.nullable(),
});
const pendingRateSchema = z.object({
  kind: z.literal('rate'),
  id: z.string(),
  score: z.number().int().min(1).max(5),
  comment: z.string(),
  createdAt: z.number(),
  refused: refusalSchema.nullable(),
});
export const pendingSchema = z.discriminatedUnion('kind', [pendingSendSchema, pendingRateSchema]);
export type Pending = z.infer<typeof pendingSchema>;
export type PendingSend = z.infer<typeof pendingSendSchema>;
export type Refusal = z.infer<typeof refusalSchema>;

export const keptSchema = z.object({
  version: z.literal(1),
  token: z.string().nullable(),
  ticketNumber: z.number().nullable(),
  /** A `POST /api/chat/start` not answered yet: sent again, under the same id, until it is. */
  start: chatStartRequest.nullable(),
  outbox: z.array(pendingSchema),
  /** The conversation as last seen, so a reload shows it at once, before the hub answers. */
  messages: z.array(chatMessageSchema),
});
export type Kept = z.infer<typeof keptSchema>;

export const emptyKept = (): Kept => ({
  version: 1,
  token: null,
  ticketNumber: null,
  start: null,
  outbox: [],
  messages: [],
});

/** Messages kept for the first paint after a reload; the hub's history fills the rest. */
export const keptMessages = 100;

/** One key per shop: a customer of two shops on one hub has two conversations. */
export function storageKey(org: number | null): string {
  return `wings.chat.v1.${org ?? 'default'}`;
}

export function loadKept(store: KeyValueStore, key: string): Kept {
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return emptyKept();
  }
  if (raw === null) return emptyKept();
  try {
    const parsed = keptSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : emptyKept();
  } catch {
    return emptyKept();
  }
}

/** False when the browser would not keep it (private mode, a full quota): the page says so. */
export function saveKept(store: KeyValueStore, key: string, kept: Kept): boolean {
  try {
    store.setItem(key, JSON.stringify({ ...kept, messages: kept.messages.slice(-keptMessages) }));
    return true;
  } catch {
    return false;
  }
}

/** Both lists merged by seq, ascending, each seq once; a later copy of a seq wins (it is the hub's newest word). */
export function mergeBySeq(known: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const bySeq = new Map<number, ChatMessage>();
  for (const m of known) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The command ids the hub has already stored, as the customer's own messages carry them. */
export function deliveredIds(messages: readonly ChatMessage[]): Set<string> {
  const ids = new Set<string>();
  for (const m of messages) if (m.commandId !== null) ids.add(m.commandId);
  return ids;
}

/**
 * The outbox without what the hub has already stored: a message whose answer
 * was lost (the network went as it was acked) comes back in the history or a
 * push under its command id, and is then done, not sent or shown again.
 */
export function settle(outbox: readonly Pending[], messages: readonly ChatMessage[]): Pending[] {
  const delivered = deliveredIds(messages);
  return outbox.filter((p) => p.kind !== 'send' || !delivered.has(p.id));
}

/** The first entry still to send, in the order written; refused ones wait for the customer. */
export function nextToSend(outbox: readonly Pending[]): Pending | null {
  return outbox.find((p) => p.refused === null) ?? null;
}

/** Whether `seq`s from the hub leave a hole after what is known, so the page must ask for it. */
export function hasGap(known: readonly ChatMessage[], incoming: readonly ChatMessage[]): boolean {
  const last = known.at(-1)?.seq ?? 0;
  const first = Math.min(...incoming.map((m) => m.seq));
  return Number.isFinite(first) && first > last + 1;
}

/** One line of the conversation as the page shows it: stored by the hub, or still on its way. */
export type Line =
  | { kind: 'stored'; key: string; message: ChatMessage }
  | { kind: 'pending'; key: string; pending: PendingSend };

/**
 * The conversation to show: the hub's messages by seq, then the customer's
 * messages still on their way, in the order written. A pending copy whose id
 * the hub already has is not shown, so a message never appears twice, even
 * in the moment between its push and its ack.
 */
export function linesOf(messages: readonly ChatMessage[], outbox: readonly Pending[]): Line[] {
  const delivered = deliveredIds(messages);
  const lines: Line[] = messages.map((m) => ({ kind: 'stored', key: `s${m.seq}`, message: m }));
  for (const p of outbox) {
    if (p.kind === 'send' && !delivered.has(p.id))
      lines.push({ kind: 'pending', key: `p${p.id}`, pending: p });
  }
  return lines;
}

export function newPendingSend(
  id: string,
  body: string,
  attachment: Attachment | null,
  now: number,
): PendingSend {
  return { kind: 'send', id, body, attachment, createdAt: now, refused: null };
}
