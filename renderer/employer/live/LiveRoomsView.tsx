import { Eye, RefreshCw } from 'lucide-react';
import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { fenFormatter } from '../../../shared/domain/live/money';
import { useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { liveRoomsStore } from './live-rooms-store';
import { RoomWatchPanel } from './RoomWatchPanel';
import './live-rooms.css';

/** The organisation's live rooms, and the one a supervisor is watching read-only (`initialRoom`: opened from the roster). */
export function LiveRoomsView({ initialRoom = null }: { initialRoom?: string | null } = {}) {
  const { t, i18n } = useTranslation('viewer');
  const store = useSessionStore(liveRoomsStore);
  const rooms = useSyncExternalStore(store.subscribe, () => store.rooms);
  const loaded = useSyncExternalStore(store.subscribe, () => store.loaded);
  const error = useSyncExternalStore(store.subscribe, () => store.error);
  const [watching, setWatching] = useState<string | null>(initialRoom);
  const language = i18n.resolvedLanguage ?? 'en';
  const money = useMemo(() => fenFormatter(language), [language]);
  const id = useId();

  return (
    <div className="live-rooms">
      <div className="live-rooms__list">
        <p>{t('watch.intro')}</p>
        {error ? (
          <div role="alert">
            <p>{t('watch.listFailed')}</p>
            <Button icon={RefreshCw} onClick={() => void store.refresh()}>
              {t('watch.retry')}
            </Button>
          </div>
        ) : null}
        {!loaded && !error ? <p role="status">{t('watch.loading')}</p> : null}
        {loaded && rooms.length === 0 ? <p>{t('watch.none')}</p> : null}
        <ul>
          {rooms.map((room) => {
            const broadcast = room.broadcast;
            const status =
              broadcast?.status === 'live'
                ? t('watch.status.live')
                : broadcast?.status === 'ended'
                  ? t('watch.status.ended')
                  : t('watch.status.idle');
            const name = broadcast?.title ?? room.slug;
            return (
              <li key={room.slug} className="live-rooms__room">
                <h3 id={`${id}-${room.slug}`}>{name}</h3>
                <p>{t('watch.roomLine', { anchor: room.anchorName, status })}</p>
                <p>
                  {t('watch.figures', {
                    viewers: room.figures.viewers,
                    orders: room.figures.orders,
                    gmv: money(room.figures.gmvFen),
                  })}
                </p>
                <Button
                  icon={Eye}
                  aria-pressed={watching === room.slug}
                  aria-describedby={`${id}-${room.slug}`}
                  onClick={() => setWatching(room.slug)}
                >
                  {t('watch.open')}
                </Button>
              </li>
            );
          })}
        </ul>
      </div>
      {watching ? <RoomWatchPanel key={watching} slug={watching} onClose={() => setWatching(null)} /> : null}
    </div>
  );
}
