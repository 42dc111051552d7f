import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { OutboxEntry } from '../../../shared/bridge';
import type { SessionUser } from '../../../shared/protocol';
import type { ConnectionState, HubConnection } from '../../net/hub-connection';

const HubContext = createContext<HubConnection | null>(null);

export function HubProvider({ connection, children }: { connection: HubConnection; children: ReactNode }) {
  return <HubContext value={connection}>{children}</HubContext>;
}

export function useHub(): HubConnection {
  const connection = useContext(HubContext);
  if (!connection) throw new Error('useHub outside HubProvider');
  return connection;
}

export function useConnectionState(): ConnectionState {
  const hub = useHub();
  return useSyncExternalStore(hub.subscribe, () => hub.state);
}

export function useSessionUser(): SessionUser | null {
  const hub = useHub();
  return useSyncExternalStore(hub.subscribe, () => hub.user);
}

export function usePendingOutbox(): readonly OutboxEntry[] {
  const hub = useHub();
  return useSyncExternalStore(hub.subscribe, () => hub.pending);
}
