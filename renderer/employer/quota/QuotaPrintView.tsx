import { useTranslation } from 'react-i18next';
import { printRootAttribute } from '../../ui/print/print';
import { FigureList, useLevyFigures, useYearFigures } from './QuotaFigures';
import { QuotaGrid } from './QuotaGrid';
import type { QuotaReport } from './quota-store';
import { useQuotaFormat } from './quota-format';
import { warningText } from './QuotaWarnings';

/** The lines the employer signs and seals the printed report on. */
const signatureLines = ['preparedBy', 'checkedBy', 'seal', 'date'] as const;

/**
 * The quota report as the verification pack's PDF: title with organisation
 * and year, the figures, the levy estimate with its parameters, the
 * people and the month-by-person table, and signature lines. Printed from
 * this markup (the workstation's fonts, so Chinese is real text); shown on
 * screen only while printing.
 */
export function QuotaPrintView({ report, organisation }: { report: QuotaReport; organisation: string }) {
  const { t } = useTranslation('quota');
  const f = useQuotaFormat();
  const figures = useYearFigures(report);
  const levy = useLevyFigures(report);
  const rootProps = { [printRootAttribute]: '' };
  return (
    <article
      {...rootProps}
      className="quota-print"
      aria-label={t('print.title', { organisation, year: report.year })}
    >
      <h2 className="quota-print__title">{t('print.title', { organisation, year: report.year })}</h2>
      <p>{t('print.generated', { time: f.time(report.generatedAt) })}</p>

      <h3>{t('print.summary')}</h3>
      <FigureList figures={figures} className="quota-figures--print" />

      {report.warnings.length > 0 ? (
        <>
          <h3>{t('warnings.title')}</h3>
          <ul>
            {report.warnings.map((warning, index) => (
              <li key={`${warning.kind}-${warning.userId ?? 0}-${warning.month ?? ''}-${index}`}>
                {warningText(warning, report, t, f)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>{t('levy.title')}</h3>
      <p>{t('print.estimate')}</p>
      <FigureList figures={levy} className="quota-figures--print" />

      <h3>{t('print.people')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('form.worker')}</th>
            <th scope="col">{t('form.grade')}</th>
            <th scope="col">{t('form.kind')}</th>
            <th scope="col">{t('form.certificate')}</th>
            <th scope="col">{t('form.contractEndLegend')}</th>
          </tr>
        </thead>
        <tbody>
          {report.people.map(({ record }) => (
            <tr key={record.user.id}>
              <th scope="row">{record.user.displayName}</th>
              <td>{t('people.grade', { grade: record.grade })}</td>
              <td>{t(`people.kinds.${record.kind}`)}</td>
              <td>{record.certificateMasked}</td>
              <td>
                {record.contractEnd === null
                  ? t('people.contractOpen', { start: f.day(record.contractStart) })
                  : t('people.contract', {
                      start: f.day(record.contractStart),
                      end: f.day(record.contractEnd),
                    })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('grid.title')}</h3>
      <QuotaGrid report={report} printed />

      <h3>{t('print.parameters')}</h3>
      <dl className="quota-figures quota-figures--print">
        <div className="quota-figures__item">
          <dt>{t('params.fields.quota')}</dt>
          <dd>{f.percent(report.parameters.quotaBp)}</dd>
        </div>
        <div className="quota-figures__item">
          <dt>{t('params.fields.minimumMonthlyWage')}</dt>
          <dd>{f.money(report.parameters.minimumMonthlyWageFen)}</dd>
        </div>
        <div className="quota-figures__item">
          <dt>{t('params.fields.contractMinMonths')}</dt>
          <dd>{report.parameters.contractMinMonths}</dd>
        </div>
        <div className="quota-figures__item">
          <dt>{t('params.fields.localAverageAnnualWage')}</dt>
          <dd>{f.money(report.parameters.localAverageAnnualWageFen)}</dd>
        </div>
        <div className="quota-figures__item">
          <dt>{t('params.fields.smallEmployerMaxStaff')}</dt>
          <dd>{report.parameters.smallEmployerMaxStaff}</dd>
        </div>
      </dl>

      <h3>{t('print.signatures')}</h3>
      <div className="quota-print__signatures">
        {signatureLines.map((line) => (
          <p key={line} className="quota-print__signature">
            {t(`print.${line}`)}: <span className="quota-print__line" />
          </p>
        ))}
      </div>
    </article>
  );
}
