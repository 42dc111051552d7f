import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { a11yProfileSchema, type WingsBridge } from '../shared/bridge';
import { applyProfileToDocument } from './a11y/profile/apply-profile';
import { ProfileProvider } from './a11y/profile/ProfileProvider';
import { AlertsProvider } from './a11y/alerts/AlertsProvider';
import { KeyboardAccess } from './a11y/keyboard/KeyboardAccess';
import { ScanProvider } from './a11y/scan/ScanProvider';
import { createI18n, pickLanguage } from '../shared/i18n';
import { App } from './app/App';
import { BootError } from './app/BootError';
import { bootHost, HostServices } from './host/host-services';
import { HostProvider } from './host/HostProvider';
import { createBridge } from './net/bridge';
import { browserNetwork } from './net/browser-network';
import { HubCheck } from './net/hub-check';
import { AuthStore } from './session/auth-store';
import { Session } from './session/session';
import './app/styles/global.css';

async function boot(): Promise<void> {
  const bridge: WingsBridge = createBridge();
  const { info, settings } = await bootHost(bridge);
  const profile = settings?.a11y ?? a11yProfileSchema.parse({});
  applyProfileToDocument(document.documentElement, profile);

  const language = pickLanguage({
    query: new URLSearchParams(window.location.search).get('lng'),
    saved: settings?.language ?? null,
    preferred: navigator.languages,
  });
  const i18n = createI18n(language, [initReactI18next]);
  const syncDocumentLanguage = (lng: string) => {
    document.documentElement.lang = lng;
  };
  syncDocumentLanguage(language);
  i18n.on('languageChanged', syncDocumentLanguage);

  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root');
  const root = createRoot(rootElement);

  if (!info.ok) {
    root.render(
      <I18nextProvider i18n={i18n}>
        <BootError />
      </I18nextProvider>,
    );
    return;
  }

  // Who is signed in is the host's to say: a reload reopens the shell without signing in again.
  const network = browserNetwork();
  const auth = new AuthStore(bridge, (b, host) => new Session({ bridge: b, host, network }));
  void auth.start();

  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <HostProvider host={new HostServices(bridge, info.data)}>
          <ProfileProvider initial={profile}>
            <AlertsProvider>
              <KeyboardAccess>
                <ScanProvider>
                  <App auth={auth} hubCheck={new HubCheck(info.data.hubUrl)} />
                </ScanProvider>
              </KeyboardAccess>
            </AlertsProvider>
          </ProfileProvider>
        </HostProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
