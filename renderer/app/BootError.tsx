import { useTranslation } from 'react-i18next';
import './BootError.css';

/**
 * Why the page could not start: it was opened without the printed link's
 * token (`missing`), with one from another launch (`stale`), the host is not
 * running (`lost`), or it answered something else (`other`).
 */
export type BootProblem = 'missing' | 'stale' | 'lost' | 'other';

export interface BootErrorProps {
  problem?: BootProblem;
  /** Drafts and sends kept in this browser from while the host was away, of any worker (counts only). */
  kept?: number;
}

const texts = {
  missing: ['tokenMissingTitle', 'tokenMissingBody'],
  stale: ['tokenStaleTitle', 'tokenStaleBody'],
  lost: ['bridgeTitle', 'bridgeLostBody'],
  other: ['bridgeTitle', 'bridgeBody'],
} as const;

/** Shown when the host bridge refuses or never answers: nothing else can work without it. */
export function BootError({ problem = 'other', kept = 0 }: BootErrorProps) {
  const { t } = useTranslation(['errors', 'common']);
  const [title, body] = texts[problem];
  return (
    <main className="boot-error">
      <div className="boot-error__card" role="alert">
        <p className="boot-error__product">{t('common:productName')}</p>
        <h1 className="boot-error__title">{t(title)}</h1>
        <p>{t(body)}</p>
        {kept > 0 ? <p>{t('keptInBrowser', { count: kept })}</p> : null}
      </div>
    </main>
  );
}
