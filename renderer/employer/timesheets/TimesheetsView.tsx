import { ChevronLeft, ChevronRight, FileText, RefreshCw } from 'lucide-react';
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addDays,
  addMonths,
  dayKeyOf,
  defaultTimeZone,
  monthKeyOf,
  monthStart,
} from '../../../shared/domain/calendar';
import type { TimesheetPeriod, TimesheetRow } from '../../../shared/protocol/shifts';
import { useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { dayFormatter, useDurationFormat } from '../output/figures';
import { TableScroll } from '../TableScroll';
import { TimesheetPanel } from './TimesheetPanel';
import { timesheetsStore } from './timesheets-store';
import './timesheets.css';

const periods: readonly TimesheetPeriod[] = ['week', 'month'];

function step(period: TimesheetPeriod, start: string, by: number): string {
  return period === 'week' ? addDays(start, 7 * by) : monthStart(addMonths(monthKeyOf(start), by));
}

/** Every worker's timesheet for a week or a month, and the one the supervisor opened to decide on. */
export function TimesheetsView() {
  const { t, i18n } = useTranslation(['timesheets', 'employer']);
  const store = useSessionStore(timesheetsStore);
  const choice = useSyncExternalStore(store.subscribe, () => store.choice);
  const list = useSyncExternalStore(store.subscribe, () => store.list);
  const failure = useSyncExternalStore(store.subscribe, () => store.listFailure);
  const openUserId = useSyncExternalStore(store.subscribe, () => store.openUserId);
  const language = i18n.resolvedLanguage ?? 'en';
  const day = useMemo(() => dayFormatter(language), [language]);
  const id = useId();
  const [openedAt] = useState(() => Date.now());

  useEffect(() => {
    if (choice === null) void store.choose({ period: 'week', start: dayKeyOf(Date.now(), defaultTimeZone) });
  }, [choice, store]);

  const period = list?.period ?? choice?.period ?? 'week';
  const start = list?.start ?? choice?.start ?? dayKeyOf(openedAt, defaultTimeZone);
  const rangeText = list ? t('range', { from: day(list.start), to: day(addDays(list.end, -1)) }) : '';

  return (
    <div className="timesheets">
      <div className="timesheets__chooser">
        <fieldset>
          <legend>{t('period')}</legend>
          <div className="timesheets__choices">
            {periods.map((p) => (
              <label key={p} className="timesheets__choice">
                <input
                  type="radio"
                  name={`${id}-period`}
                  value={p}
                  checked={period === p}
                  onChange={() => void store.choose({ period: p, start })}
                />
                {t(`periods.${p}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div role="group" aria-label={t('moveGroup')} className="timesheets__move">
          <Button
            icon={ChevronLeft}
            onClick={() => void store.choose({ period, start: step(period, start, -1) })}
          >
            {t(`previous.${period}`)}
          </Button>
          <Button onClick={() => void store.choose({ period, start: dayKeyOf(Date.now(), defaultTimeZone) })}>
            {t(`current.${period}`)}
          </Button>
          <Button
            icon={ChevronRight}
            onClick={() => void store.choose({ period, start: step(period, start, 1) })}
          >
            {t(`next.${period}`)}
          </Button>
        </div>
      </div>

      <p role="status">{list ? rangeText : failure ? '' : t('employer:loading')}</p>
      {failure ? (
        <div role="alert">
          <p>{t('listFailed')}</p>
          <Button icon={RefreshCw} onClick={() => void store.refresh()}>
            {t('employer:retry')}
          </Button>
        </div>
      ) : null}

      {list ? (
        <TableScroll label={t('listCaption', { range: rangeText })}>
          <table className="employer-table">
            <caption>{t('listCaption', { range: rangeText })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.worker')}</th>
                <th scope="col">{t('columns.team')}</th>
                <th scope="col">{t('columns.worked')}</th>
                <th scope="col">{t('columns.breaks')}</th>
                <th scope="col">{t('columns.shifts')}</th>
                <th scope="col">{t('columns.status')}</th>
                <th scope="col">{t('columns.notes')}</th>
                <th scope="col">{t('columns.open')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <TimesheetLine
                  key={row.user.id}
                  row={row}
                  open={openUserId === row.user.id}
                  onOpen={() => void store.open(row.user.id)}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}

      {openUserId !== null ? <TimesheetPanel key={`${openUserId}-${start}-${period}`} /> : null}
    </div>
  );
}

function TimesheetLine({ row, open, onOpen }: { row: TimesheetRow; open: boolean; onOpen: () => void }) {
  const { t } = useTranslation(['timesheets', 'employer']);
  const duration = useDurationFormat();
  const notes = [row.flagged ? t('flagged') : null, row.edited ? t('edited') : null].filter(
    (n): n is string => n !== null,
  );
  return (
    <tr aria-current={open ? 'true' : undefined}>
      <th scope="row">{row.user.displayName}</th>
      <td>{row.team?.name ?? t('employer:none')}</td>
      <td>{duration(row.workedMs)}</td>
      <td>{duration(row.breakMs)}</td>
      <td>{row.shifts}</td>
      <td>
        <span className={`timesheets__status timesheets__status--${row.status}`}>
          {t(`status.${row.status}`)}
        </span>
      </td>
      <td>{notes.length === 0 ? t('employer:none') : notes.join(t('employer:listSeparator'))}</td>
      <td>
        <Button icon={FileText} aria-pressed={open} onClick={onOpen}>
          {t('open', { name: row.user.displayName })}
        </Button>
      </td>
    </tr>
  );
}
