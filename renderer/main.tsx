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
import { BridgeProvider } from './host/BridgeProvider';
import { createBridge } from './net/bridge';
import { startSession } from './net/session';
import { readHubSession } from './net/session-storage';
import './app/styles/global.css';

async function boot(): Promise<void> {
  const bridge: WingsBridge = createBridge();
  const [settingsAck, infoAck] = await Promise.all([
    bridge.call('settings.get', {}),
    bridge.call('host.info', {}),
  ]);
  const settings = settingsAck.ok ? settingsAck.data : null;
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

  if (!infoAck.ok) {
    root.render(
      <I18nextProvider i18n={i18n}>
        <BootError />
      </I18nextProvider>,
    );
    return;
  }

  const stored = readHubSession();
  // A session from another hub (settings changed since) is of no use here.
  const connection = stored && stored.hubUrl === infoAck.data.hubUrl ? startSession(bridge, stored) : null;

  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <BridgeProvider bridge={bridge} hostInfo={infoAck.data}>
          <ProfileProvider initial={profile}>
            <AlertsProvider>
              <KeyboardAccess>
                <ScanProvider>
                  <App initialConnection={connection} />
                </ScanProvider>
              </KeyboardAccess>
            </AlertsProvider>
          </ProfileProvider>
        </BridgeProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
