import { useEffect } from 'react';
import { useHost } from '../host/HostProvider';
import type { AuthStore } from '../session/auth-store';
import type { Router } from './router/router';
import { parseRoute } from './router/routes';

/** The view's heading (or, signed out, the form's first field): where a worker who summoned Wings starts. */
function focusMainHeading(): void {
  const target =
    document.querySelector<HTMLElement>('main h1[tabindex]') ??
    document.querySelector<HTMLElement>('main input, main button');
  target?.focus();
}

/**
 * What the host tells the page on its own: a clicked notification opens
 * where it points, the global "focus Wings" key puts focus on the view's
 * heading, waking up nudges the hub link to reconnect now. Display changes
 * need nothing visible (layouts are fluid); they are only logged.
 */
export function useHostEvents(router: Router, auth: AuthStore): void {
  const host = useHost();
  useEffect(() => {
    const stops = [
      host.listen('notification.clicked', ({ route }) => {
        const target = parseRoute(route);
        if (target && auth.session) router.navigate(target);
      }),
      host.listen('shortcut.global', ({ id }) => {
        if (id === 'focus-wings') focusMainHeading();
      }),
      host.listen('power.changed', ({ state }) => {
        if (state === 'resume' || state === 'unlock-screen') auth.session?.hub.nudge();
      }),
      host.listen('display.changed', (displays) => console.debug('Wings: displays changed', displays)),
    ];
    return () => stops.forEach((stop) => stop());
  }, [host, router, auth]);
}
