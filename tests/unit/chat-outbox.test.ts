import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/protocol/chat';
import {
  emptyKept,
  hasGap,
  keptMessages,
  linesOf,
  loadKept,
  mergeBySeq,
  newPendingSend,
  nextToSend,
  saveKept,
  settle,
  storageKey,
  type KeyValueStore,
  type Pending,
} from '../../server/web/chat/chat-outbox';

const ids = {
  a: '019ad1c0-0000-7000-8000-00000000000a',
  b: '019ad1c0-0000-7000-8000-00000000000b',
  c: '019ad1c0-0000-7000-8000-00000000000c',
};

function message(seq: number, patch: Partial<ChatMessage> = {}): ChatMessage {
  return {
    seq,
    commandId: null,
    author: 'agent',
    name: '韦秀兰',
    body: `line ${seq}`,
    event: null,
    attachment: null,
    createdAt: 1_764_000_000_000 + seq,
    ...patch,
  };
}

const mine = (seq: number, id: string, body = `mine ${seq}`) =>
  message(seq, { author: 'customer', name: '黄伟', commandId: id, body });

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('chat outbox: merging', () => {
  it('merges by seq, ascending, each seq once, the later copy winning', () => {
    const known = [message(1), message(2), message(4)];
    const merged = mergeBySeq(known, [message(3), message(2, { body: 'edited by the hub' }), message(5)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(merged[1]?.body).toBe('edited by the hub');
    // The inputs are left as they were.
    expect(known.map((m) => m.seq)).toEqual([1, 2, 4]);
  });

  it('sees a gap only when the incoming messages start past the next seq', () => {
    const known = [message(1), message(2)];
    expect(hasGap(known, [message(3)])).toBe(false);
    expect(hasGap(known, [message(2), message(3)])).toBe(false);
    expect(hasGap(known, [message(4)])).toBe(true);
    expect(hasGap([], [message(1)])).toBe(false);
    expect(hasGap([], [message(2)])).toBe(true);
    expect(hasGap(known, [])).toBe(false);
  });
});

describe('chat outbox: nothing lost, nothing doubled', () => {
  const outbox: Pending[] = [
    newPendingSend(ids.a, '金桔有三个坏了', null, 1),
    newPendingSend(ids.b, '我拍了照片', null, 2),
    { kind: 'rate', id: ids.c, score: 5, comment: '', createdAt: 3, refused: null },
  ];

  it('settles an entry the hub shows stored under its id, even when its ack was lost', () => {
    const history = [message(1), mine(2, ids.a, '金桔有三个坏了')];
    const left = settle(outbox, history);
    expect(left.map((p) => p.id)).toEqual([ids.b, ids.c]);
  });

  it('keeps ratings until they are acknowledged: a rating is no message in the stream', () => {
    const history = [message(1, { author: 'system', commandId: null, event: 'resolved' })];
    expect(settle(outbox, history)).toEqual(outbox);
  });

  it("never settles on an agent's message or a system line, whatever they carry", () => {
    expect(settle(outbox, [message(1), message(2)])).toEqual(outbox);
  });

  it('shows a message once: a pending copy disappears the moment the hub has it', () => {
    const stored = [message(1), mine(2, ids.a, '金桔有三个坏了')];
    const lines = linesOf(stored, outbox);
    expect(lines.map((l) => l.key)).toEqual(['s1', 's2', `p${ids.b}`]);
    // The rating is not a line of the conversation.
    expect(lines.some((l) => l.kind === 'pending' && l.pending.id === ids.c)).toBe(false);
    // Before the hub has it, the same message shows once, as pending.
    expect(linesOf([message(1)], outbox).filter((l) => l.kind === 'pending')).toHaveLength(2);
  });

  it('sends in the order written, skipping what the hub refused for good', () => {
    expect(nextToSend(outbox)?.id).toBe(ids.a);
    const refused = outbox.map((p) =>
      p.id === ids.a ? { ...p, refused: { code: 'invalid_input', message: 'no' } } : p,
    );
    expect(nextToSend(refused)?.id).toBe(ids.b);
    expect(nextToSend([])).toBeNull();
  });
});

describe('chat outbox: kept in the browser', () => {
  it('keeps the token, the start, the outbox and recent messages per shop, and reads them back', () => {
    const store = memoryStore();
    const kept = {
      ...emptyKept(),
      token: 't'.repeat(43),
      ticketNumber: 42,
      outbox: [newPendingSend(ids.a, 'hello', null, 1)],
      messages: Array.from({ length: keptMessages + 20 }, (_, i) => message(i + 1)),
    };
    expect(saveKept(store, storageKey(2), kept)).toBe(true);
    expect(store.data.has('wings.chat.v1.2')).toBe(true);
    expect(loadKept(store, storageKey(null))).toEqual(emptyKept());
    const read = loadKept(store, storageKey(2));
    expect(read.token).toBe(kept.token);
    expect(read.ticketNumber).toBe(42);
    expect(read.outbox).toEqual(kept.outbox);
    // Only the newest messages are kept; the hub's history has the rest.
    expect(read.messages).toHaveLength(keptMessages);
    expect(read.messages.at(-1)?.seq).toBe(keptMessages + 20);
  });

  it('starts empty from what it cannot read, and says when the browser keeps nothing', () => {
    const store = memoryStore();
    store.setItem(storageKey(null), '{not json');
    expect(loadKept(store, storageKey(null))).toEqual(emptyKept());
    store.setItem(storageKey(null), JSON.stringify({ version: 2 }));
    expect(loadKept(store, storageKey(null))).toEqual(emptyKept());
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(saveKept(full, storageKey(null), emptyKept())).toBe(false);
  });
});
