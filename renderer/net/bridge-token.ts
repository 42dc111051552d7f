/**
 * The web-mode bridge's per-launch token lives in sessionStorage, never
 * localStorage: it dies with the tab, a reload keeps working, and another
 * user of the same PC does not inherit it. Hub sessions are not kept here:
 * the host holds the signed-in worker (see shared/bridge/session.ts).
 */
const bridgeTokenKey = 'wings.bridgeToken';

export function readBridgeToken(): string | null {
  return sessionStorage.getItem(bridgeTokenKey);
}

export function writeBridgeToken(token: string): void {
  sessionStorage.setItem(bridgeTokenKey, token);
}
