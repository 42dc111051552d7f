import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fenFormatter } from '../../../shared/domain/live/money';
import type { Timesheet, TimesheetAudit } from '../../../shared/protocol/shifts';
import { TableScroll } from '../TableScroll';
import { useStampFormats, type StampFormats } from './stamp-formats';

type AuditValue = string | number | null;

/** Who did what and when to this timesheet, newest first, with each change's before and after. */
export function AuditTrail({ sheet }: { sheet: Timesheet }) {
  const { t } = useTranslation(['timesheets', 'employer']);
  const formats = useStampFormats(sheet.timeZone);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('audit.heading')}</h3>
      {sheet.audit.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <TableScroll label={t('audit.caption', { name: sheet.user.displayName })}>
          <table className="employer-table">
            <caption>{t('audit.caption', { name: sheet.user.displayName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.change')}</th>
                <th scope="col">{t('comment')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.audit.map((row) => (
                <AuditLine key={row.id} row={row} formats={formats} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function AuditLine({ row, formats }: { row: TimesheetAudit; formats: StampFormats }) {
  const { t, i18n } = useTranslation(['timesheets', 'employer']);
  const language = i18n.resolvedLanguage ?? 'en';
  const money = useMemo(() => fenFormatter(language), [language]);
  const keys = [...new Set([...Object.keys(row.before ?? {}), ...Object.keys(row.after ?? {})])];

  const label = (key: string): string => {
    switch (key) {
      case 'startedAt':
        return t('audit.fields.startedAt');
      case 'endedAt':
        return t('audit.fields.endedAt');
      case 'status':
        return t('audit.fields.status');
      case 'amountFen':
        return t('audit.fields.amount');
      default:
        return key;
    }
  };
  const value = (key: string, v: AuditValue | undefined): string => {
    if (v === undefined || v === null) return t('employer:none');
    if (typeof v === 'number' && (key === 'startedAt' || key === 'endedAt')) return formats.stamp(v);
    if (typeof v === 'number' && key === 'amountFen') return money(v);
    if (key === 'status' && (v === 'open' || v === 'approved' || v === 'returned')) return t(`status.${v}`);
    return String(v);
  };

  return (
    <tr>
      <th scope="row">{formats.stamp(row.at)}</th>
      <td>{row.actor.displayName}</td>
      <td>{t(`audit.actions.${row.action}`)}</td>
      <td>
        {keys.length === 0 ? (
          t('employer:none')
        ) : (
          <ul className="timesheet__changes">
            {keys.map((key) => (
              <li key={key}>
                {t('audit.changeLine', {
                  field: label(key),
                  before: value(key, row.before?.[key]),
                  after: value(key, row.after?.[key]),
                })}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>{row.comment ?? t('employer:none')}</td>
    </tr>
  );
}
