import { memo, type LiHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { textLang } from '../../../shared/i18n/text-lang';
import { Avatar } from '../../ui/Avatar';
import { useDateTimeFormat } from './useDateTimeFormat';
import './TeamNoteItem.css';

export interface TeamNoteItemProps extends LiHTMLAttributes<HTMLLIElement> {
  author: string;
  createdAt: number;
  body: string;
  /** Still in the outbox on this computer, not yet acknowledged by the hub. */
  waiting?: boolean;
}

/** Memoised: the list re-renders on every key typed in the note box, and its notes do not change with it. */
export const TeamNoteItem = memo(function TeamNoteItem({
  author,
  createdAt,
  body,
  waiting = false,
  className,
  ...rest
}: TeamNoteItemProps) {
  const { t } = useTranslation('team');
  const format = useDateTimeFormat();
  return (
    <li
      className={['team-note', waiting ? 'team-note--waiting' : null, className].filter(Boolean).join(' ')}
      {...rest}
    >
      <Avatar name={author} size="sm" className="team-note__avatar" />
      <p className="team-note__meta">
        {/* People's own words get the language of their script, so a screen reader picks the right voice. */}
        <span className="team-note__author" lang={textLang(author)}>
          {author}
        </span>
        <time className="team-note__time" dateTime={new Date(createdAt).toISOString()}>
          {format(createdAt)}
        </time>
      </p>
      <p className="team-note__body" lang={textLang(body)}>
        {body}
      </p>
      {waiting ? <p className="team-note__waiting">{t('waiting')}</p> : null}
    </li>
  );
});
