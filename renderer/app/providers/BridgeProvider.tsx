import { createContext, useContext, type ReactNode } from 'react';
import type { A11yProfile, ChannelOutput, WingsBridge } from '../../../shared/bridge';

export type HostInfo = ChannelOutput<'host.info'>;

interface BridgeContextValue {
  bridge: WingsBridge;
  hostInfo: HostInfo;
  /** The accessibility profile as the host had it at start-up. */
  profile: A11yProfile;
}

const BridgeContext = createContext<BridgeContextValue | null>(null);

export function BridgeProvider({
  bridge,
  hostInfo,
  profile,
  children,
}: BridgeContextValue & { children: ReactNode }) {
  return <BridgeContext value={{ bridge, hostInfo, profile }}>{children}</BridgeContext>;
}

export function useBridge(): BridgeContextValue {
  const value = useContext(BridgeContext);
  if (!value) throw new Error('useBridge outside BridgeProvider');
  return value;
}
