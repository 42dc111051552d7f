import { ChartColumn, Table } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../Button';
import { chartPatterns, type AccessibleChartProps } from './chart-types';
import { ChartPlot } from './ChartPlot';
import { ChartTable } from './ChartTable';
import { patternId, SeriesPattern, seriesClass } from './ChartPatterns';
import './chart.css';

export type { AccessibleChartProps, ChartPattern, ChartPoint, ChartSeries } from './chart-types';

/**
 * A bar or line chart anyone can read: a figure whose caption is its title
 * and text summary; the drawing with a keyboard path through its points; and
 * its twin, a real table, one visible toggle away. Series differ by pattern
 * and dash as well as colour, and the colours are the theme's own roles, so
 * the high-contrast themes and forced colours hold.
 */
export function AccessibleChart({
  title,
  summary,
  series,
  points,
  format,
  axisFormat,
  kind = 'bar',
  pointHeader,
  initialView = 'chart',
  height = 240,
}: AccessibleChartProps) {
  const { t } = useTranslation('employer');
  const baseId = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const [view, setView] = useState(initialView);
  const patterns = series.map((s, i) => s.pattern ?? chartPatterns[i % chartPatterns.length] ?? 'solid');
  const firstKey = series[0]?.key ?? '';

  return (
    <figure className="chart" aria-labelledby={`${baseId}-title`} aria-describedby={`${baseId}-summary`}>
      <figcaption className="chart__caption">
        <span id={`${baseId}-title`} className="chart__title">
          {title}
        </span>
        <span id={`${baseId}-summary`} className="chart__summary">
          {summary}
        </span>
      </figcaption>
      <svg className="chart__defs" aria-hidden="true" focusable="false" width={0} height={0}>
        <defs>
          {patterns.map((pattern, i) => (
            <SeriesPattern key={series[i]?.key ?? i} id={patternId(baseId, i)} pattern={pattern} index={i} />
          ))}
        </defs>
      </svg>
      <div className="chart__tools">
        <Button
          icon={view === 'chart' ? Table : ChartColumn}
          onClick={() => setView(view === 'chart' ? 'table' : 'chart')}
        >
          {view === 'chart' ? t('chart.showTable') : t('chart.showChart')}
        </Button>
        {view === 'chart' ? (
          <ul className="chart__legend" aria-label={t('chart.legend')}>
            {series.map((s, i) => (
              <li key={s.key} className="chart__legend-item">
                <svg width={24} height={16} aria-hidden="true" focusable="false">
                  <rect
                    x={1}
                    y={1}
                    width={22}
                    height={14}
                    fill={`url(#${patternId(baseId, i)})`}
                    className={`${seriesClass(i)} chart__bar`}
                  />
                </svg>
                {s.label}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {points.length === 0 ? (
        <p className="chart__empty">{t('chart.empty')}</p>
      ) : view === 'chart' ? (
        <ChartPlot
          baseId={baseId}
          title={title}
          series={series}
          points={points}
          format={format}
          axisFormat={axisFormat ?? ((v) => format(v, firstKey))}
          kind={kind}
          height={height}
        />
      ) : (
        <ChartTable
          id={`${baseId}-table`}
          title={title}
          series={series}
          points={points}
          format={format}
          pointHeader={pointHeader}
        />
      )}
    </figure>
  );
}
