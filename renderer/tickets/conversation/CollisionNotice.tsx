import { MessageSquareWarning } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import './CollisionNotice.css';

export interface CollisionNoticeProps {
  /** Whether a reply is held back now; the live region stays either way, so its words are said when they appear. */
  shown: boolean;
  /** New messages from the customer or colleagues since the reply was based. */
  count: number;
  /** The hub refused it (it was sent from here before the news arrived), rather than this pane holding it back. */
  refused: boolean;
  onReview: () => void;
  onSendAnyway: () => void;
}

/**
 * In place of a silent send: new messages arrived since the agent wrote
 * this. The text stays in the box; they can look at what is new (it is
 * marked in the history) or send anyway, each one plain button.
 */
export function CollisionNotice({ shown, count, refused, onReview, onSendAnyway }: CollisionNoticeProps) {
  const { t } = useTranslation('tickets');
  const titleId = useId();
  const title = t('conversation.collision.title');
  return (
    <>
      <p role="alert" className="visually-hidden">
        {shown ? `${title} ${t('conversation.collision.count', { count })}` : null}
      </p>
      {shown ? (
        <div role="group" aria-labelledby={titleId} className="collision">
          <p id={titleId} className="collision__title">
            <Icon icon={MessageSquareWarning} size="md" />
            <span>{title}</span>
          </p>
          <p className="collision__body">
            {t('conversation.collision.count', { count })}{' '}
            {refused ? t('conversation.collision.refused') : t('conversation.collision.held')}
          </p>
          <div className="collision__actions">
            <Button primary onClick={onReview}>
              {t('conversation.collision.review')}
            </Button>
            <Button onClick={onSendAnyway}>{t('conversation.collision.sendAnyway')}</Button>
          </div>
        </div>
      ) : null}
    </>
  );
}
