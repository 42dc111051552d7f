import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotaReport } from './quota-store';
import { useQuotaFormat } from './quota-format';

export interface Figure {
  term: string;
  value: ReactNode;
}

/** The year's figures as term and value, for the screen and the printed report alike. */
export function useYearFigures(report: QuotaReport): Figure[] {
  const { t } = useTranslation('quota');
  const f = useQuotaFormat();
  const counted = report.people.filter((p) => p.countedMonths > 0).length;
  return [
    {
      term: t('figures.staff'),
      value:
        report.staffSource === 'parameter'
          ? t('figures.staffParameter', { count: report.staff })
          : t('figures.staffUsers', { count: report.staff }),
    },
    { term: t('figures.recorded'), value: report.people.length },
    { term: t('figures.counted'), value: counted },
    { term: t('figures.personMonths'), value: report.arrangedPersonMonths },
    { term: t('figures.arranged'), value: f.people(report.arrangedHundredths) },
    { term: t('figures.ratio'), value: f.percent(report.ratioBp) },
    { term: t('figures.quota'), value: f.percent(report.quotaBp) },
    { term: t('figures.required'), value: f.people(report.requiredHundredths) },
    { term: t('figures.shortfall'), value: f.people(report.shortfallHundredths) },
    { term: t('figures.standing'), value: report.meetsQuota ? t('figures.meets') : t('figures.below') },
  ];
}

/** The levy estimate and every parameter it was worked out with, so the figure can be checked by hand. */
export function useLevyFigures(report: QuotaReport): Figure[] {
  const { t } = useTranslation('quota');
  const f = useQuotaFormat();
  const { levy, parameters } = report;
  const bands =
    parameters.reducedBands.length === 0
      ? t('params.bands.none')
      : parameters.reducedBands
          .map((band) => t('levy.band', { ratio: f.percent(band.minRatioBp), pay: f.percent(band.payBp) }))
          .join('; ');
  return [
    { term: t('levy.owed'), value: f.money(levy.owedFen) },
    { term: t('levy.saved'), value: f.money(levy.savedFen) },
    { term: t('levy.none'), value: f.money(levy.noneFen) },
    { term: t('levy.full'), value: f.money(levy.fullFen) },
    {
      term: t('levy.average'),
      value:
        levy.averageWageSource === 'parameter'
          ? t('levy.averageParameter', { amount: f.money(levy.averageWageFen) })
          : t('levy.averageLedger', { amount: f.money(levy.averageWageFen) }),
    },
    {
      term: t('levy.cap'),
      value: t('levy.capValue', {
        multiple: f.multiple(parameters.wageCapBp),
        local: f.money(parameters.localAverageAnnualWageFen),
      }),
    },
    {
      term: t('levy.wageBase'),
      value: levy.capped ? `${f.money(levy.wageBaseFen)}. ${t('levy.capped')}` : f.money(levy.wageBaseFen),
    },
    { term: t('levy.rate'), value: f.percent(levy.rateBp) },
    { term: t('levy.bands'), value: bands },
    {
      term: t('levy.exempt'),
      value: levy.exempt
        ? t('levy.exemptYes', { max: parameters.smallEmployerMaxStaff })
        : t('levy.exemptNo', { max: parameters.smallEmployerMaxStaff }),
    },
    {
      term: t('levy.relief'),
      value: !levy.reliefApplies
        ? t('levy.reliefNo')
        : parameters.reliefUntil
          ? t('levy.reliefYes', { day: f.day(parameters.reliefUntil) })
          : t('levy.reliefOpen'),
    },
  ];
}

export function FigureList({ figures, className }: { figures: Figure[]; className?: string }) {
  return (
    <dl className={['quota-figures', className].filter(Boolean).join(' ')}>
      {figures.map((figure) => (
        <div key={figure.term} className="quota-figures__item">
          <dt>{figure.term}</dt>
          <dd>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function QuotaFigures({ report }: { report: QuotaReport }) {
  const { t } = useTranslation('quota');
  const figures = useYearFigures(report);
  const levy = useLevyFigures(report);
  const figuresId = useId();
  const levyId = useId();
  const noteId = useId();
  return (
    <>
      <section aria-labelledby={figuresId} className="quota-card">
        <h2 id={figuresId} className="quota-card__title">
          {t('figures.title')}
        </h2>
        <FigureList figures={figures} />
      </section>
      <section aria-labelledby={levyId} aria-describedby={noteId} className="quota-card">
        <h2 id={levyId} className="quota-card__title">
          {t('levy.title')}
        </h2>
        <p id={noteId} className="quota-note">
          {t('levy.note')}
        </p>
        <FigureList figures={levy} />
      </section>
    </>
  );
}
