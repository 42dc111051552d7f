import { openHostDb } from '../../electron/host/host-db';
import { createOutboxStore } from '../../electron/host/outbox-store';
import type { OutboxStorage } from '../../shared/domain/outbox';

/** The workstation host's own on-disk outbox, seen as one owner's queue, as the renderer sees it. */
export function openHostOutbox(dataDir: string, owner: string): OutboxStorage & { close(): void } {
  const db = openHostDb({ dataDir });
  const store = createOutboxStore(db);
  return {
    put: async (entry) => store.put(entry),
    list: async () => store.list(owner),
    markAttempted: async (id) => store.markAttempted(id),
    remove: async (id) => store.remove(id),
    close: () => db.close(),
  };
}
