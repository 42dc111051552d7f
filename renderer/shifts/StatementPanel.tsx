import { FileDown } from 'lucide-react';
import { useId, useState, useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, dayKeyOf, monthKeyOf, type MonthKey } from '../../shared/domain/calendar';
import type { LedgerKind } from '../../shared/domain/pay/kinds';
import type { Statement, StatementLine } from '../../shared/protocol/pay';
import { useAlerts } from '../a11y/alerts/AlertsProvider';
import { useSessionStore } from '../session/hooks';
import { Button } from '../ui/Button';
import { printDocument, printRootAttribute } from '../ui/print/print';
import { earningsStore } from './earnings-store';
import { useShiftFormat, type ShiftFormat } from './format';

/** This month and the eleven before it: a year of statements to choose from. */
const monthsOffered = 12;

/**
 * The monthly pay statement: chosen from the last twelve months, shown as a
 * printable document (the one element marked for print) and saved as a PDF
 * through the workstation, or the browser's print dialog in web mode.
 */
export function StatementPanel({ now = Date.now }: { now?: () => number }) {
  const { t } = useTranslation(['shifts', 'errors']);
  const store = useSessionStore(earningsStore);
  const snapshot = useSyncExternalStore(store.subscribe, () => store.statement);
  const zone = store.zone;
  const thisMonth = monthKeyOf(dayKeyOf(now(), zone));
  const months = Array.from({ length: monthsOffered }, (_, i) => addMonths(thisMonth, -i));
  const [chosen, setChosen] = useState<MonthKey>(snapshot.month ?? thisMonth);
  const format = useShiftFormat(snapshot.statement?.timeZone ?? zone);
  const headingId = useId();
  const selectId = useId();

  return (
    <section aria-labelledby={headingId} className="shifts-panel shifts-statement">
      <h2 id={headingId} className="shifts-panel__title">
        {t('statement.heading')}
      </h2>
      <div className="shifts-statement__choose">
        <label htmlFor={selectId}>{t('statement.month')}</label>
        <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
          {months.map((month) => (
            <option key={month} value={month}>
              {format.month(month)}
            </option>
          ))}
        </select>
        <Button primary onClick={() => void store.openStatement(chosen)}>
          {t('statement.show')}
        </Button>
        {snapshot.month !== null ? (
          <Button ghost onClick={() => store.closeStatement()}>
            {t('statement.close')}
          </Button>
        ) : null}
      </div>
      {snapshot.month === null ? null : snapshot.statement ? (
        <StatementDocument statement={snapshot.statement} format={format} />
      ) : snapshot.error ? (
        <p className="shifts-note shifts-note--danger">
          {t('statement.failed', { reason: t(`errors:codes.${snapshot.error}`) })}
        </p>
      ) : (
        <p className="shifts-muted">{t('statement.loading')}</p>
      )}
    </section>
  );
}

export function StatementDocument({ statement, format }: { statement: Statement; format: ShiftFormat }) {
  const { t } = useTranslation('shifts');
  const { notify } = useAlerts();
  const [saving, setSaving] = useState(false);
  const titleId = useId();
  const month = format.month(statement.month);
  const print = { [printRootAttribute]: '' };

  async function save() {
    setSaving(true);
    try {
      const outcome = await printDocument(
        t('statement.fileName', { month: statement.month, name: statement.worker.displayName }),
      );
      notify({ kind: 'info', message: t(`statement.${outcome}`) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <article aria-labelledby={titleId} className="shifts-document" {...print}>
      <div
        role="toolbar"
        aria-label={t('statement.actions')}
        className="shifts-document__tools"
        data-print-hide=""
      >
        <Button primary icon={FileDown} disabled={saving} onClick={() => void save()}>
          {t('statement.save')}
        </Button>
      </div>
      <h3 id={titleId} className="shifts-document__title">
        {t('statement.title', { month })}
      </h3>
      <dl className="shifts-document__facts">
        <div>
          <dt>{t('statement.worker')}</dt>
          <dd>{statement.worker.displayName}</dd>
        </div>
        <div>
          <dt>{t('statement.organisation')}</dt>
          <dd>{statement.organisation.name}</dd>
        </div>
        <div>
          <dt>{t('statement.period')}</dt>
          <dd>
            {t('earnings.range', {
              from: format.day(statement.from),
              to: format.day(addDays(statement.to, -1)),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('statement.hours')}</dt>
          <dd>{format.duration(statement.hoursMs)}</dd>
        </div>
      </dl>

      <table className="shifts-table">
        <caption>{t('statement.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statement.item')}</th>
            <th scope="col" className="shifts-table__number">
              {t('statement.quantity')}
            </th>
            <th scope="col" className="shifts-table__number">
              {t('statement.rate')}
            </th>
            <th scope="col" className="shifts-table__number">
              {t('statement.entries')}
            </th>
            <th scope="col" className="shifts-table__number">
              {t('statement.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {statement.lines.length === 0 ? (
            <tr>
              <td colSpan={5}>{t('statement.noLines')}</td>
            </tr>
          ) : (
            statement.lines.map((line) => (
              <tr key={`${line.kind}:${line.rate}`} data-testid="statement-line">
                <th scope="row">{t(`earnings.kind.${line.kind}`)}</th>
                <td className="shifts-table__number">{quantityText(line, format, t)}</td>
                <td className="shifts-table__number">{rateText(line.kind, line.rate, format, t)}</td>
                <td className="shifts-table__number">{line.entries}</td>
                <td className="shifts-table__number">{format.fen(line.amountFen)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <table className="shifts-table">
        <caption>{t('statement.corrections')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statement.day')}</th>
            <th scope="col">{t('statement.reason')}</th>
            <th scope="col">{t('statement.author')}</th>
            <th scope="col" className="shifts-table__number">
              {t('statement.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {statement.corrections.length === 0 ? (
            <tr>
              <td colSpan={4}>{t('statement.noCorrections')}</td>
            </tr>
          ) : (
            statement.corrections.map((c) => (
              <tr key={c.id} data-testid="statement-correction">
                <td>{format.day(c.day)}</td>
                <td>{c.reason}</td>
                <td>{c.author?.displayName ?? t('statement.unit.none')}</td>
                <td className="shifts-table__number">{format.fen(c.amountFen)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <p className="shifts-document__total">
        <span>{t('statement.total')}</span>{' '}
        <strong data-testid="statement-total">{format.fen(statement.totalFen)}</strong>
      </p>
      <p className="shifts-muted">{t('statement.totalNote')}</p>
      <p className="shifts-muted">
        {t('statement.generated', { at: format.dateTime(statement.generatedAt) })}
      </p>
    </article>
  );
}

type T = TFunction<'shifts'>;

/** Minutes for time, a count for tickets and ratings, ¥ of sales for commission. */
function quantityText(line: StatementLine, format: ShiftFormat, t: T): string {
  switch (line.kind) {
    case 'hours':
    case 'live':
    case 'adjustment':
      return t('statement.unit.minutes', { count: line.quantity });
    case 'ticket':
    case 'csat':
      return t('statement.unit.count', { count: line.quantity });
    case 'commission':
    case 'refund':
      return format.fen(line.quantity);
    case 'correction':
      return t('statement.unit.none');
  }
}

/** Basis points as a percentage with integer arithmetic: 550 is "5.50". */
function basisPoints(bp: number): string {
  const abs = Math.abs(bp);
  return `${bp < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function rateText(kind: LedgerKind, rate: number, format: ShiftFormat, t: T): string {
  switch (kind) {
    case 'hours':
    case 'live':
    case 'adjustment':
      return t('statement.unit.perHour', { amount: format.fen(rate) });
    case 'ticket':
    case 'csat':
      return t('statement.unit.each', { amount: format.fen(rate) });
    case 'commission':
    case 'refund':
      return t('statement.unit.percent', { value: basisPoints(rate) });
    case 'correction':
      return t('statement.unit.none');
  }
}
