import { createContext, useContext, type ReactNode } from 'react';
import type { HostServices } from './host-services';

/**
 * The renderer's view of the workstation host. It sits below app, a11y and
 * the workspaces, and imports none of them (eslint.config.js).
 */
const HostContext = createContext<HostServices | null>(null);

export function HostProvider({ host, children }: { host: HostServices; children: ReactNode }) {
  return <HostContext value={host}>{children}</HostContext>;
}

export function useHost(): HostServices {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost outside HostProvider');
  return host;
}
