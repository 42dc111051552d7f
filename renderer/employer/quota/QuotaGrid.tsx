import { Check, X } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotaPersonMonth, QuotaPersonYear } from '../../../shared/protocol/quota';
import { Icon } from '../../ui/Icon';
import type { QuotaReport } from './quota-store';
import { useQuotaFormat } from './quota-format';

type T = ReturnType<typeof useTranslation<'quota'>>['t'];

/** What one worker's month says, in words: counted (and how many times), or why not. */
export function monthCellText(
  person: QuotaPersonYear,
  month: QuotaPersonMonth | undefined,
  report: QuotaReport,
  t: T,
): string {
  if (!month || (!month.counted && month.reasons.length === 0))
    return t('grid.excluded', { reasons: t('grid.reasons.not_employed') });
  if (month.counted) {
    const grade = person.record.grade;
    if (month.weight === 2) return t('grid.countsTwice', { grade });
    if (month.weight > 2) return t('grid.countsTimes', { count: month.weight, grade });
    return t('grid.counts');
  }
  const reasons = month.reasons
    .map((reason) => t(`grid.reasons.${reason}`, { months: report.parameters.contractMinMonths }))
    .join(t('grid.reasonSeparator'));
  return t('grid.excluded', { reasons });
}

/**
 * The month × person table: each cell says in words whether the worker
 * counts that month (twice for grade 1–2) or which checks it fails, with a
 * mark beside the words so colour is never the only sign. It scrolls
 * sideways inside a focusable region at large text sizes, so the keyboard
 * can reach every column.
 */
export function QuotaGrid({ report, printed = false }: { report: QuotaReport; printed?: boolean }) {
  const { t } = useTranslation('quota');
  const f = useQuotaFormat();
  const headingId = useId();
  const captionId = useId();
  const people = report.people;

  const table = (
    <table className="quota-grid" aria-describedby={captionId}>
      <caption id={captionId} className="quota-grid__caption">
        {t('grid.caption', { year: report.year })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('grid.month')}</th>
          <th scope="col">{t('grid.staff')}</th>
          {people.map((person) => (
            <th scope="col" key={person.record.user.id}>
              {person.record.user.displayName}
            </th>
          ))}
          <th scope="col">{t('grid.units')}</th>
        </tr>
      </thead>
      <tbody>
        {report.months.map((month) => (
          <tr key={month.month}>
            <th scope="row">{f.month(month.month)}</th>
            <td>{month.staff}</td>
            {people.map((person) => {
              const entry = person.months.find((m) => m.month === month.month);
              const counted = entry?.counted === true;
              return (
                <td
                  key={person.record.user.id}
                  className={counted ? 'quota-grid__cell quota-grid__cell--counted' : 'quota-grid__cell'}
                >
                  <Icon icon={counted ? Check : X} size="sm" className="quota-grid__mark" />
                  <span>{monthCellText(person, entry, report, t)}</span>
                </td>
              );
            })}
            <td>{month.countedUnits}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  if (printed) return table;
  return (
    <section aria-labelledby={headingId} className="quota-card">
      <h2 id={headingId} className="quota-card__title">
        {t('grid.title')}
      </h2>
      {people.length === 0 ? (
        <p>{t('grid.empty')}</p>
      ) : (
        // A focusable, named scroller: a keyboard or switch user can scroll a table wider than the screen.
        <div className="quota-grid__scroller" role="region" aria-label={t('grid.scroll')} tabIndex={0}>
          {table}
        </div>
      )}
    </section>
  );
}
