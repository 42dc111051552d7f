import type { LiHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from './useDateTimeFormat';
import './TeamNoteItem.css';

export interface TeamNoteItemProps extends LiHTMLAttributes<HTMLLIElement> {
  author: string;
  createdAt: number;
  body: string;
  /** Still in the outbox on this computer, not yet acknowledged by the hub. */
  waiting?: boolean;
}

export function TeamNoteItem({
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
      <p className="team-note__meta">
        <span className="team-note__author">{author}</span>
        <time className="team-note__time" dateTime={new Date(createdAt).toISOString()}>
          {format(createdAt)}
        </time>
      </p>
      <p className="team-note__body">{body}</p>
      {waiting ? <p className="team-note__waiting">{t('waiting')}</p> : null}
    </li>
  );
}
