import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { a11yProfileSchema, type WingsBridge } from '../shared/bridge';
import { applyProfileToDocument } from './a11y/profile/apply-profile';
import { ProfileProvider } from './a11y/profile/ProfileProvider';
import { AlertsProvider } from './a11y/alerts/AlertsProvider';
import { KeyboardAccess } from './a11y/keyboard/KeyboardAccess';
import { ScanProvider } from './a11y/scan/ScanProvider';
import { TextEntryProvider } from './a11y/text-entry/TextEntryProvider';
import { createI18n, pickLanguage } from '../shared/i18n';
import { App } from './app/App';
import { BootError, type BootProblem } from './app/BootError';
import { bootHost, HostServices } from './host/host-services';
import { HostProvider } from './host/HostProvider';
import { createBridge } from './net/bridge';
import { BufferingBridge } from './net/buffering-bridge';
import { HostBufferStore } from './net/host-buffer-store';
import { alwaysLinked, type HostLink } from './net/host-link';
import { alwaysHosted, type HostStatus } from './net/host-status';
import { browserNetwork } from './net/browser-network';
import { HubCheck } from './net/hub-check';
import { AuthStore } from './session/auth-store';
import { Session } from './session/session';
import './app/styles/global.css';

async function boot(): Promise<void> {
  const { bridge: transport, link } = createBridge();
  // Only web mode can lose its host; over Electron IPC the bridge is used as it is.
  const store = new HostBufferStore();
  const buffering = link === alwaysLinked ? null : new BufferingBridge(transport, link, store);
  const bridge: WingsBridge = buffering ?? transport;
  const hostStatus: HostStatus = buffering ?? alwaysHosted;
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
    const problem = bootProblem(link);
    const kept = problem === 'lost' ? await keptInBrowser(store) : 0;
    root.render(
      <I18nextProvider i18n={i18n}>
        <BootError problem={problem} kept={kept} />
      </I18nextProvider>,
    );
    // A host that was only starting, or restarting: the page opens by itself once it answers.
    if (problem === 'lost') {
      link.subscribe(() => {
        if (link.state === 'connected') window.location.reload();
      });
    }
    return;
  }

  // Who is signed in is the host's to say: a reload reopens the shell without signing in again.
  const network = browserNetwork();
  const auth = new AuthStore(
    bridge,
    (b, host) => new Session({ bridge: b, host, network, hostStatus }),
    Date.now,
    link,
  );
  void auth.start();

  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <HostProvider host={new HostServices(bridge, info.data)}>
          <ProfileProvider initial={profile}>
            <AlertsProvider>
              <KeyboardAccess>
                <TextEntryProvider auth={auth} language={language}>
                  <ScanProvider>
                    <App auth={auth} hubCheck={new HubCheck(info.data.hubUrl)} hostStatus={hostStatus} />
                  </ScanProvider>
                </TextEntryProvider>
              </KeyboardAccess>
            </AlertsProvider>
          </ProfileProvider>
        </HostProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

function bootProblem(link: HostLink): BootProblem {
  if (link.state === 'refused') return link.refusal ?? 'stale';
  return link.state === 'connected' ? 'other' : 'lost';
}

async function keptInBrowser(store: HostBufferStore): Promise<number> {
  try {
    const { drafts, sends } = await store.counts();
    return drafts + sends;
  } catch {
    return 0;
  }
}

void boot();
