import { useCallback, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubConnection } from '../net/hub-connection';
import { endSession, startSession } from '../net/session';
import { writeHubSession, type StoredSession } from '../net/session-storage';
import { useBridge } from './providers/BridgeProvider';
import { HubProvider } from './providers/HubProvider';
import { Shell } from './shell/Shell';
import { SignIn } from './sign-in/SignIn';

const noSubscribe = () => () => undefined;

export interface AppProps {
  /** Opened at boot from a sign-in kept in sessionStorage, so a reload stays signed in. */
  initialConnection: HubConnection | null;
}

export function App({ initialConnection }: AppProps) {
  const { t } = useTranslation('auth');
  const { bridge } = useBridge();
  const [connection, setConnection] = useState(initialConnection);
  const [freshSignIn, setFreshSignIn] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const ended = useSyncExternalStore(connection?.subscribe ?? noSubscribe, () => connection?.ended ?? null);

  const signIn = useCallback(
    (session: StoredSession) => {
      writeHubSession(session);
      setFreshSignIn(true);
      setConnection(startSession(bridge, session));
    },
    [bridge],
  );

  const signOut = useCallback(() => {
    if (connection) endSession(connection);
    setFreshSignIn(false);
    setSignedOut(true);
    setConnection(null);
  }, [connection]);

  if (!connection || ended) {
    return (
      <SignIn
        onSignedIn={signIn}
        notice={ended ? t('sessionExpired') : null}
        focusOnMount={signedOut || ended !== null}
      />
    );
  }
  return (
    <HubProvider connection={connection}>
      <Shell onSignOut={signOut} focusOnStart={freshSignIn} />
    </HubProvider>
  );
}
