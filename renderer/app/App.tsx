import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubConnection } from '../net/hub-connection';
import { endSession, startSession } from '../net/session';
import { writeHubSession, type StoredSession } from '../net/session-storage';
import { useBridge } from '../host/BridgeProvider';
import { HubProvider } from './providers/HubProvider';
import { Router } from './router/router';
import { RouterProvider } from './router/RouterProvider';
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
  // One per page, made before sign-in, so the address a worker opened is where they land after it.
  const [router] = useState(() => new Router(window));
  useEffect(() => router.start(), [router]);
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
    <RouterProvider router={router}>
      <HubProvider connection={connection}>
        <Shell onSignOut={signOut} focusOnStart={freshSignIn} />
      </HubProvider>
    </RouterProvider>
  );
}
