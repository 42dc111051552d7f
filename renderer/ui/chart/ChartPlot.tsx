import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { pointName, valueOf } from './chart-text';
import type { ChartKind, ChartPoint, ChartSeries } from './chart-types';
import { patternId, seriesClass } from './ChartPatterns';
import { usePointFocus } from './usePointFocus';

export interface ChartPlotProps {
  baseId: string;
  title: string;
  series: readonly ChartSeries[];
  points: readonly ChartPoint[];
  format: (value: number, seriesKey: string) => string;
  axisFormat: (value: number) => string;
  kind: ChartKind;
  height: number;
}

/** Dashes tell lines apart where colour cannot (with the markers' fill patterns). */
const dashes = ['', '8 4', '2 4', '10 4 2 4', '4 4', '1 3'];
/** Without a measured width (tests, first paint) the drawing assumes this one. */
const fallbackWidth = 640;
/** More x labels than this crowd each other: only every n-th is drawn (the names and table keep them all). */
const maxXLabels = 12;
const axisClass = 'chart__axis';

function useMeasuredWidth(): [RefObject<HTMLDivElement | null>, number, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallbackWidth);
  const [fontPx, setFontPx] = useState(16);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setWidth(w);
      // The worker's text size scales the labels, so the margins follow it.
      const root = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
      if (Number.isFinite(root) && root > 0) setFontPx(root);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width, fontPx];
}

/**
 * The drawing (visx scales and shapes, hidden from assistive technology) and
 * over it one button per point: a single Tab stop with arrow keys, Home and
 * End between points, each named with all its values. Buttons, not SVG
 * nodes, so switch scanning reaches them like any control.
 */
export function ChartPlot({
  baseId,
  title,
  series,
  points,
  format,
  axisFormat,
  kind,
  height,
}: ChartPlotProps) {
  const { t } = useTranslation('employer');
  const [box, width, fontPx] = useMeasuredWidth();
  const [selected, setSelected] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const roving = usePointFocus(points.length, selected);

  const all = points.flatMap((p) => series.map((s) => valueOf(p, s.key)));
  const low = Math.min(0, ...all);
  const high = Math.max(0, ...all);
  const labelPx = fontPx * 0.75;
  const yScaleProbe = scaleLinear<number>({ domain: [low, high === low ? low + 1 : high], nice: true });
  const ticks = yScaleProbe.ticks(4);
  const longest = Math.max(1, ...ticks.map((v) => axisFormat(v).length));
  const margin = {
    top: labelPx,
    right: labelPx,
    bottom: labelPx * 2.5,
    left: longest * labelPx * 0.62 + labelPx,
  };
  const scaledHeight = height * (fontPx / 16);
  const innerW = Math.max(1, width - margin.left - margin.right);
  const innerH = Math.max(1, scaledHeight - margin.top - margin.bottom);

  const x0 = scaleBand<string>({ domain: points.map((p) => p.key), range: [0, innerW], padding: 0.2 });
  const x1 = scaleBand<string>({
    domain: series.map((s) => s.key),
    range: [0, x0.bandwidth()],
    padding: 0.1,
  });
  const y = scaleLinear<number>({ domain: yScaleProbe.domain(), range: [innerH, 0] });
  const every = Math.ceil(points.length / maxXLabels);
  const xTicks = points.filter((_, i) => i % every === 0).map((p) => p.key);
  const labelOf = new Map(points.map((p) => [p.key, p.label]));
  const step = x0.step();
  const shown = focused ?? selected;
  const shownPoint = shown === null ? undefined : points[shown];

  return (
    <div className="chart__plot-area">
      <div className="chart__plot" ref={box} style={{ height: scaledHeight }}>
        <svg width={width} height={scaledHeight} aria-hidden="true" focusable="false" className="chart__svg">
          <Group left={margin.left} top={margin.top}>
            {y.ticks(4).map((v) => (
              <line key={v} x1={0} x2={innerW} y1={y(v)} y2={y(v)} className="chart__grid" />
            ))}
            {kind === 'bar'
              ? points.map((p) =>
                  series.map((s, si) => {
                    const v = valueOf(p, s.key);
                    const top = y(Math.max(v, 0));
                    return (
                      <Bar
                        key={`${p.key}-${s.key}`}
                        x={(x0(p.key) ?? 0) + (x1(s.key) ?? 0)}
                        y={top}
                        width={x1.bandwidth()}
                        height={Math.abs(y(v) - y(0))}
                        fill={`url(#${patternId(baseId, si)})`}
                        className={`${seriesClass(si)} chart__bar`}
                      />
                    );
                  }),
                )
              : series.map((s, si) => (
                  <g key={s.key}>
                    <LinePath<ChartPoint>
                      data={[...points]}
                      x={(p) => (x0(p.key) ?? 0) + x0.bandwidth() / 2}
                      y={(p) => y(valueOf(p, s.key))}
                      className={`${seriesClass(si)} chart__line`}
                      strokeDasharray={dashes[si % dashes.length]}
                    />
                    {points.map((p) => (
                      <rect
                        key={p.key}
                        x={(x0(p.key) ?? 0) + x0.bandwidth() / 2 - 5}
                        y={y(valueOf(p, s.key)) - 5}
                        width={10}
                        height={10}
                        rx={si % 2 === 0 ? 5 : 0}
                        fill={`url(#${patternId(baseId, si)})`}
                        className={`${seriesClass(si)} chart__marker`}
                      />
                    ))}
                  </g>
                ))}
            <line x1={0} x2={innerW} y1={y(0)} y2={y(0)} className="chart__baseline" />
            <AxisLeft
              scale={y}
              numTicks={4}
              tickFormat={(v) => axisFormat(Number(v))}
              axisClassName={axisClass}
            />
            <AxisBottom
              scale={x0}
              top={innerH}
              tickValues={xTicks}
              tickFormat={(key) => labelOf.get(key) ?? key}
              axisClassName={axisClass}
            />
          </Group>
        </svg>
        <div
          role="group"
          aria-label={t('chart.pointsLabel', { title })}
          aria-describedby={`${baseId}-hint`}
          className="chart__points"
        >
          {points.map((p, i) => {
            const item = roving.getItemProps(i);
            return (
              <button
                key={p.key}
                type="button"
                className="chart__point"
                style={{
                  left: margin.left + (x0(p.key) ?? 0) - (step - x0.bandwidth()) / 2,
                  width: step,
                  top: margin.top,
                  height: innerH,
                }}
                aria-label={pointName(t, p, series, format)}
                aria-pressed={selected === i}
                ref={item.ref}
                tabIndex={item.tabIndex}
                onKeyDown={item.onKeyDown}
                onFocus={() => {
                  item.onFocus();
                  setFocused(i);
                }}
                onBlur={() => setFocused(null)}
                onClick={() => setSelected(selected === i ? null : i)}
              />
            );
          })}
        </div>
      </div>
      <p id={`${baseId}-hint`} className="chart__hint">
        {t('chart.keysHint')}
      </p>
      {/* What the focused or chosen point holds, in words, for those who read the screen rather than hear it. */}
      <p className="chart__readout" aria-hidden="true">
        {shownPoint ? pointName(t, shownPoint, series, format) : t('chart.readoutIdle')}
      </p>
    </div>
  );
}
