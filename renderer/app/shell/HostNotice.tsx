import { useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostStatus } from '../../net/host-status';
import './HostNotice.css';

export interface HostNoticeProps {
  status: HostStatus;
}

/**
 * Shown for as long as the web-mode host is out of reach: what happened,
 * what still works, and whether typed work is kept. An alert, so it is heard
 * at once; it stays until the host is back (it is the state of things, not a
 * message to dismiss).
 */
export function HostNotice({ status }: HostNoticeProps) {
  const { t } = useTranslation('shell');
  const titleId = useId();
  const key = useSyncExternalStore(status.subscribe, () => `${status.link}|${status.buffer}`);
  const [link, buffer] = key.split('|');
  // Always rendered: a live region that already exists is announced far more reliably.
  const shown = link === 'lost' || link === 'refused';
  const title = link === 'refused' ? t('hostNotice.refusedTitle') : t('hostNotice.lostTitle');
  const body =
    link === 'refused'
      ? t('hostNotice.refusedBody')
      : buffer === 'working'
        ? t('hostNotice.lostBody')
        : t('hostNotice.lostUnsavedBody');
  return (
    <div role="alert" className="host-notice">
      {shown ? (
        <section className="host-notice__card" aria-labelledby={titleId}>
          <h2 id={titleId} className="host-notice__title">
            {title}
          </h2>
          <p className="host-notice__body">{body}</p>
        </section>
      ) : null}
    </div>
  );
}
