import { ownerKey, type WingsBridge } from '../../shared/bridge';
import { HubConnection } from './hub-connection';
import { clearHubSession, rememberUser, type StoredSession } from './session-storage';

/** Opens the hub connection for a stored sign-in and keeps sessionStorage in step with it. */
export function startSession(bridge: WingsBridge, session: StoredSession): HubConnection {
  return new HubConnection({
    hubUrl: session.hubUrl,
    token: session.token,
    owner: ownerKey(session.hubUrl, session.userId),
    expiresAt: session.expiresAt,
    user: session.user,
    bridge,
    onUser: rememberUser,
    onEnded: clearHubSession,
  });
}

export function endSession(connection: HubConnection): void {
  connection.close();
  clearHubSession();
}
