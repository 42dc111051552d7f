import { RefreshCw } from 'lucide-react';
import { useEffect, useId, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { textLang } from '../../../shared/i18n/text-lang';
import { useDateTimeFormat } from '../conversation/useDateTimeFormat';
import { useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { csatScores, summariseCsat } from './csat';
import { csatStore, csatWindow } from './csat-store';
import './supervisor.css';

/**
 * What customers said, over the latest resolved conversations (the window is
 * said on screen): the average, how many gave each score as words and a bar,
 * per agent, and the newest comments. The bars repeat the words; they carry
 * nothing a screen reader or a high-contrast theme would miss.
 */
export function CsatSummary() {
  const { t, i18n } = useTranslation(['tickets', 'errors']);
  const store = useSessionStore(csatStore);
  const items = useSyncExternalStore(store.subscribe, () => store.items);
  const total = useSyncExternalStore(store.subscribe, () => store.total);
  const loaded = useSyncExternalStore(store.subscribe, () => store.loaded);
  const error = useSyncExternalStore(store.subscribe, () => store.error);
  const formatTime = useDateTimeFormat();
  const headingId = useId();
  const summary = useMemo(() => summariseCsat(items), [items]);
  const language = i18n.resolvedLanguage ?? 'en';
  const oneDecimal = useMemo(
    () => new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    [language],
  );
  const percent = useMemo(() => new Intl.NumberFormat(language, { style: 'percent' }), [language]);

  // Shown: read again, so a supervisor opening it sees the ratings of now.
  useEffect(() => {
    void store.refresh();
  }, [store]);

  return (
    <section aria-labelledby={headingId} className="supervisor-section csat">
      <h3 id={headingId} className="supervisor-section__title">
        {t('supervisor.csat.title')}
      </h3>
      <p className="field__hint">{t('supervisor.csat.window', { window: csatWindow, count: total })}</p>
      <div className="supervisor__actions">
        <Button icon={RefreshCw} onClick={() => void store.refresh()}>
          {t('supervisor.csat.refresh')}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="supervisor__error">
          {t('supervisor.csat.loadFailed', { reason: t(`errors:codes.${error}`) })}
        </p>
      ) : null}
      {!loaded && !error ? <p role="status">{t('supervisor.csat.loading')}</p> : null}
      {loaded ? (
        <>
          <p className="csat__average">
            {summary.average === null
              ? t('supervisor.csat.noRatings')
              : t('supervisor.csat.average', {
                  average: oneDecimal.format(summary.average),
                  count: summary.rated,
                  resolved: summary.resolved,
                })}
          </p>
          {summary.rated > 0 ? (
            <>
              <h4 className="csat__subtitle">{t('supervisor.csat.distribution')}</h4>
              <ul className="csat__bars">
                {[...csatScores].reverse().map((score) => {
                  const count = summary.distribution[score];
                  const share = count / summary.rated;
                  return (
                    <li key={score} className="csat__bar-row">
                      <span className="csat__bar-label">
                        {t('supervisor.csat.scoreLine', { score, count, share: percent.format(share) })}
                      </span>
                      <span className="csat__bar" aria-hidden="true">
                        <span
                          className="csat__bar-fill"
                          style={{ inlineSize: `${Math.round(share * 100)}%` }}
                        />
                      </span>
                    </li>
                  );
                })}
              </ul>
              <h4 className="csat__subtitle">{t('supervisor.csat.byAgent')}</h4>
              <ul className="csat__agents">
                {summary.byAgent.map((agent) => (
                  <li key={agent.agentId}>
                    <span lang={textLang(agent.name)}>{agent.name}</span>
                    {': '}
                    {t('supervisor.csat.agentLine', {
                      average: oneDecimal.format(agent.average),
                      count: agent.rated,
                    })}
                  </li>
                ))}
              </ul>
              <h4 className="csat__subtitle">{t('supervisor.csat.comments')}</h4>
              {summary.comments.length === 0 ? (
                <p className="field__hint">{t('supervisor.csat.noComments')}</p>
              ) : (
                <ul className="csat__comments">
                  {summary.comments.map((c) => (
                    <li key={c.ticketId} className="csat__comment">
                      <p className="csat__comment-meta">
                        {t('supervisor.csat.commentMeta', {
                          score: c.score,
                          number: c.number,
                          customer: c.customer,
                          time: formatTime(c.at),
                        })}
                        {c.agent ? ` · ${t('supervisor.csat.commentAgent', { name: c.agent })}` : null}
                      </p>
                      <blockquote className="csat__comment-text" lang={textLang(c.comment)}>
                        {c.comment}
                      </blockquote>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
