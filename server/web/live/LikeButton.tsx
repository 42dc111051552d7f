import { Heart } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ViewerActions } from './live-room-client';

/** Each tap counts at once on the viewer's screen; the client sends them in batches (like-batcher.ts). */
export function LikeButton({ client, likes }: { client: ViewerActions; likes: number }) {
  const { t } = useTranslation('viewer');
  return (
    <button type="button" className="live-button live-like" onClick={() => client.like()}>
      <Heart aria-hidden="true" />
      {t('like.button')} <span className="live-like-count">{t('like.count', { likes })}</span>
    </button>
  );
}
