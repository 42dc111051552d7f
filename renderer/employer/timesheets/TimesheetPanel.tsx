import { Pencil, RefreshCw, X } from 'lucide-react';
import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/domain/calendar';
import type { ClockEventView, Timesheet, TimesheetShift } from '../../../shared/protocol/shifts';
import { useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { dayFormatter, useDurationFormat } from '../output/figures';
import { TableScroll } from '../TableScroll';
import { AuditTrail } from './AuditTrail';
import { DecisionForm } from './DecisionForm';
import { ShiftEditForm } from './ShiftEditForm';
import { useStampFormats } from './stamp-formats';
import { timesheetsStore } from './timesheets-store';

/** The open timesheet: its decision, every day's shifts with their clock events, and the audit trail. */
export function TimesheetPanel() {
  const { t, i18n } = useTranslation(['timesheets', 'employer', 'errors']);
  const store = useSessionStore(timesheetsStore);
  const sheet = useSyncExternalStore(store.subscribe, () => store.sheet);
  const failure = useSyncExternalStore(store.subscribe, () => store.sheetFailure);
  const language = i18n.resolvedLanguage ?? 'en';
  const day = useMemo(() => dayFormatter(language), [language]);
  const headingId = useId();

  if (!sheet) {
    return failure ? (
      <div role="alert">
        <p>{t('sheetFailed', { reason: t(`errors:codes.${failure}`) })}</p>
        <Button icon={RefreshCw} onClick={() => void store.refresh()}>
          {t('employer:retry')}
        </Button>
      </div>
    ) : (
      <p role="status">{t('employer:loading')}</p>
    );
  }

  const range = t('range', { from: day(sheet.start), to: day(addDays(sheet.end, -1)) });
  return (
    <section aria-labelledby={headingId} className="timesheet">
      <div className="timesheet__head">
        <h2 id={headingId} tabIndex={-1}>
          {t('sheetHeading', { name: sheet.user.displayName, range })}
        </h2>
        <Button icon={X} onClick={() => void store.open(null)}>
          {t('close')}
        </Button>
      </div>
      <SheetFacts sheet={sheet} />
      <DecisionForm userId={sheet.user.id} name={sheet.user.displayName} status={sheet.status} />
      <SheetDays sheet={sheet} />
      {sheet.ignored.length > 0 ? (
        <section aria-labelledby={`${headingId}-ignored`}>
          <h3 id={`${headingId}-ignored`}>{t('ignoredHeading')}</h3>
          <EventsTable events={sheet.ignored} timeZone={sheet.timeZone} caption={t('ignoredCaption')} />
        </section>
      ) : null}
      <AuditTrail sheet={sheet} />
    </section>
  );
}

function SheetFacts({ sheet }: { sheet: Timesheet }) {
  const { t } = useTranslation(['timesheets', 'employer']);
  const duration = useDurationFormat();
  const { stamp } = useStampFormats(sheet.timeZone);
  return (
    <dl className="timesheet__facts">
      <dt>{t('columns.status')}</dt>
      <dd>
        <span className={`timesheets__status timesheets__status--${sheet.status}`}>
          {t(`status.${sheet.status}`)}
        </span>
      </dd>
      <dt>{t('columns.worked')}</dt>
      <dd>{duration(sheet.workedMs)}</dd>
      <dt>{t('columns.breaks')}</dt>
      <dd>{duration(sheet.breakMs)}</dd>
      {sheet.decidedBy && sheet.decidedAt !== null ? (
        <>
          <dt>{t('decided')}</dt>
          <dd>{t('decidedBy', { name: sheet.decidedBy.displayName, at: stamp(sheet.decidedAt) })}</dd>
        </>
      ) : null}
      {sheet.comment ? (
        <>
          <dt>{t('comment')}</dt>
          <dd>{sheet.comment}</dd>
        </>
      ) : null}
    </dl>
  );
}

function SheetDays({ sheet }: { sheet: Timesheet }) {
  const { t, i18n } = useTranslation(['timesheets', 'employer']);
  const duration = useDurationFormat();
  const language = i18n.resolvedLanguage ?? 'en';
  const day = useMemo(() => dayFormatter(language), [language]);
  const headingId = useId();
  const worked = sheet.days.filter((d) => d.shifts.length > 0);
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('daysHeading')}</h3>
      {worked.length === 0 ? <p>{t('noShifts')}</p> : null}
      <ol className="timesheet__days">
        {worked.map((d) => (
          <li key={d.day} className="timesheet__day">
            <h4>
              {t('dayLine', { day: day(d.day), worked: duration(d.workedMs), breaks: duration(d.breakMs) })}
            </h4>
            <ul className="timesheet__shifts">
              {d.shifts.map((shift) => (
                <ShiftItem key={shift.shiftKey} shift={shift} sheet={sheet} />
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ShiftItem({ shift, sheet }: { shift: TimesheetShift; sheet: Timesheet }) {
  const { t } = useTranslation(['timesheets', 'employer']);
  const duration = useDurationFormat();
  const { clock } = useStampFormats(sheet.timeZone);
  const [editing, setEditing] = useState(false);
  const labelId = useId();
  const end = shift.endedAt === null ? t('stillOpen') : clock(shift.endedAt);
  const flags = shift.flags.map((f) => t(`flags.${f}`));
  return (
    <li className="timesheet__shift">
      <p id={labelId} className="timesheet__shift-line">
        {t('shiftLine', {
          start: clock(shift.startedAt),
          end,
          worked: duration(shift.workedMs),
          breaks: duration(shift.breakMs),
        })}
        {shift.edited ? <span className="timesheet__tag">{t('edited')}</span> : null}
        {flags.map((f) => (
          <span key={f} className="timesheet__tag timesheet__tag--warn">
            {f}
          </span>
        ))}
      </p>
      <Button
        icon={Pencil}
        aria-expanded={editing}
        aria-describedby={labelId}
        onClick={() => setEditing(!editing)}
      >
        {t('editShift')}
      </Button>
      {editing ? (
        <ShiftEditForm
          userId={sheet.user.id}
          shift={shift}
          timeZone={sheet.timeZone}
          onClose={() => setEditing(false)}
        />
      ) : null}
      <details className="timesheet__events">
        <summary>{t('eventsSummary', { count: shift.events.length })}</summary>
        <EventsTable events={shift.events} timeZone={sheet.timeZone} caption={t('eventsCaption')} />
      </details>
    </li>
  );
}

function EventsTable({
  events,
  timeZone,
  caption,
}: {
  events: readonly ClockEventView[];
  timeZone: string;
  caption: string;
}) {
  const { t } = useTranslation(['timesheets', 'employer']);
  const { stamp } = useStampFormats(timeZone);
  return (
    <TableScroll label={caption}>
      <table className="employer-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('events.kind')}</th>
            <th scope="col">{t('events.deviceAt')}</th>
            <th scope="col">{t('events.receivedAt')}</th>
            <th scope="col">{t('events.flags')}</th>
            <th scope="col">{t('events.ignored')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.commandId}>
              <th scope="row">{t(`kinds.${event.kind}`)}</th>
              <td>{stamp(event.deviceAt)}</td>
              <td>{stamp(event.receivedAt)}</td>
              <td>
                {event.flags.length === 0
                  ? t('employer:none')
                  : event.flags.map((f) => t(`flags.${f}`)).join(t('employer:listSeparator'))}
              </td>
              <td>
                {event.ignoredReason === null
                  ? t('employer:none')
                  : t(`ignoredReasons.${event.ignoredReason}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
