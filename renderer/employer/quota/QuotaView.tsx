import { RefreshCw } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { PackActions } from './PackActions';
import { ParametersForm } from './ParametersForm';
import { QuotaFigures } from './QuotaFigures';
import { QuotaGrid } from './QuotaGrid';
import { QuotaWarnings } from './QuotaWarnings';
import { quotaStore } from './quota-store';
import { useQuotaFormat } from './quota-format';
import { YearChooser } from './YearChooser';
import '../../ui/Field.css';
import './quota.css';

/**
 * The disability-employment quota report (按比例安排残疾人就业) of one year:
 * warnings first, then the figures and the levy estimate with everything it
 * was worked out from, the month-by-person table, the verification pack and
 * the parameters. Every figure is the hub's (server/quota/report.ts); this
 * view only words and lays them out.
 */
export function QuotaView() {
  const { t } = useTranslation(['quota', 'errors']);
  const store = useSessionStore(quotaStore);
  const report = useSyncExternalStore(store.subscribe, () => store.report);
  const failure = useSyncExternalStore(store.subscribe, () => store.reportFailure);
  const year = useSyncExternalStore(store.subscribe, () => store.year);
  const f = useQuotaFormat();

  return (
    <div className="quota">
      <p className="quota__intro">{t('report.intro')}</p>
      <div className="quota__toolbar">
        <YearChooser />
        <Button icon={RefreshCw} onClick={() => void store.refresh()}>
          {t('report.refresh')}
        </Button>
      </div>
      {failure ? (
        <div role="alert" className="quota-card">
          <p>{t('report.failed', { reason: t(`errors:codes.${failure}`) })}</p>
          <Button icon={RefreshCw} onClick={() => void store.refresh()}>
            {t('report.retry')}
          </Button>
        </div>
      ) : null}
      {report === null ? (
        failure ? null : (
          <p role="status">{t('report.loading')}</p>
        )
      ) : (
        <>
          <p className="quota__scope">
            {t('report.scope', { count: report.months.length, year })}{' '}
            {t('report.generated', { time: f.time(report.generatedAt) })}
          </p>
          <QuotaWarnings report={report} />
          <QuotaFigures report={report} />
          <QuotaGrid report={report} />
          <PackActions report={report} />
        </>
      )}
      <ParametersForm />
    </div>
  );
}
