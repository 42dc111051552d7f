import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatClient, ChatSnapshot } from './chat-client';
import { linesOf, newPendingSend, type Line } from './chat-outbox';
import { Composer } from './Composer';
import type { ChatLanguage } from './i18n';
import { MessageLine } from './MessageLine';
import { RatingForm } from './RatingForm';
import { useNow } from './use-now';

/** The ticket, how the page is linked, the messages, and what the customer can do next. */
export function Conversation({
  client,
  chat,
  language,
}: {
  client: ChatClient;
  chat: ChatSnapshot;
  language: ChatLanguage;
}) {
  const { t } = useTranslation('chat');
  const id = useId();
  const now = useNow(chat.slowDownUntil !== null || chat.startProblem?.kind === 'limited');
  const lines = useMemo(() => {
    const shown: Line[] = linesOf(chat.messages, chat.outbox);
    // The first message rides on the start request until the hub has the ticket.
    if (chat.start) {
      const first = newPendingSend(chat.start.id, chat.start.message, null, 0);
      shown.unshift({ kind: 'pending', key: `p${chat.start.id}`, pending: first });
    }
    return shown;
  }, [chat.messages, chat.outbox, chat.start]);

  const end = useRef<HTMLDivElement>(null);
  const count = lines.length;
  useEffect(() => {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    end.current?.scrollIntoView({ block: 'end', behavior: reduce ? 'auto' : 'smooth' });
  }, [count]);

  const state = chat.state;
  const status = state ? t(`status.${state.status}`) : null;
  const link = chat.link;

  return (
    <>
      <section className="chat-card chat-ticket" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('conversation.heading')}</h2>
        <p className="chat-ticket-facts">
          <span className="chat-ticket-number">
            {chat.ticketNumber !== null
              ? t('conversation.ticket', { number: chat.ticketNumber })
              : t('conversation.ticketPending')}
          </span>
          {status ? <span className="chat-ticket-status">{t('status.label', { status })}</span> : null}
        </p>
        <p role="status" className={`chat-link chat-link--${link}`}>
          {link === 'idle' ? '' : t(`link.${link}`)}
        </p>
        {chat.storageFailed ? <p className="chat-problem">{t('link.storage')}</p> : null}
        <ForgetOnDevice client={client} unsent={chat.outbox.length} />
        {chat.startProblem?.kind === 'limited' ? (
          <p className="chat-problem" role="alert">
            {t('start.limited', {
              minutes: Math.max(1, Math.ceil((chat.startProblem.retryAt - now) / 60_000)),
            })}
          </p>
        ) : null}
      </section>

      <section className="chat-card chat-messages" aria-labelledby={`${id}-log`}>
        <h2 id={`${id}-log`} className="visually-hidden">
          {t('conversation.log')}
        </h2>
        <div role="log" aria-live="polite" aria-relevant="additions" aria-labelledby={`${id}-log`}>
          <ol className="chat-log">
            {lines.map((line) => (
              <MessageLine
                key={line.key}
                line={line}
                client={client}
                language={language}
                connected={chat.link === 'connected'}
              />
            ))}
          </ol>
        </div>
        {lines.length === 0 ? <p className="chat-muted">{t('conversation.empty')}</p> : null}
        <p role="status" className="chat-typing">
          {chat.typing ? t('conversation.typing') : ''}
        </p>
        <div ref={end} />
      </section>

      {chat.ended ? (
        <section className="chat-card" aria-labelledby={`${id}-ended`}>
          <h2 id={`${id}-ended`} className="chat-problem-heading">
            {t('conversation.ended')}
          </h2>
          <button
            type="button"
            className="chat-button chat-button--primary"
            onClick={() => client.startOver()}
          >
            {t('conversation.startOver')}
          </button>
        </section>
      ) : (
        <>
          {state && (state.canRate || state.rating) ? <RatingForm client={client} chat={chat} /> : null}
          <Composer client={client} chat={chat} now={now} />
        </>
      )}
    </>
  );
}

/** Two presses, never a timed one: the first says what happens, the second does it. */
function ForgetOnDevice({ client, unsent }: { client: ChatClient; unsent: number }) {
  const { t } = useTranslation('chat');
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="chat-button" onClick={() => setAsking(true)}>
        {t('conversation.forget')}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t('conversation.forget')} className="chat-forget">
      <p>{t('conversation.forgetExplain', { count: unsent })}</p>
      <button type="button" className="chat-button chat-button--primary" onClick={() => client.forget()}>
        {t('conversation.forgetConfirm')}
      </button>
      <button type="button" className="chat-button" onClick={() => setAsking(false)}>
        {t('conversation.forgetCancel')}
      </button>
    </div>
  );
}
