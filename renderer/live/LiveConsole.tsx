import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { BroadcastControls } from './BroadcastControls';
import { CommentsPanel } from './CommentsPanel';
import { DevicePanel } from './DevicePanel';
import { useErrorText, useLive, useLiveSnapshot } from './live-hooks';
import { LiveStatus } from './LiveStatus';
import { OrdersFeed } from './OrdersFeed';
import { ProductsPanel } from './ProductsPanel';
import { RestreamPanel } from './RestreamPanel';
import { TeleprompterPanel } from './teleprompter/TeleprompterPanel';
import './LiveConsole.css';

/**
 * The anchor's console: broadcast and status on top; camera and microphone,
 * products and sales, and the outputs on one side; comments, the
 * teleprompter and orders on the other. Each panel is a named region, so keyboard, screen reader and
 * scanning all move panel by panel. Without a media plane the console says
 * why, and products, scripts and comments go on working.
 */
export function LiveConsole() {
  const { t } = useTranslation('live');
  const store = useLive();
  const snapshot = useLiveSnapshot(store);
  const errorText = useErrorText();
  const noticeId = useId();
  const media = snapshot.console?.media;
  const pinnedProductId = snapshot.console?.room.pinnedProduct?.id ?? null;

  return (
    // Browsers start audio only after a gesture: the first press anywhere on the console wakes the mixer.
    <div className="live-console" onPointerDown={store.audio.wake} onKeyDown={store.audio.wake}>
      {media && !media.available ? (
        <section aria-labelledby={noticeId} className="live-console__notice">
          <h2 id={noticeId} className="live-panel__title">
            {t('media.unavailable')}
          </h2>
          <p>{media.reason ?? t('media.noReason')}</p>
          <p>{t('media.restWorks')}</p>
        </section>
      ) : null}
      {snapshot.consoleError ? (
        <div role="alert" className="live-console__notice">
          <p>{t('console.loadFailed', { reason: errorText(snapshot.consoleError) })}</p>
          <Button onClick={() => void store.refresh()}>{t('console.retry')}</Button>
        </div>
      ) : null}
      <div className="live-console__top">
        <BroadcastControls store={store} />
        <LiveStatus store={store} />
      </div>
      <div className="live-console__grid">
        <div className="live-console__column">
          <DevicePanel store={store} />
          <ProductsPanel store={store} />
          <RestreamPanel store={store} />
        </div>
        <div className="live-console__column">
          <CommentsPanel store={store} />
          <TeleprompterPanel voice={store.audio.voice} pinnedProductId={pinnedProductId} />
          <OrdersFeed store={store} />
        </div>
      </div>
    </div>
  );
}
