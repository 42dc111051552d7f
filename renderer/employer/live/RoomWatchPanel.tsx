import { X } from 'lucide-react';
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { fenFormatter } from '../../../shared/domain/live/money';
import { useSession } from '../../session/SessionProvider';
import { Button } from '../../ui/Button';
import { RoomWatch } from './room-watch';
import { WatchVideo } from './WatchVideo';

/**
 * One room, watched read-only: the picture, the room's state, its comments
 * and orders. Nothing here acts on the room: a supervisor who wants to
 * moderate asks the anchor, or uses the anchor's console.
 */
export function RoomWatchPanel({ slug, onClose }: { slug: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('viewer');
  const { hub } = useSession();
  const [watch] = useState(() => new RoomWatch(hub, slug));
  useEffect(() => () => watch.dispose(), [watch]);
  const snap = useSyncExternalStore(watch.subscribe, () => watch.snapshot);
  const language = i18n.resolvedLanguage ?? 'en';
  const money = useMemo(() => fenFormatter(language), [language]);
  const id = useId();
  const room = snap.room;
  const broadcast = room?.broadcast ?? null;
  const live = broadcast?.status === 'live';
  const title = broadcast?.title ?? room?.slug ?? slug;
  const sale = room?.flashSale && room.flashSale.endedAt === null ? room.flashSale : null;

  return (
    <section className="live-watch" aria-labelledby={`${id}-title`}>
      <div className="live-watch__head">
        <h2 id={`${id}-title`}>{t('watch.watching', { room: title })}</h2>
        <Button icon={X} onClick={onClose}>
          {t('watch.close')}
        </Button>
      </div>
      <p className="live-watch__readonly">{t('watch.readOnly')}</p>
      {snap.error ? <p role="alert">{t('watch.failed')}</p> : null}
      {room ? (
        <>
          {/* Only while on air: a room that is not live has no picture to wait for, its status says so. */}
          {live ? <WatchVideo media={snap.media} label={t('watch.video', { room: title })} /> : null}
          <p role="status">
            {!live
              ? broadcast?.status === 'ended'
                ? t('room.ended')
                : t('watch.notLive')
              : broadcast.recovering
                ? t('room.recovering')
                : t('watch.onAir')}
          </p>
          <dl className="live-watch__facts">
            <dt>{t('watch.anchor')}</dt>
            <dd>{room.anchorName}</dd>
            <dt>{t('watch.viewers')}</dt>
            <dd>{room.figures.viewers}</dd>
            <dt>{t('watch.likes')}</dt>
            <dd>{room.figures.likes}</dd>
            <dt>{t('watch.orders')}</dt>
            <dd>{room.figures.orders}</dd>
            <dt>{t('watch.gmv')}</dt>
            <dd>{money(room.figures.gmvFen)}</dd>
            <dt>{t('watch.pinned')}</dt>
            <dd>
              {room.pinnedProduct
                ? t('watch.product', {
                    name: room.pinnedProduct.name,
                    price: money(room.pinnedProduct.priceFen),
                    stock: room.pinnedProduct.stock,
                  })
                : t('watch.nothingPinned')}
            </dd>
            {sale ? (
              <>
                <dt>{t('sale.heading')}</dt>
                <dd>
                  {t('watch.sale', { price: money(sale.priceFen), sold: sale.sold, quantity: sale.quantity })}
                </dd>
              </>
            ) : null}
          </dl>
          <div className="live-watch__lists">
            <section aria-labelledby={`${id}-comments`}>
              <h3 id={`${id}-comments`}>{t('comments.heading')}</h3>
              {snap.comments.length === 0 ? <p>{t('watch.noComments')}</p> : null}
              <div className="live-watch__list" role="log" aria-labelledby={`${id}-comments`} tabIndex={0}>
                <ol>
                  {snap.comments.map((c) => (
                    <li key={c.id}>
                      <strong>{c.nickname}</strong> {c.body}
                    </li>
                  ))}
                </ol>
              </div>
            </section>
            <section aria-labelledby={`${id}-orders`}>
              <h3 id={`${id}-orders`}>{t('watch.orders')}</h3>
              {snap.orders.length === 0 ? <p>{t('watch.noOrders')}</p> : null}
              <ol className="live-watch__list" tabIndex={0} aria-labelledby={`${id}-orders`}>
                {snap.orders.map((o) => (
                  <li key={o.id}>
                    {t('watch.order', {
                      nickname: o.nickname,
                      product: o.productName,
                      quantity: o.quantity,
                      total: money(o.totalFen),
                    })}
                  </li>
                ))}
              </ol>
            </section>
          </div>
        </>
      ) : snap.error ? null : (
        <p role="status">{t('watch.loading')}</p>
      )}
    </section>
  );
}
