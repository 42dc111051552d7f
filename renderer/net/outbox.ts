import type { WingsBridge } from '../../shared/bridge';
import type { OutboxStorage } from '../../shared/domain/outbox';
import { callOrThrow } from './bridge';

/** The outbox lives on the host's disk, so a crash or a closed window loses nothing typed. */
export function bridgeOutboxStorage(bridge: WingsBridge, owner: string): OutboxStorage {
  return {
    async put(entry) {
      await callOrThrow(bridge, 'outbox.put', entry);
    },
    async list() {
      return (await callOrThrow(bridge, 'outbox.list', { owner })).entries;
    },
    async markAttempted(id) {
      await callOrThrow(bridge, 'outbox.attempted', { id });
    },
    async remove(id) {
      await callOrThrow(bridge, 'outbox.remove', { id });
    },
  };
}
