import { PatternCircles, PatternLines, PatternWaves } from '@visx/pattern';
import type { ChartPattern } from './chart-types';

/** A safe id for `url(#…)` from React's useId (which may hold colons or guillemets). */
export function patternId(base: string, index: number): string {
  return `${base.replace(/[^A-Za-z0-9_-]/g, '')}-p${index}`;
}

/** The class that paints a series: its colour comes from chart.css, per theme. */
export function seriesClass(index: number): string {
  return `chart__series chart__series--${index % 6}`;
}

/**
 * The fill of one series. Lines and dots are drawn in the series colour on
 * nothing, so the bar's own outline and the page behind it stay visible in
 * every theme; "solid" fills with the colour itself.
 */
export function SeriesPattern({ id, pattern, index }: { id: string; pattern: ChartPattern; index: number }) {
  const className = `${seriesClass(index)} chart__pattern-mark`;
  switch (pattern) {
    case 'solid':
      return (
        <pattern id={id} width={4} height={4} patternUnits="userSpaceOnUse">
          <rect width={4} height={4} className={`${seriesClass(index)} chart__pattern-solid`} />
        </pattern>
      );
    case 'dots':
      return <PatternCircles id={id} width={6} height={6} radius={1.6} complement className={className} />;
    case 'waves':
      return <PatternWaves id={id} width={8} height={8} strokeWidth={1.5} className={className} />;
    case 'crosshatch':
      return (
        <PatternLines
          id={id}
          width={7}
          height={7}
          strokeWidth={1.5}
          orientation={['diagonal', 'diagonalRightToLeft']}
          className={className}
        />
      );
    case 'horizontal':
    case 'vertical':
    case 'diagonal':
      return (
        <PatternLines
          id={id}
          width={6}
          height={6}
          strokeWidth={2}
          orientation={[pattern]}
          className={className}
        />
      );
  }
}
