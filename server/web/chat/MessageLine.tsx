import { useTranslation } from 'react-i18next';
import { textLang } from '../../../shared/i18n/text-lang';
import type { ChatMessage } from '../../../shared/protocol/chat';
import type { Attachment } from '../../../shared/protocol/tickets';
import type { ChatClient } from './chat-client';
import type { Line, PendingSend } from './chat-outbox';
import type { ChatLanguage } from './i18n';

const timeFormats = new Map<ChatLanguage, Intl.DateTimeFormat>();
function timeFormat(language: ChatLanguage): Intl.DateTimeFormat {
  let format = timeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
    timeFormats.set(language, format);
  }
  return format;
}

export function MessageLine(props: {
  line: Line;
  client: ChatClient;
  language: ChatLanguage;
  connected: boolean;
}) {
  const { line, client, language, connected } = props;
  return line.kind === 'stored' ? (
    <StoredLine message={line.message} language={language} />
  ) : (
    <PendingLine pending={line.pending} client={client} connected={connected} />
  );
}

function StoredLine({ message, language }: { message: ChatMessage; language: ChatLanguage }) {
  const { t } = useTranslation('chat');
  if (message.author === 'system') {
    return (
      <li className="chat-line chat-line--system">
        <p>{eventText(t, message)}</p>
      </li>
    );
  }
  const mine = message.author === 'customer';
  const who = mine ? t('conversation.you') : message.name || t('conversation.agent');
  return (
    <li className={`chat-line ${mine ? 'chat-line--you' : 'chat-line--agent'}`}>
      <p className="chat-line-meta">
        <span className="chat-line-who">{who}</span>{' '}
        <time dateTime={new Date(message.createdAt).toISOString()}>
          {timeFormat(language).format(message.createdAt)}
        </time>
      </p>
      {message.body ? (
        <p className="chat-line-body" lang={textLang(message.body)}>
          {message.body}
        </p>
      ) : null}
      {message.attachment ? (
        <Photo
          attachment={message.attachment}
          alt={mine ? t('conversation.photoFromYou') : t('conversation.photoFromAgent', { name: who })}
        />
      ) : null}
    </li>
  );
}

function PendingLine({
  pending,
  client,
  connected,
}: {
  pending: PendingSend;
  client: ChatClient;
  connected: boolean;
}) {
  const { t } = useTranslation('chat');
  const refused = pending.refused;
  const reason =
    refused?.code === 'invalid_input' || refused?.code === 'not_found'
      ? t(`conversation.refused.${refused.code}`)
      : t('conversation.refused.other');
  return (
    <li className={`chat-line chat-line--you chat-line--pending${refused ? ' chat-line--refused' : ''}`}>
      <p className="chat-line-meta">
        <span className="chat-line-who">{t('conversation.you')}</span>{' '}
        <span className="chat-line-state">
          {refused
            ? t('conversation.notSent', { reason })
            : connected
              ? t('conversation.sending')
              : t('conversation.waiting')}
        </span>
      </p>
      {pending.body ? (
        <p className="chat-line-body" lang={textLang(pending.body)}>
          {pending.body}
        </p>
      ) : null}
      {pending.attachment ? (
        <Photo attachment={pending.attachment} alt={t('conversation.photoFromYou')} />
      ) : null}
      {refused ? (
        <div className="chat-actions">
          <button type="button" className="chat-button" onClick={() => client.retry(pending.id)}>
            {t('conversation.tryAgain')}
          </button>
          <button
            type="button"
            className="chat-button chat-button--quiet"
            onClick={() => client.discard(pending.id)}
          >
            {t('conversation.remove')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

function Photo({ attachment, alt }: { attachment: Attachment; alt: string }) {
  return (
    <img
      className="chat-photo"
      src={`/attachments/${attachment.id}`}
      alt={alt}
      width={attachment.width}
      height={attachment.height}
      loading="lazy"
      decoding="async"
    />
  );
}

type T = ReturnType<typeof useTranslation<'chat'>>['t'];

function eventText(t: T, message: ChatMessage): string {
  switch (message.event) {
    case 'created':
      return t('events.created');
    case 'assigned':
      return message.name ? t('events.assigned', { name: message.name }) : t('events.assignedNobody');
    case 'resolved':
      return t('events.resolved');
    case 'reopened':
      return t('events.reopened');
    default:
      return message.body;
  }
}
