/**
 * The accessible chart's contract (renderer/ui/chart/AccessibleChart.tsx).
 * Views pass plain data and a formatter; the chart owns every way of reading
 * it: the drawing, a keyboard path through its points, and a table twin.
 */

/** A fill that tells a series apart without its colour (WCAG 1.4.1); each is drawn by @visx/pattern. */
export const chartPatterns = [
  'solid',
  'diagonal',
  'dots',
  'crosshatch',
  'horizontal',
  'vertical',
  'waves',
] as const;
export type ChartPattern = (typeof chartPatterns)[number];

export interface ChartSeries {
  /** The key of this series in every point's `values`. */
  key: string;
  /** Shown in the legend, the table's column header and each point's accessible name. */
  label: string;
  /** Defaults to the series' place in `chartPatterns`, so two series never share a fill. */
  pattern?: ChartPattern;
}

export interface ChartPoint {
  /** Stable across renders (a day key, a user id). */
  key: string;
  /** The category: a day, a worker, a team. Shown under the bar and as the table's row header. */
  label: string;
  /** One number per series key; a missing key reads as 0. */
  values: Readonly<Record<string, number>>;
}

export type ChartKind = 'bar' | 'line';

export interface AccessibleChartProps {
  /** Names the figure, the data group and the table (its caption). */
  title: string;
  /** The text summary: what the chart shows and what stands out, in a sentence or two. */
  summary: string;
  series: readonly ChartSeries[];
  points: readonly ChartPoint[];
  /** Formats one value for reading: "¥1,234.00", "3 h 20 min". The series key lets one chart mix units. */
  format: (value: number, seriesKey: string) => string;
  /** Formats the value axis' ticks; defaults to `format` with the first series' key. */
  axisFormat?: (value: number) => string;
  kind?: ChartKind;
  /** The table's first column header (e.g. "Day", "Worker"); defaults to a generic word. */
  pointHeader?: string;
  /** Which twin shows first. */
  initialView?: 'chart' | 'table';
  /** Height of the drawing in CSS px at 100 % text. */
  height?: number;
}
