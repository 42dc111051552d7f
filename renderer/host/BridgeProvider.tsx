import { createContext, useContext, type ReactNode } from 'react';
import type { ChannelOutput, WingsBridge } from '../../shared/bridge';

/**
 * The renderer's view of the workstation host: the typed bridge and what the
 * host said about itself at boot. Host-side stores (who is signed in, the "not
 * sent" list) belong in this folder too; it sits below app, a11y and the
 * workspaces, and imports none of them (eslint.config.js).
 */

export type HostInfo = ChannelOutput<'host.info'>;

interface BridgeContextValue {
  bridge: WingsBridge;
  hostInfo: HostInfo;
}

const BridgeContext = createContext<BridgeContextValue | null>(null);

export function BridgeProvider({ bridge, hostInfo, children }: BridgeContextValue & { children: ReactNode }) {
  return <BridgeContext value={{ bridge, hostInfo }}>{children}</BridgeContext>;
}

export function useBridge(): BridgeContextValue {
  const value = useContext(BridgeContext);
  if (!value) throw new Error('useBridge outside BridgeProvider');
  return value;
}
