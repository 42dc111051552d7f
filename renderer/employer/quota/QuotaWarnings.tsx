import { TriangleAlert } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotaWarning } from '../../../shared/protocol/quota';
import { useSessionStore } from '../../session/hooks';
import { Icon } from '../../ui/Icon';
import { peopleStore } from './people-store';
import type { QuotaReport } from './quota-store';
import { useQuotaFormat, type QuotaFormat } from './quota-format';

type T = ReturnType<typeof useTranslation<'quota'>>['t'];

/** The words of one warning: who, which month, and why it matters. */
export function warningText(warning: QuotaWarning, report: QuotaReport, t: T, f: QuotaFormat): string {
  const person = report.people.find((p) => p.record.user.id === warning.userId);
  const name = person?.record.user.displayName ?? t('warnings.someone');
  const month = warning.month ? f.month(warning.month) : '';
  switch (warning.kind) {
    case 'contract_ending':
      return t('warnings.contract_ending', { name, day: warning.day ? f.day(warning.day) : '' });
    case 'contract_short':
      return t('warnings.contract_short', { name, months: report.parameters.contractMinMonths });
    case 'wage_below_minimum': {
      const wage = person?.months.find((m) => m.month === warning.month)?.wageFen ?? 0;
      return t('warnings.wage_below_minimum', {
        name,
        month,
        wage: f.money(wage),
        minimum: f.money(report.parameters.minimumMonthlyWageFen),
      });
    }
    case 'insurance_missing':
      return t('warnings.insurance_missing', { name, month });
    case 'below_quota':
      return t('warnings.below_quota', {
        ratio: f.percent(report.ratioBp),
        quota: f.percent(report.quotaBp),
        shortfall: f.people(report.shortfallHundredths),
      });
  }
}

/**
 * Every gap the report found, first on the page and in words: each names
 * the person and the month and links to their record, where it is fixed.
 */
export function QuotaWarnings({ report }: { report: QuotaReport }) {
  const { t } = useTranslation('quota');
  const f = useQuotaFormat();
  const people = useSessionStore(peopleStore);
  const headingId = useId();
  const { warnings } = report;
  return (
    <section aria-labelledby={headingId} className="quota-card quota-warnings">
      <h2 id={headingId} className="quota-card__title">
        {t('warnings.title')}
        {warnings.length > 0 ? (
          <span className="quota-warnings__count"> ({t('warnings.count', { count: warnings.length })})</span>
        ) : null}
      </h2>
      {warnings.length === 0 ? (
        <p>{t('warnings.none')}</p>
      ) : (
        <ul className="quota-warnings__list">
          {warnings.map((warning, index) => {
            const person = report.people.find((p) => p.record.user.id === warning.userId);
            const name = person?.record.user.displayName;
            return (
              <li key={`${warning.kind}-${warning.userId ?? 0}-${warning.month ?? ''}-${index}`}>
                <Icon icon={TriangleAlert} size="sm" className="quota-warnings__icon" />
                <span>{warningText(warning, report, t, f)}</span>
                {warning.userId !== undefined && name ? (
                  <a
                    href="#/employer/people"
                    className="quota-link"
                    onClick={() => people.openRecord(warning.userId ?? 0, warning.month ?? null)}
                  >
                    {warning.month
                      ? t('warnings.openMonth', { name, month: f.month(warning.month) })
                      : t('warnings.open', { name })}
                  </a>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
