import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ChatApp } from './ChatApp';
import { ChatClient, type NetworkSignal } from './chat-client';
import { createChatI18n, pickChatLanguage } from './i18n';
import { browserStore, loadPageSettings } from './page-settings';
import './chat.css';

const params = new URLSearchParams(window.location.search);
const orgParam = Number(params.get('org'));
const org = Number.isSafeInteger(orgParam) && orgParam > 0 ? orgParam : null;
const store = browserStore();
const settings = loadPageSettings(store);
const language = pickChatLanguage(params.get('lng'), settings.language, navigator.languages);

const network: NetworkSignal = {
  online: () => navigator.onLine,
  subscribe(listener) {
    const online = () => listener(true);
    const offline = () => listener(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  },
};

const client = new ChatClient({ origin: window.location.origin, org, store, network });
const i18n = createChatI18n(language);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ChatApp client={client} store={store} initial={{ language, highContrast: settings.highContrast }} />
    </I18nextProvider>
  </StrictMode>,
);
