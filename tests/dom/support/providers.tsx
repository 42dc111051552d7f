import { useState, type ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { a11yProfileSchema } from '../../../shared/bridge';
import { createI18n, type Language } from '../../../shared/i18n';
import { AlertsProvider } from '../../../renderer/a11y/alerts/AlertsProvider';
import { ActionsProvider } from '../../../renderer/a11y/keyboard/actions';
import { ProfileProvider } from '../../../renderer/a11y/profile/ProfileProvider';
import { HostServices } from '../../../renderer/host/host-services';
import { HostProvider } from '../../../renderer/host/HostProvider';
import { SessionProvider } from '../../../renderer/session/SessionProvider';
import type { Session } from '../../../renderer/session/session';
import type { Workstation } from '../../support/workstation';

const made: Partial<Record<Language, ReturnType<typeof createI18n>>> = {};

/** One i18next instance per language for the whole test file, as the app makes one per page. */
export function i18nFor(language: Language): ReturnType<typeof createI18n> {
  return (made[language] ??= createI18n(language, [initReactI18next]));
}

/** The app's providers around `children`, over a real workstation and, signed in, its session. */
export function AppProviders({
  ws,
  session,
  language = 'en',
  children,
}: {
  ws: Workstation;
  session?: Session;
  language?: Language;
  children: ReactNode;
}) {
  const i18n = i18nFor(language);
  const [host] = useState(
    () =>
      new HostServices(ws.bridge, {
        hubUrl: ws.hub.hub.url,
        embeddedHub: true,
        transport: 'electron',
        version: 'test',
        demoPassword: 'wings-demo',
      }),
  );
  const inner = session ? <SessionProvider session={session}>{children}</SessionProvider> : children;
  return (
    <I18nextProvider i18n={i18n}>
      <HostProvider host={host}>
        <ProfileProvider initial={a11yProfileSchema.parse({})}>
          <AlertsProvider>
            <ActionsProvider>{inner}</ActionsProvider>
          </AlertsProvider>
        </ProfileProvider>
      </HostProvider>
    </I18nextProvider>
  );
}
