import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputRow } from '../../shared/protocol/pay';
import type { ShiftFormat } from './format';

/**
 * "What my employer sees": the worker's row of the employer's output report
 * for the same period, figure by figure, as the hub computed it for both of
 * them. Nothing here is recomputed in the page, so the two cannot differ.
 */
export function EmployerViewTable({ row, format }: { row: OutputRow; format: ShiftFormat }) {
  const { t } = useTranslation('shifts');
  const headingId = useId();
  const none = t('earnings.employer.none');
  const figures: readonly [string, string][] = [
    [t('earnings.employer.ticketsResolved'), String(row.ticketsResolved)],
    [
      t('earnings.employer.firstResponse'),
      row.firstResponseMedianMs === null ? none : format.duration(row.firstResponseMedianMs),
    ],
    [
      t('earnings.employer.csat'),
      row.csatAverage === null
        ? none
        : t('earnings.employer.csatValue', {
            value: (row.csatAverage / 100).toFixed(2),
            count: row.csatCount,
          }),
    ],
    [t('earnings.employer.liveMinutes'), String(row.liveMinutes)],
    [t('earnings.employer.orders'), String(row.orders)],
    [t('earnings.employer.gmv'), format.fen(row.gmvFen)],
    [t('earnings.employer.worked'), format.duration(row.workedMs)],
    [t('earnings.employer.earnings'), format.fen(row.earningsFen)],
  ];
  return (
    <section aria-labelledby={headingId} className="shifts-employer">
      <h3 id={headingId} className="shifts-panel__subtitle">
        {t('earnings.employer.heading')}
      </h3>
      <p className="shifts-muted">{t('earnings.employer.intro')}</p>
      <table className="shifts-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('earnings.employer.figure')}</th>
            <th scope="col" className="shifts-table__number">
              {t('earnings.employer.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="shifts-table__number">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
