import type { OutboxEntry } from '../../shared/bridge/outbox';
import type { OutboxStorage } from '../../shared/domain/outbox';
import { openHostDb } from '../../electron/host/host-db';
import { createOutboxStore, type QueueInput } from '../../electron/host/outbox-store';

/** The workstation host's own on-disk outbox, seen as one owner's queue, as the renderer sees it. */
export function openHostOutbox(
  dataDir: string,
  owner: string,
): OutboxStorage & { put(input: QueueInput): OutboxEntry; close(): void } {
  const db = openHostDb({ dataDir });
  const store = createOutboxStore(db);
  return {
    put(input) {
      const put = store.put(owner, input, Date.now());
      if (!put.ok) throw new Error(`not queued: ${put.reason.message}`);
      return put.entry;
    },
    list: async () => store.list(owner),
    attempted: async (id) => store.attempted(owner, id),
    delivered: async (id) => {
      store.delivered(owner, id);
    },
    notSent: async (id, reason) => store.notSent(owner, id, reason, Date.now()),
    close: () => db.close(),
  };
}
