import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { textLang } from '../../shared/i18n/text-lang';
import type { LiveComment } from '../../shared/protocol/live';
import { Button } from '../ui/Button';
import { PhraseAnswer } from './teleprompter/PhraseAnswer';
import type { AnchorVoice } from './voice/anchor-voice';

export interface CommentRowProps {
  comment: LiveComment;
  pinned: boolean;
  /** Arrived since the feed was last looked at: drawn highlighted for a moment (no sound). */
  fresh: boolean;
  voice: AnchorVoice;
  onDelete: (commentId: number) => void;
  onMute: (viewerId: number) => void;
  onPin: (commentId: number | null) => void;
}

/**
 * One comment: who, what, and its actions in a named group, so scanning
 * goes comment by comment and then into the one chosen. Memoised: at 20
 * comments a second only the new rows render.
 */
export const CommentRow = memo(function CommentRow({
  comment,
  pinned,
  fresh,
  voice,
  onDelete,
  onMute,
  onPin,
}: CommentRowProps) {
  const { t } = useTranslation('live');
  const textId = useId();
  return (
    <li
      className={[
        'live-comment',
        pinned ? 'live-comment--pinned' : null,
        fresh ? 'live-comment--fresh' : null,
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <p id={textId} className="live-comment__text">
        <span className="live-comment__nick">{comment.nickname}</span>{' '}
        <span className="live-comment__body" lang={textLang(comment.body)}>
          {comment.body}
        </span>
        {pinned ? <span className="live-comment__pinned">{t('comments.pinned')}</span> : null}
      </p>
      <div
        role="group"
        aria-label={t('comments.actionsFor', { nickname: comment.nickname })}
        aria-describedby={textId}
        className="live-comment__actions"
      >
        <Button aria-pressed={pinned} onClick={() => onPin(pinned ? null : comment.id)}>
          {t('comments.pin')}
        </Button>
        <Button onClick={() => onDelete(comment.id)}>{t('comments.delete')}</Button>
        <Button onClick={() => onMute(comment.viewerId)}>{t('comments.mute')}</Button>
        <PhraseAnswer voice={voice} comment={comment} />
      </div>
    </li>
  );
});
