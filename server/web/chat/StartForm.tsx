import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatClient, ChatSnapshot } from './chat-client';
import type { ChatLanguage } from './i18n';

/** The customer's name, an optional order number and their first message: that opens the ticket. */
export function StartForm({
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
  const refused = chat.refusedStart;
  const [name, setName] = useState(refused?.name ?? '');
  const [order, setOrder] = useState(refused?.orderNumber ?? '');
  const [message, setMessage] = useState(refused?.message ?? '');
  const problem = chat.startProblem;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || message.trim() === '') return;
    client.start({ name, orderNumber: order, message, locale: language });
  };

  return (
    <section className="chat-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('start.heading')}</h2>
      <p className="chat-muted">{t('intro')}</p>
      {problem && problem.kind !== 'limited' ? (
        <p className="chat-problem" role="alert">
          {problem.kind === 'no_shop' ? t('start.noShop') : t('start.invalid')}
        </p>
      ) : null}
      <form className="chat-form" onSubmit={submit}>
        <div className="chat-field">
          <label htmlFor={`${id}-name`}>{t('start.name')}</label>
          <input
            id={`${id}-name`}
            name="name"
            autoComplete="name"
            required
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="chat-field">
          <label htmlFor={`${id}-order`}>{t('start.order')}</label>
          <input
            id={`${id}-order`}
            name="order"
            autoComplete="off"
            inputMode="text"
            maxLength={40}
            pattern="[A-Za-z0-9\-]{1,40}"
            aria-describedby={`${id}-order-hint`}
            value={order}
            onChange={(e) => setOrder(e.target.value)}
          />
          <p id={`${id}-order-hint`} className="chat-hint">
            {t('start.orderHint')}
          </p>
        </div>
        <div className="chat-field">
          <label htmlFor={`${id}-message`}>{t('start.message')}</label>
          <textarea
            id={`${id}-message`}
            name="message"
            required
            rows={4}
            maxLength={4000}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        </div>
        <div className="chat-actions">
          <button type="submit" className="chat-button chat-button--primary">
            {t('start.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
