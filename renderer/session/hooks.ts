import { useCallback, useSyncExternalStore } from 'react';
import type { OutboxList } from '../../shared/bridge';
import type { SessionUser } from '../../shared/protocol';
import type { ConnectionState } from '../net/hub-connection';
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
