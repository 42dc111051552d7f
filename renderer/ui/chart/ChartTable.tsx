import { useTranslation } from 'react-i18next';
import { valueOf } from './chart-text';
import type { ChartPoint, ChartSeries } from './chart-types';

export interface ChartTableProps {
  id: string;
  title: string;
  series: readonly ChartSeries[];
  points: readonly ChartPoint[];
  format: (value: number, seriesKey: string) => string;
  pointHeader?: string;
}

/** The chart's data as a real table: the same values, formatted the same way, one row per point. */
export function ChartTable({ id, title, series, points, format, pointHeader }: ChartTableProps) {
  const { t } = useTranslation('employer');
  return (
    <div className="chart__table-wrap">
      <table id={id} className="chart__table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{pointHeader ?? t('chart.pointHeader')}</th>
            {series.map((s) => (
              <th scope="col" key={s.key}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.key}>
              <th scope="row">{point.label}</th>
              {series.map((s) => (
                <td key={s.key}>{format(valueOf(point, s.key), s.key)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
