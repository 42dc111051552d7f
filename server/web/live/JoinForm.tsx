import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewerActions } from './live-room-client';
import type { ViewerSnapshot } from './viewer-store';

/** A nickname is all a viewer gives: no account, no phone number. */
export function JoinForm({ client, viewer }: { client: ViewerActions; viewer: ViewerSnapshot }) {
  const { t } = useTranslation('viewer');
  const id = useId();
  const [nickname, setNickname] = useState(viewer.nickname);
  const joining = viewer.phase === 'joining';
  const problem = viewer.joinProblem;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (nickname.trim() === '' || joining) return;
    client.join(nickname.trim());
  };

  return (
    <section className="live-card live-join" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('join.heading')}</h2>
      <p className="live-muted">{t('join.intro')}</p>
      {problem ? (
        <p className="live-problem" role="alert">
          {t(`join.problem.${problem}`)}
        </p>
      ) : null}
      <form className="live-form" onSubmit={submit}>
        <div className="live-field">
          <label htmlFor={`${id}-nickname`}>{t('join.nickname')}</label>
          <input
            id={`${id}-nickname`}
            name="nickname"
            autoComplete="nickname"
            required
            maxLength={24}
            aria-describedby={`${id}-hint`}
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
          />
          <p id={`${id}-hint`} className="live-hint">
            {t('join.hint')}
          </p>
        </div>
        <div className="live-actions">
          <button type="submit" className="live-button live-button--primary" aria-disabled={joining}>
            {t('join.submit')}
          </button>
          {joining ? (
            <span className="live-muted" role="status">
              {t('join.joining')}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
