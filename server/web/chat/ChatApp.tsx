import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatClient } from './chat-client';
import type { KeyValueStore } from './chat-outbox';
import { Conversation } from './Conversation';
import type { ChatLanguage } from './i18n';
import { PageSettingsBar } from './PageSettingsBar';
import { savePageSettings, type PageSettings } from './page-settings';
import { StartForm } from './StartForm';
import { useChat } from './use-chat';

export interface ChatAppProps {
  client: ChatClient;
  store: KeyValueStore;
  /** The language picked at load (`?lng=`, the saved choice, the browser) and the saved contrast. */
  initial: { language: ChatLanguage; highContrast: boolean };
}

/** The customer's page: a header with the page's own settings, then the start form or the conversation. */
export function ChatApp({ client, store, initial }: ChatAppProps) {
  const { t, i18n } = useTranslation('chat');
  const chat = useChat(client);
  const [settings, setSettings] = useState<PageSettings>(initial);
  const language = settings.language ?? initial.language;

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  useEffect(() => {
    if (settings.highContrast) document.documentElement.dataset.contrast = 'high';
    else delete document.documentElement.dataset.contrast;
  }, [settings.highContrast]);

  const shop = chat.state?.shop;
  const title = shop ? t('titleShop', { shop }) : t('title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  const change = (next: PageSettings) => {
    setSettings(next);
    savePageSettings(store, next);
  };

  return (
    <>
      <header className="chat-header">
        <div className="chat-header-inner">
          <h1 className="chat-title">{title}</h1>
          <PageSettingsBar language={language} highContrast={settings.highContrast} onChange={change} />
        </div>
      </header>
      <main className="chat-main" id="main">
        {chat.inConversation || chat.ended ? (
          <Conversation client={client} chat={chat} language={language} />
        ) : (
          <StartForm client={client} chat={chat} language={language} />
        )}
      </main>
    </>
  );
}
