import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlerts } from '../a11y/alerts/AlertsProvider';
import type { HubCheck } from '../net/hub-check';
import { alwaysHosted, type HostStatus } from '../net/host-status';
import type { AuthStore } from '../session/auth-store';
import { SessionProvider } from '../session/SessionProvider';
import { useHostEvents } from './host-events';
import { Router } from './router/router';
import { RouterProvider } from './router/RouterProvider';
import { Shell } from './shell/Shell';
import { SignIn } from './sign-in/SignIn';

export interface AppProps {
  /** Who is signed in, as the host says; started at boot, before the first paint. */
  auth: AuthStore;
  /** Who the hub is, asked before sign-in (the `/public` audience). */
  hubCheck: HubCheck;
  /** Web mode: whether the host is reachable (the sign-in screen says so too). */
  hostStatus?: HostStatus;
}

export function App({ auth, hubCheck, hostStatus = alwaysHosted }: AppProps) {
  const { t } = useTranslation(['auth', 'common']);
  // One per page, made before sign-in, so the address a worker opened is where they land after it.
  const [router] = useState(() => new Router(window));
  useEffect(() => router.start(), [router]);
  const state = useSyncExternalStore(auth.subscribe, () => auth.state);
  useHostEvents(router, auth);
  const { clear: clearAlerts } = useAlerts();
  const sessionId = state.phase === 'signedIn' ? state.session.id : null;
  // A session's alerts (a colleague's note, the not-sent count) leave with it: on a shared PC the
  // sign-in screen, or the next worker's shell, shows nothing of the last worker's.
  useEffect(() => () => clearAlerts(), [sessionId, clearAlerts]);

  if (state.phase === 'checking') {
    return (
      <main className="shell__loading" id="main-content">
        <p role="status">{t('common:loading')}</p>
      </main>
    );
  }
  if (state.phase === 'signedOut') {
    const notice =
      state.notice === 'expired'
        ? t('sessionExpired')
        : state.notice === 'signedOutElsewhere'
          ? t('signedOutElsewhere')
          : state.notice === 'hostRestarted'
            ? t('hostRestarted')
            : null;
    return (
      <SignIn
        auth={auth}
        hubCheck={hubCheck}
        notice={notice}
        hostStatus={hostStatus}
        // The first field has focus from the start: the worker's next step, and where scanning begins.
        focusOnMount
      />
    );
  }
  return (
    <RouterProvider router={router}>
      <SessionProvider session={state.session}>
        {/* A new session is a new shell: nothing of the last worker's screen stays. */}
        <Shell key={state.session.id} onSignOut={() => void auth.signOut()} focusOnStart={state.fresh} />
      </SessionProvider>
    </RouterProvider>
  );
}
