import { ArrowLeftRight, Image as ImageIcon, Info, Lock, Sparkles } from 'lucide-react';
import { memo, type LiHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { textLang } from '../../../shared/i18n/text-lang';
import type { Attachment, TicketEvent, TicketMessage } from '../../../shared/protocol';
import { Icon } from '../../ui/Icon';
import { useDateTimeFormat } from './useDateTimeFormat';
import './MessageItem.css';

type Translate = ReturnType<typeof useTranslation<'tickets'>>['t'];

/** One line of the history as the hub wrote it, or a reply still in the outbox on this computer. */
export interface MessageItemProps extends LiHTMLAttributes<HTMLLIElement> {
  kind: TicketMessage['kind'];
  authorKind: TicketMessage['author']['kind'];
  authorName: string;
  body: string;
  event: TicketEvent | null;
  attachment: Attachment | null;
  createdAt: number;
  /** The hub's address, for photos (`<hubUrl>/attachments/<id>`). */
  hubUrl: string;
  /** Written by the signed-in agent. */
  mine?: boolean;
  /** Arrived after what the agent's reply was based on: shown marked until they send. */
  isNew?: boolean;
  /** Still in the outbox, not yet stored by the hub. */
  waiting?: boolean;
}

function sizeText(t: Translate, attachment: Attachment): string {
  const kb = Math.max(1, Math.round(attachment.bytes / 1024));
  return t('conversation.photo.size', { width: attachment.width, height: attachment.height, kb });
}

/** What a hub-written line says, in the worker's language. */
export function eventText(t: Translate, event: TicketEvent, formatTime: (ms: number) => string): string {
  switch (event.type) {
    case 'created':
      return t('conversation.event.created');
    case 'assigned':
      return event.by === null
        ? t('conversation.event.assigned', { agent: event.agent.displayName })
        : t('conversation.event.assignedBy', { agent: event.agent.displayName, by: event.by.displayName });
    case 'unassigned':
      return t(`conversation.event.unassigned.${event.reason}`);
    case 'transferred':
      return event.note
        ? t('conversation.event.transferredNote', {
            from: event.from.displayName,
            to: event.to.displayName,
            note: event.note,
          })
        : t('conversation.event.transferred', { from: event.from.displayName, to: event.to.displayName });
    case 'status':
      if (event.status === 'snoozed' && event.until !== null) {
        return t('conversation.event.snoozedUntil', { time: formatTime(event.until) });
      }
      return t(`conversation.event.status.${event.status}`);
    case 'rated':
      return t('conversation.event.rated', { score: event.score });
  }
}

/**
 * A message, an internal note or an event line. Notes differ in more than
 * colour: their own background and edge, a lock icon and the words
 * "Internal note", so no one mistakes one for what the customer saw.
 * Memoised: the list re-renders on every key typed in the reply box.
 */
export const MessageItem = memo(function MessageItem({
  kind,
  authorKind,
  authorName,
  body,
  event,
  attachment,
  createdAt,
  hubUrl,
  mine = false,
  isNew = false,
  waiting = false,
  className,
  ...rest
}: MessageItemProps) {
  const { t } = useTranslation('tickets');
  const format = useDateTimeFormat();
  const time = (
    <time className="message__time" dateTime={new Date(createdAt).toISOString()}>
      {format(createdAt)}
    </time>
  );
  const newMark = isNew ? <span className="message__new">{t('conversation.newMark')}</span> : null;

  if (kind === 'event') {
    const icon = event?.type === 'transferred' ? ArrowLeftRight : event?.type === 'rated' ? Sparkles : Info;
    return (
      <li className={['message', 'message--event', className].filter(Boolean).join(' ')} {...rest}>
        <Icon icon={icon} size="sm" className="message__event-icon" />
        <p className="message__event-text">
          {event ? eventText(t, event, format) : body} <span className="message__event-time">{time}</span>
        </p>
      </li>
    );
  }

  const role = kind === 'note' ? 'note' : authorKind;
  const classes = [
    'message',
    `message--${role}`,
    mine ? 'message--mine' : null,
    isNew ? 'message--fresh' : null,
    waiting ? 'message--waiting' : null,
    className,
  ]
    .filter(Boolean)
    .join(' ');
  const who =
    authorKind === 'customer'
      ? t('conversation.author.customer', { name: authorName })
      : mine
        ? t('conversation.author.you')
        : authorName;
  const photoUrl = attachment ? `${hubUrl.replace(/\/+$/, '')}/attachments/${attachment.id}` : null;

  return (
    <li className={classes} {...rest}>
      {kind === 'note' ? (
        <p className="message__kind">
          <Icon icon={Lock} size="sm" />
          <span className="message__kind-label">{t('conversation.note.label')}</span>
          <span className="message__kind-hint">{t('conversation.note.hint')}</span>
        </p>
      ) : null}
      <p className="message__meta">
        {newMark}
        {/* People's own words get the language of their script, so a screen reader picks the right voice. */}
        <span className="message__author" lang={mine ? undefined : textLang(authorName)}>
          {who}
        </span>
        {time}
      </p>
      {body.trim() !== '' ? (
        <p className="message__body" lang={textLang(body)}>
          {body}
        </p>
      ) : null}
      {attachment && photoUrl ? (
        <figure className="message__photo">
          <img
            src={photoUrl}
            alt={t('conversation.photo.alt', { size: sizeText(t, attachment) })}
            width={attachment.width}
            height={attachment.height}
            loading="lazy"
            className="message__photo-image"
          />
          <figcaption className="message__photo-caption">
            <a href={photoUrl} target="_blank" rel="noreferrer" className="message__photo-link">
              <Icon icon={ImageIcon} size="sm" />
              {t('conversation.photo.open', { size: sizeText(t, attachment) })}
            </a>
          </figcaption>
        </figure>
      ) : null}
      {waiting ? <p className="message__waiting">{t('conversation.waiting')}</p> : null}
    </li>
  );
});
