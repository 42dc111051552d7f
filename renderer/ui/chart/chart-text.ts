import type { TFunction } from 'i18next';
import type { ChartPoint, ChartSeries } from './chart-types';

/** A missing value reads as zero, the same in the drawing, the names and the table. */
export function valueOf(point: ChartPoint, seriesKey: string): number {
  return point.values[seriesKey] ?? 0;
}

/** "Mon 1 Dec: Tickets 12, GMV ¥300.00": one data point read aloud, with every series. */
export function pointName(
  t: TFunction<'employer'>,
  point: ChartPoint,
  series: readonly ChartSeries[],
  format: (value: number, seriesKey: string) => string,
): string {
  const values = series
    .map((s) => t('chart.valuePair', { series: s.label, value: format(valueOf(point, s.key), s.key) }))
    .join(t('chart.separator'));
  return t('chart.pointName', { point: point.label, values });
}
