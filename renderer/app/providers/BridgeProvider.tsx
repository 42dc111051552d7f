import { createContext, useContext, type ReactNode } from 'react';
import type { ChannelOutput, WingsBridge } from '../../../shared/bridge';

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
