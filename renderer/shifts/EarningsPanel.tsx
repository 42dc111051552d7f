import { useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../shared/domain/calendar';
import { ledgerKinds, type LedgerKind } from '../../shared/domain/pay/kinds';
import type { EarningsView } from '../../shared/protocol/pay';
import { useSessionStore } from '../session/hooks';
import { Button } from '../ui/Button';
import { AccessibleChart } from '../ui/chart/AccessibleChart';
import { EmployerViewTable } from './EmployerViewTable';
import { earningsStore, type EarningsPeriod } from './earnings-store';
import { useShiftFormat, type ShiftFormat } from './format';

const periods: readonly EarningsPeriod[] = ['day', 'week', 'month'];
/** With nothing earned yet the table still shows its first line, at ¥0.00. */
const nothingYet: readonly LedgerKind[] = ['hours'];
/** The chart's one series: the day's earnings in fen. */
const daySeries = 'fen';

/**
 * Today, this week or this month: the total and each kind in ¥, a chart of
 * the days (with its table twin), the month's forecast with how it was
 * reached, and "what my employer sees", the very row of the employer's
 * output report. The period is a radio group: arrow keys move, one press each.
 */
export function EarningsPanel() {
  const { t } = useTranslation(['shifts', 'errors']);
  const store = useSessionStore(earningsStore);
  const snapshot = useSyncExternalStore(store.subscribe, () => store.earnings);
  const format = useShiftFormat(snapshot.view?.timeZone ?? null);
  const headingId = useId();
  const name = useId();
  const view = snapshot.view;

  return (
    <section
      aria-labelledby={headingId}
      className="shifts-panel shifts-earnings"
      aria-busy={snapshot.loading}
    >
      <h2 id={headingId} className="shifts-panel__title">
        {t('earnings.heading')}
      </h2>
      <fieldset className="shifts-periods">
        <legend>{t('earnings.period.label')}</legend>
        {periods.map((period) => (
          <label key={period} className="shifts-periods__choice">
            <input
              type="radio"
              name={name}
              value={period}
              checked={snapshot.period === period}
              onChange={() => void store.choosePeriod(period)}
            />
            <span>{t(`earnings.period.${period}`)}</span>
          </label>
        ))}
      </fieldset>

      {view === null ? (
        snapshot.error ? (
          <div className="shifts-note shifts-note--danger">
            <p>{t('earnings.failed', { reason: t(`errors:codes.${snapshot.error}`) })}</p>
            <Button onClick={() => void store.choosePeriod(snapshot.period)}>{t('earnings.retry')}</Button>
          </div>
        ) : (
          <p className="shifts-muted">{t('earnings.loading')}</p>
        )
      ) : (
        <EarningsFigures view={view} format={format} />
      )}
    </section>
  );
}

function EarningsFigures({ view, format }: { view: EarningsView; format: ShiftFormat }) {
  const { t } = useTranslation('shifts');
  const forecastId = useId();
  const kinds = ledgerKinds.filter((kind) => view.byKind[kind] !== 0);
  const best = view.days.reduce<(typeof view.days)[number] | null>(
    (top, day) => (top === null || day.fen > top.fen ? day : top),
    null,
  );
  const lastDay = addDays(view.to, -1);
  return (
    <>
      <p className="shifts-muted">
        {view.from === lastDay
          ? format.day(view.from)
          : t('earnings.range', { from: format.day(view.from), to: format.day(lastDay) })}
      </p>
      <p className="shifts-earnings__total">
        <span>{t('earnings.total')}</span>{' '}
        <strong data-testid="earnings-total">{format.fen(view.totalFen)}</strong>
      </p>
      <table className="shifts-table">
        <caption>{t('earnings.byKind')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('earnings.kindHeader')}</th>
            <th scope="col" className="shifts-table__number">
              {t('earnings.amountHeader')}
            </th>
          </tr>
        </thead>
        <tbody>
          {(kinds.length > 0 ? kinds : nothingYet).map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`earnings.kind.${kind}`)}</th>
              <td className="shifts-table__number">{format.fen(view.byKind[kind])}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {view.days.length > 1 ? (
        <AccessibleChart
          title={t('earnings.chartTitle')}
          summary={
            best === null || view.totalFen === 0
              ? t('earnings.chartSummaryEmpty')
              : t('earnings.chartSummary', {
                  total: format.fen(view.totalFen),
                  days: view.days.length,
                  best: format.day(best.day),
                  bestAmount: format.fen(best.fen),
                })
          }
          series={[{ key: daySeries, label: t('earnings.series'), pattern: 'solid' }]}
          points={view.days.map((day) => ({
            key: day.day,
            label: format.day(day.day),
            values: { fen: day.fen },
          }))}
          format={(fen) => format.fen(fen)}
          pointHeader={t('earnings.dayHeader')}
        />
      ) : null}

      <section className="shifts-forecast" aria-labelledby={forecastId}>
        <h3 id={forecastId} className="shifts-panel__subtitle">
          {t('earnings.forecast.heading')}
        </h3>
        {view.forecast ? (
          <>
            <p className="shifts-earnings__forecast">
              {t('earnings.forecast.value', { amount: format.fen(view.forecast.forecastFen) })}
            </p>
            <p className="shifts-muted">
              {t('earnings.forecast.how', {
                earned: format.fen(view.forecast.earnedFen),
                workedDays: view.forecast.workedDays,
                elapsedDays: view.forecast.elapsedDays,
                pace: format.fen(view.forecast.paceFen),
                more: view.forecast.expectedMoreDays,
              })}
            </p>
          </>
        ) : (
          <p className="shifts-muted">{t('earnings.forecast.pick')}</p>
        )}
      </section>

      <EmployerViewTable row={view.employerView} format={format} />
    </>
  );
}
