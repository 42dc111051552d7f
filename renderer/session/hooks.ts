import { useCallback, useSyncExternalStore } from 'react';
import type { OutboxList } from '../../shared/bridge';
import type { SessionUser } from '../../shared/protocol';
import { connectionNotice, type ConnectionNotice } from '../../shared/domain/connection-notice';
import type { ConnectionState } from '../net/hub-connection';
import type { HostStatus } from '../net/host-status';
import type { DraftSnapshot } from './draft-store';
import type { SessionStore } from './session';
import { useSession } from './SessionProvider';

/** A feature's store of this session: the same object for every component, for as long as the session. */
export function useSessionStore<T>(definition: SessionStore<T>): T {
  return useSession().store(definition);
}

export function useSessionUser(): SessionUser {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, () => session.user);
}

export function useConnectionState(): ConnectionState {
  const { hub } = useSession();
  return useSyncExternalStore(hub.subscribe, () => hub.state);
}

/** What the connection pill says: the hub's link, the host's, and whether work is being kept. */
export function useConnectionNotice(): ConnectionNotice {
  const { hostStatus } = useSession();
  const state = useConnectionState();
  const status = useHostStatusSnapshot(hostStatus);
  return connectionNotice({
    hub: state,
    link: status.link,
    buffer: status.buffer,
    lastSave: status.lastSave,
  });
}

function useHostStatusSnapshot(
  status: HostStatus,
): Pick<HostStatus, 'link' | 'refusal' | 'buffer' | 'lastSave'> {
  // One string per distinct status, so React sees a stable snapshot between changes.
  const key = useSyncExternalStore(
    status.subscribe,
    () => `${status.link}|${status.refusal ?? ''}|${status.buffer}|${status.lastSave ?? ''}`,
  );
  const [link, refusal, buffer, lastSave] = key.split('|') as [
    HostStatus['link'],
    string,
    HostStatus['buffer'],
    string,
  ];
  return {
    link,
    refusal: (refusal || null) as HostStatus['refusal'],
    buffer,
    lastSave: (lastSave || null) as HostStatus['lastSave'],
  };
}

/** What waits in the outbox and what was not sent. */
export function useOutboxList(): OutboxList {
  const { outbox } = useSession();
  return useSyncExternalStore(outbox.subscribe, () => outbox.list);
}

/** A composer's draft, kept by the session: [its text and whether the saved copy is read, set]. */
export function useDraft(key: string): [DraftSnapshot, (text: string) => void] {
  const draft = useSession().drafts.get(key);
  const snapshot = useSyncExternalStore(draft.subscribe, () => draft.snapshot);
  const set = useCallback((text: string) => draft.set(text), [draft]);
  return [snapshot, set];
}
