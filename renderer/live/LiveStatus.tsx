import { TriangleAlert } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from './duration';
import { useDevicesSnapshot, useLiveSnapshot, useMoney, useNow } from './live-hooks';
import { liveBroadcast, type LiveStore } from './live-store';
import { networkProblems } from './network-health';
import { targetBitrate } from './quality';

/** The encoder ramps up from nothing: the bitrate rule starts this long into the broadcast. */
const warmUpMs = 15_000;

/**
 * The broadcast's figures as a description list (read in order by a screen
 * reader, not announced on every change: the numbers move every 2 s) and a
 * warning, announced once when it appears, on a poor network.
 */
export function LiveStatus({ store }: { store: LiveStore }) {
  const { t } = useTranslation('live');
  const snapshot = useLiveSnapshot(store);
  const { preset } = useDevicesSnapshot(store);
  const money = useMoney();
  const headingId = useId();
  const state = snapshot.console;
  const broadcast = liveBroadcast(state);
  const now = useNow(broadcast !== null);
  const figures = state?.room.figures ?? { viewers: 0, likes: 0, orders: 0, gmvFen: 0 };
  const send = broadcast ? (state?.send ?? null) : null;
  const elapsed = broadcast ? now - broadcast.startedAt : 0;
  const problems = networkProblems(send, targetBitrate(preset), elapsed > warmUpMs);

  return (
    <section aria-labelledby={headingId} className="live-panel live-status">
      <h2 id={headingId} className="live-panel__title">
        {t('status.heading')}
      </h2>
      <dl className="live-status__figures">
        <Figure term={t('status.duration')} value={broadcast ? formatDuration(elapsed) : '—'} />
        <Figure term={t('status.viewers')} value={String(figures.viewers)} />
        <Figure term={t('status.likes')} value={String(figures.likes)} />
        <Figure term={t('status.orders')} value={String(figures.orders)} />
        <Figure term={t('status.gmv')} value={money(figures.gmvFen)} />
        <Figure
          term={t('status.bitrate')}
          value={send ? t('status.kbps', { value: Math.round(send.bitrate / 1000) }) : '—'}
        />
        <Figure
          term={t('status.loss')}
          value={
            send ? t('status.percent', { value: (Math.round(send.packetLoss * 1000) / 10).toFixed(1) }) : '—'
          }
        />
      </dl>
      <div role="status" className="live-status__network">
        {problems.length > 0 ? (
          <p className="live-status__warning">
            <TriangleAlert aria-hidden="true" className="live-status__warning-icon" />
            {t('status.poorNetwork', {
              why: problems.map((p) => t(`status.problem.${p}`)).join(t('status.problemJoin')),
            })}
          </p>
        ) : null}
      </div>
      {broadcast?.recovering ? <p className="live-status__recovering">{t('status.recovering')}</p> : null}
    </section>
  );
}

function Figure({ term, value }: { term: string; value: string }) {
  return (
    <div className="live-status__figure">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
