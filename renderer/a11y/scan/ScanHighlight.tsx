import {
  useEffect,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  type CSSProperties,
  type HTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';
import { targetKey, type ScanTarget } from '../../../shared/a11y/scan-levels';
import { placeChip, ringRect, type Rect, type Size } from '../../../shared/a11y/overlay-geometry';
import { boxOfAll, titlesAround, visibleClip } from './highlight-measure';
import { elementForScanId, scanIgnoreAttribute } from './scan-dom';
import { useLabelText } from './useLabelText';
import './ScanHighlight.css';

export interface ScanHighlightProps extends HTMLAttributes<HTMLDivElement> {
  target: ScanTarget | null;
  /** The scanner's phase, for tools and tests (data-scan-phase). */
  phase: string;
  colour: string;
  /** Bumped when the page changed under the highlight, so it is measured again. */
  layoutVersion: number;
}

/** Room for the rings outside the element, so they never cover what they point at. */
const gap = 4;

function elementsOf(ids: readonly string[]): HTMLElement[] {
  return ids.map((id) => elementForScanId(document, id)).filter((el): el is HTMLElement => el !== null);
}

function idsOf(target: ScanTarget): readonly string[] {
  switch (target.kind) {
    case 'node':
      return [target.nodeId];
    case 'row':
      return target.itemIds;
    case 'backUp':
      return [target.containerId];
  }
}

function targetId(target: ScanTarget): string {
  switch (target.kind) {
    case 'node':
      return target.nodeId;
    case 'row':
      return target.gridId;
    case 'backUp':
      return target.containerId;
  }
}

interface Measured {
  /** The ring, cut to what can be seen of the target. */
  ring: Rect;
  /** Where the chip may go: the pane or region the target is in. */
  bounds: Rect;
  /** Titles the chip must leave readable. */
  titles: Rect[];
}

function measure(target: ScanTarget): Measured | null {
  const elements = elementsOf(idsOf(target));
  const first = elements[0];
  const box = boxOfAll(elements);
  if (first === undefined || box === null) return null;
  // A region's ring stays inside the region; anything else's inside its pane and region.
  const isContainer = target.kind !== 'node' || target.nodeKind !== 'item';
  const clip = visibleClip(first, target.kind === 'node' && target.nodeKind === 'region');
  const ring = clip === null ? null : ringRect(box, gap, clip);
  if (ring === null) return null;
  const bounds = visibleClip(first, false) ?? ring;
  return {
    ring,
    bounds,
    titles: isContainer ? titlesAround(target.kind === 'row' ? (first.parentElement ?? first) : first) : [],
  };
}

function ringStyle(r: Rect): CSSProperties {
  return { top: r.top, left: r.left, width: r.right - r.left, height: r.bottom - r.top };
}

/**
 * Draws the switch highlight over the page. It is aria-hidden and takes no
 * focus or pointer: focus stays the truth for screen readers. Its data
 * attributes say what is highlighted, for tests and tools.
 */
export function ScanHighlight({
  target,
  phase,
  colour,
  layoutVersion: _layoutVersion,
  className,
  ...rest
}: ScanHighlightProps) {
  const { t } = useTranslation('a11y');
  const labelText = useLabelText();
  const [, remeasure] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    if (target === null) return;
    window.addEventListener('scroll', remeasure, { capture: true, passive: true });
    window.addEventListener('resize', remeasure);
    return () => {
      window.removeEventListener('scroll', remeasure, { capture: true });
      window.removeEventListener('resize', remeasure);
    };
  }, [target]);

  const measured = target === null ? null : measure(target);
  const label = target === null ? '' : labelText(target.label);
  const kind = target === null ? '' : target.kind === 'node' ? target.nodeKind : target.kind;
  const named = kind === 'group' || kind === 'region' || kind === 'row';
  // The chip is drawn at a guess, measured before paint, and placed again with its real size.
  const chipRef = useRef<HTMLSpanElement>(null);
  const [chip, setChip] = useState<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = chipRef.current;
    if (el === null) return;
    const width = el.offsetWidth;
    const height = el.offsetHeight;
    if (width !== chip.width || height !== chip.height) setChip({ width, height });
  }, [label, named, chip.width, chip.height]);
  const attrs = {
    [scanIgnoreAttribute]: '',
    'data-scan-key': targetKey(target),
    'data-scan-target-kind': kind,
    'data-scan-target-id': target === null ? '' : targetId(target),
    'data-scan-label': label,
    'data-scan-items': target?.kind === 'row' ? target.itemIds.join(' ') : '',
    'data-scan-phase': phase,
  };
  const placed =
    measured !== null && named ? placeChip(measured.ring, chip, measured.bounds, measured.titles) : null;
  return (
    <div
      aria-hidden="true"
      className={['scan-overlay', className].filter(Boolean).join(' ')}
      style={{ '--scan-colour': colour } as CSSProperties}
      {...attrs}
      {...rest}
    >
      {measured !== null && kind === 'item' ? (
        <div className="scan-overlay__ring" style={ringStyle(measured.ring)} />
      ) : null}
      {measured !== null && named && placed !== null ? (
        <>
          <div
            className="scan-overlay__ring scan-overlay__ring--container"
            style={ringStyle(measured.ring)}
          />
          <span
            ref={chipRef}
            className="scan-overlay__chip"
            data-chip-side={placed.side}
            style={{ top: placed.top, left: placed.left }}
          >
            {label}
          </span>
        </>
      ) : null}
      {measured !== null && kind === 'backUp' ? (
        <>
          <div className="scan-overlay__leaving" style={ringStyle(measured.ring)} />
          <span className="scan-overlay__ring scan-overlay__backup" style={backUpStyle(measured.ring)}>
            {t('scan.backUp')}
          </span>
        </>
      ) : null}
    </div>
  );
}

/** Just under the group it leaves, so it covers none of it; inside its lower edge when the window ends first. */
function backUpStyle(box: Rect): CSSProperties {
  const height = 56;
  const margin = 12;
  const below = box.bottom + margin;
  const top =
    below + height <= window.innerHeight
      ? below
      : Math.max(margin, Math.min(box.bottom, window.innerHeight) - height - margin);
  return {
    top,
    left: Math.min(Math.max(margin, box.left + margin), window.innerWidth - 220),
    minHeight: height,
  };
}
