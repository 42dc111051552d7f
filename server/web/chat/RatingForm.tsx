import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatClient, ChatSnapshot } from './chat-client';

const scores = [1, 2, 3, 4, 5] as const;

/** Once resolved: 1–5 stars and an optional comment; after that, thanks. */
export function RatingForm({ client, chat }: { client: ChatClient; chat: ChatSnapshot }) {
  const { t } = useTranslation('chat');
  const id = useId();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const rating = chat.state?.rating ?? null;
  const sending = chat.outbox.some((p) => p.kind === 'rate' && p.refused === null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setMissing(true);
      return;
    }
    client.rate(score, comment);
  };

  if (rating) {
    return (
      <section className="chat-card chat-rating" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{t('rating.thanks')}</h2>
        <p>{t('rating.given', { count: rating.score })}</p>
      </section>
    );
  }

  return (
    <section className="chat-card chat-rating" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('rating.heading')}</h2>
      <form className="chat-form" onSubmit={submit}>
        <div
          className="chat-stars"
          role="radiogroup"
          aria-labelledby={`${id}-score`}
          aria-describedby={missing ? `${id}-missing` : undefined}
        >
          <p id={`${id}-score`} className="chat-label">
            {t('rating.scoreLabel')}
          </p>
          <div className="chat-star-row">
            {scores.map((n) => (
              <label key={n} className="chat-star">
                <input
                  type="radio"
                  name={`${id}-score`}
                  value={n}
                  checked={score === n}
                  onChange={() => {
                    setScore(n);
                    setMissing(false);
                  }}
                />
                <span className="chat-star-text">{t('rating.star', { count: n })}</span>
              </label>
            ))}
          </div>
        </div>
        {missing ? (
          <p id={`${id}-missing`} className="chat-problem" role="alert">
            {t('rating.pick')}
          </p>
        ) : null}
        <div className="chat-field">
          <label htmlFor={`${id}-comment`}>{t('rating.comment')}</label>
          <textarea
            id={`${id}-comment`}
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        <div className="chat-actions">
          <button type="submit" className="chat-button chat-button--primary" aria-disabled={sending}>
            {t('rating.submit')}
          </button>
          {sending ? (
            <p role="status" className="chat-hint">
              {t('rating.sending')}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
