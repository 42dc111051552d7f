import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewerLanguage } from './i18n';
import { JoinForm } from './JoinForm';
import type { ViewerActions } from './live-room-client';
import { savePageSettings, type KeyValueStore, type PageSettings } from './page-settings';
import { PageSettingsBar } from './PageSettingsBar';
import { RoomView } from './RoomView';
import { useViewer } from './use-viewer';

export interface LiveAppProps {
  client: ViewerActions;
  store: KeyValueStore;
  /** The language picked at load (`?lng=`, the saved choice, the browser) and the saved settings. */
  initial: PageSettings & { language: ViewerLanguage };
  now?: () => number;
}

/** The viewer's page: a header with the page's own settings, then the nickname form or the room. */
export function LiveApp({ client, store, initial, now }: LiveAppProps) {
  const { t, i18n } = useTranslation('viewer');
  const viewer = useViewer(client.store);
  const [settings, setSettings] = useState<PageSettings>(initial);
  const language = settings.language ?? initial.language;

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  useEffect(() => {
    const root = document.documentElement;
    if (settings.highContrast) root.dataset.contrast = 'high';
    else delete root.dataset.contrast;
    if (settings.largeText) root.dataset.text = 'large';
    else delete root.dataset.text;
  }, [settings.highContrast, settings.largeText]);

  const room = viewer.room;
  const title = room?.broadcast?.title
    ? t('titleRoom', { title: room.broadcast.title, shop: room.shop })
    : room
      ? t('titleShop', { shop: room.shop })
      : t('title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  const change = (next: PageSettings) => {
    setSettings(next);
    savePageSettings(store, next);
  };

  return (
    <>
      <header className="live-header">
        <div className="live-header-inner">
          <h1 className="live-title">{room ? room.shop : t('title')}</h1>
          <PageSettingsBar settings={settings} language={language} onChange={change} />
        </div>
      </header>
      <main className="live-main" id="main">
        {viewer.phase === 'joined' ? (
          <RoomView client={client} viewer={viewer} now={now} />
        ) : (
          <JoinForm client={client} viewer={viewer} />
        )}
      </main>
    </>
  );
}
