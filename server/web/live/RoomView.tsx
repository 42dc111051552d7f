import { Eye } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentFeed } from './CommentFeed';
import { LikeButton } from './LikeButton';
import type { ViewerActions } from './live-room-client';
import { ProductCard, runningSale } from './ProductCard';
import { useNow } from './use-viewer';
import { VideoPlayer } from './VideoPlayer';
import type { ViewerSnapshot } from './viewer-store';

/** The room once joined: the picture on top, then who is broadcasting, the product, the comments. */
export function RoomView({
  client,
  viewer,
  now: clock,
}: {
  client: ViewerActions;
  viewer: ViewerSnapshot;
  now?: () => number;
}) {
  const { t } = useTranslation('viewer');
  const id = useId();
  const room = viewer.room;
  const broadcast = room?.broadcast ?? null;
  const live = broadcast?.status === 'live';
  const product = room?.pinnedProduct ?? null;
  const saleShown = Boolean(room && product && room.flashSale && room.flashSale.endedAt === null);
  const now = useNow(saleShown, clock);
  const sale = room && product ? runningSale(room.flashSale, product, now) : null;

  return (
    <div className="live-room">
      <section className="live-stage" aria-labelledby={`${id}-title`}>
        <VideoPlayer media={viewer.media} label={t('video.label')} />
        {viewer.link === 'reconnecting' ? (
          <p className="live-notice" role="status">
            {t('link.reconnecting')}
          </p>
        ) : null}
        {live && broadcast.recovering ? (
          <p className="live-notice live-notice--warn" role="status">
            {t('room.recovering')}
          </p>
        ) : null}
        {!live ? (
          <p className="live-notice" role="status">
            {broadcast?.status === 'ended' ? t('room.ended') : room ? t('room.notLive') : t('room.loading')}
          </p>
        ) : null}
        <div className="live-info">
          <h2 id={`${id}-title`} className="live-broadcast-title">
            {broadcast?.title ?? t('room.noTitle')}
          </h2>
          {room ? (
            <p className="live-muted">{t('room.shopAnchor', { shop: room.shop, anchor: room.anchorName })}</p>
          ) : null}
          <div className="live-figures">
            <p className="live-viewers">
              <Eye aria-hidden="true" />
              {t('room.viewers', { viewers: room?.figures.viewers ?? 0 })}
            </p>
            <LikeButton client={client} likes={(room?.figures.likes ?? 0) + viewer.unsentLikes} />
          </div>
        </div>
      </section>
      {live ? <ProductCard client={client} product={product} sale={sale} buy={viewer.buy} now={now} /> : null}
      <CommentFeed
        client={client}
        comments={viewer.comments}
        pinned={room?.pinnedComment ?? null}
        viewerId={viewer.viewerId}
        canComment={live && viewer.link === 'connected'}
      />
      <p className="live-leave">
        <button type="button" className="live-button live-button--quiet" onClick={() => client.leave()}>
          {t('leave', { nickname: viewer.nickname })}
        </button>
      </p>
    </div>
  );
}
