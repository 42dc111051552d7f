import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createViewerI18n, pickViewerLanguage } from './i18n';
import { LiveApp } from './LiveApp';
import { LiveRoomClient } from './live-room-client';
import type { ViewerStats } from './media-receiver';
import { browserStore, loadPageSettings } from './page-settings';
import { roomSlugFromPath } from './room-slug';
import './live.css';

declare global {
  interface Window {
    /**
     * Read-only diagnostics: what this page has decoded and heard, from the
     * recv transport's consumers' own inbound-rtp stats. The e2e tests and the
     * bench need it because the page's RTCPeerConnection lives inside
     * mediasoup-client where a test cannot reach it, and a <video>'s own
     * counters do not say whether audio arrives. It acts on nothing.
     */
    __wingsViewerStats?: () => Promise<ViewerStats>;
  }
}

const params = new URLSearchParams(window.location.search);
const store = browserStore();
const settings = loadPageSettings(store);
const language = pickViewerLanguage(params.get('lng'), settings.language, navigator.languages);
const slug = roomSlugFromPath(window.location.pathname);

const i18n = createViewerI18n(language);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

if (slug === null) {
  root.textContent = i18n.t('viewer:badAddress');
} else {
  const client = new LiveRoomClient({ origin: window.location.origin, slug, store });
  window.__wingsViewerStats = () => client.stats();
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <LiveApp client={client} store={store} initial={{ ...settings, language }} />
      </I18nextProvider>
    </StrictMode>,
  );
}
