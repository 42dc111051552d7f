import { FileSpreadsheet, FileText, RefreshCw } from 'lucide-react';
import { useEffect, useId, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dayKeyOf, defaultTimeZone, addDays } from '../../../shared/domain/calendar';
import { fenFormatter } from '../../../shared/domain/live/money';
import type { OutputReport, OutputRow, OutputTotals } from '../../../shared/protocol/pay';
import { useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { AccessibleChart } from '../../ui/chart/AccessibleChart';
import { downloadFile } from '../../ui/download';
import { TextField } from '../../ui/Field';
import { TableScroll } from '../TableScroll';
import { dayFormatter, formatCsat, formatDuration } from './figures';
import { customRange, presetRange, type OutputPeriodChoice } from './output-period';
import { outputStore } from './output-store';
import './output.css';

const choices: readonly OutputPeriodChoice[] = ['week', 'month', 'lastMonth', 'custom'];
/** The charts' series keys (data, not words: the labels are translated). */
const series = { tickets: 'tickets', gmv: 'gmv', earnings: 'earnings' } as const;
/** The row key of the workers in no team. */
const noTeamKey = 'no-team';

/**
 * Output per worker and per team over a chosen period, with its charts (each
 * with a table twin) and the hub's CSV and XLSX exports of the same figures.
 */
export function OutputView() {
  const { t, i18n } = useTranslation('employer');
  const store = useSessionStore(outputStore);
  const report = useSyncExternalStore(store.subscribe, () => store.report);
  const range = useSyncExternalStore(store.subscribe, () => store.range);
  const error = useSyncExternalStore(store.subscribe, () => store.error);
  const loading = useSyncExternalStore(store.subscribe, () => store.loading);
  const language = i18n.resolvedLanguage === 'zh-CN' ? 'zh-CN' : 'en';
  const timeZone = report?.timeZone ?? defaultTimeZone;
  // The day the view opened on: "this week" stays the week the supervisor was shown.
  const [openedAt] = useState(() => Date.now());
  const today = dayKeyOf(openedAt, timeZone);
  const [choice, setChoice] = useState<OutputPeriodChoice>('week');
  const [customFrom, setCustomFrom] = useState(() => presetRange('month', today).from);
  const [customTo, setCustomTo] = useState(today);
  const [customError, setCustomError] = useState<string | null>(null);
  const [exportNote, setExportNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const id = useId();

  useEffect(() => {
    if (range === null) void store.choose(presetRange('week', today));
  }, [range, store, today]);

  const pick = (next: OutputPeriodChoice) => {
    setChoice(next);
    if (next !== 'custom') void store.choose(presetRange(next, today));
  };

  const applyCustom = (event: FormEvent) => {
    event.preventDefault();
    const chosen = customRange(customFrom, customTo);
    if (chosen === null) {
      setCustomError(t('output.customBackwards'));
      return;
    }
    setCustomError(null);
    void store.choose(chosen);
  };

  const runExport = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    setExportNote(null);
    const answer = await store.exportFile(format, language);
    setExporting(false);
    if (answer.ok) {
      downloadFile(answer.data);
      setExportNote({ ok: true, text: t('output.exported', { file: answer.data.fileName }) });
    } else {
      setExportNote({ ok: false, text: t('output.exportFailed') });
    }
  };

  const day = useMemo(() => dayFormatter(language), [language]);
  const rangeText = range ? t('output.range', { from: day(range.from), to: day(addDays(range.to, -1)) }) : '';

  return (
    <div className="output">
      <form className="output__period" onSubmit={applyCustom} aria-labelledby={`${id}-period`}>
        <fieldset>
          <legend id={`${id}-period`}>{t('output.period')}</legend>
          <div className="output__choices">
            {choices.map((c) => (
              <label key={c} className="output__choice">
                <input
                  type="radio"
                  name={`${id}-choice`}
                  value={c}
                  checked={choice === c}
                  onChange={() => pick(c)}
                />
                {t(`output.choice.${c}`)}
              </label>
            ))}
          </div>
          {choice === 'custom' ? (
            <div className="output__custom">
              <TextField
                type="date"
                label={t('output.from')}
                value={customFrom}
                required
                onChange={(e) => setCustomFrom(e.target.value)}
              />
              <TextField
                type="date"
                label={t('output.to')}
                value={customTo}
                required
                error={customError ?? undefined}
                onChange={(e) => setCustomTo(e.target.value)}
              />
              <Button type="submit" primary>
                {t('output.apply')}
              </Button>
            </div>
          ) : null}
        </fieldset>
      </form>

      <div className="output__bar">
        <p role="status" className="output__range">
          {loading ? t('loading') : rangeText}
        </p>
        <div role="group" aria-label={t('output.export')} className="output__exports">
          <Button icon={FileText} disabled={!report || exporting} onClick={() => void runExport('csv')}>
            {t('output.exportCsv')}
          </Button>
          <Button
            icon={FileSpreadsheet}
            disabled={!report || exporting}
            onClick={() => void runExport('xlsx')}
          >
            {t('output.exportXlsx')}
          </Button>
        </div>
      </div>
      {exportNote ? (
        <p role={exportNote.ok ? 'status' : 'alert'} className="output__note">
          {exportNote.text}
        </p>
      ) : null}

      {error ? (
        <div role="alert">
          <p>{t('output.failed')}</p>
          <Button icon={RefreshCw} onClick={() => void store.refresh()}>
            {t('retry')}
          </Button>
        </div>
      ) : null}

      {report ? <OutputFigures report={report} rangeText={rangeText} /> : null}
    </div>
  );
}

function OutputFigures({ report, rangeText }: { report: OutputReport; rangeText: string }) {
  const { t, i18n } = useTranslation('employer');
  const language = i18n.resolvedLanguage ?? 'en';
  const money = useMemo(() => fenFormatter(language), [language]);
  const day = useMemo(() => dayFormatter(language), [language]);
  const totals = report.totals;
  const busiest = report.days.reduce<(typeof report.days)[number] | null>(
    (best, d) => (best === null || d.ticketsResolved > best.ticketsResolved ? d : best),
    null,
  );
  const points = report.days.map((d) => ({
    key: d.day,
    label: day(d.day),
    values: { [series.tickets]: d.ticketsResolved, [series.gmv]: d.gmvFen, [series.earnings]: d.earningsFen },
  }));
  const kind = points.length > 14 ? 'line' : 'bar';

  return (
    <>
      <section aria-labelledby="output-charts" className="output__charts">
        <h2 id="output-charts">{t('output.chartsHeading')}</h2>
        <AccessibleChart
          title={t('output.ticketsChart')}
          summary={t('output.ticketsSummary', {
            range: rangeText,
            total: totals.ticketsResolved,
            busiest: busiest && busiest.ticketsResolved > 0 ? day(busiest.day) : t('none'),
          })}
          series={[{ key: series.tickets, label: t('output.columns.tickets'), pattern: 'diagonal' }]}
          points={points}
          format={(n) => String(n)}
          kind={kind}
          pointHeader={t('output.day')}
        />
        <AccessibleChart
          title={t('output.moneyChart')}
          summary={t('output.moneySummary', {
            range: rangeText,
            gmv: money(totals.gmvFen),
            earnings: money(totals.earningsFen),
          })}
          series={[
            { key: series.gmv, label: t('output.columns.gmv'), pattern: 'solid' },
            { key: series.earnings, label: t('output.columns.earnings'), pattern: 'dots' },
          ]}
          points={points}
          format={(n) => money(n)}
          kind={kind}
          pointHeader={t('output.day')}
        />
      </section>

      <section aria-labelledby="output-workers">
        <h2 id="output-workers">{t('output.workersHeading')}</h2>
        <OutputTable
          caption={t('output.workersCaption', { range: rangeText })}
          firstHeader={t('output.columns.worker')}
          withTeam
          rows={report.rows.map((row) => ({ key: String(row.user.id), name: row.user.displayName, row }))}
          totals={totals}
        />
      </section>

      <section aria-labelledby="output-teams">
        <h2 id="output-teams">{t('output.teamsHeading')}</h2>
        <OutputTable
          caption={t('output.teamsCaption', { range: rangeText })}
          firstHeader={t('output.columns.team')}
          rows={report.teams.map((team) => ({
            key: team.team === null ? noTeamKey : String(team.team.id),
            name: team.team?.name ?? t('output.noTeam'),
            row: team.totals,
          }))}
          totals={totals}
        />
      </section>
    </>
  );
}

type Figures = Omit<OutputRow, 'user' | 'team'> & { team?: OutputRow['team'] };

function OutputTable({
  caption,
  firstHeader,
  rows,
  totals,
  withTeam = false,
}: {
  caption: string;
  firstHeader: string;
  rows: readonly { key: string; name: string; row: Figures }[];
  totals: OutputTotals;
  withTeam?: boolean;
}) {
  const { t, i18n } = useTranslation('employer');
  const language = i18n.resolvedLanguage ?? 'en';
  const money = useMemo(() => fenFormatter(language), [language]);
  const cells = (row: Figures) => (
    <>
      <td>{row.ticketsResolved}</td>
      <td>{row.firstResponseMedianMs === null ? t('none') : formatDuration(t, row.firstResponseMedianMs)}</td>
      <td>
        {row.csatAverage === null
          ? t('none')
          : t('output.csatValue', { average: formatCsat(row.csatAverage, t('none')), count: row.csatCount })}
      </td>
      <td>{row.liveMinutes}</td>
      <td>{row.orders}</td>
      <td>{money(row.gmvFen)}</td>
      <td>{formatDuration(t, row.workedMs)}</td>
      <td>{money(row.earningsFen)}</td>
    </>
  );
  return (
    <TableScroll label={caption}>
      <table className="employer-table employer-table--figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstHeader}</th>
            {withTeam ? <th scope="col">{t('output.columns.team')}</th> : null}
            <th scope="col">{t('output.columns.tickets')}</th>
            <th scope="col">{t('output.columns.firstResponse')}</th>
            <th scope="col">{t('output.columns.csat')}</th>
            <th scope="col">{t('output.columns.liveMinutes')}</th>
            <th scope="col">{t('output.columns.orders')}</th>
            <th scope="col">{t('output.columns.gmv')}</th>
            <th scope="col">{t('output.columns.worked')}</th>
            <th scope="col">{t('output.columns.earnings')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, name, row }) => (
            <tr key={key}>
              <th scope="row">{name}</th>
              {withTeam ? <td>{row.team?.name ?? t('output.noTeam')}</td> : null}
              {cells(row)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('output.total', { count: totals.workers })}</th>
            {withTeam ? <td /> : null}
            {cells(totals)}
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
