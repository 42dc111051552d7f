import { useEffect, useReducer, type CSSProperties, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { targetKey, type ScanTarget } from '../../../shared/a11y/scan-levels';
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

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Room for the rings outside the element, so they never cover what they point at. */
const gap = 4;

function boxOf(ids: readonly string[]): Box | null {
  let box: Box | null = null;
  for (const id of ids) {
    const el = elementForScanId(document, id);
    if (el === null) continue;
    const r = el.getBoundingClientRect();
    if (box === null) {
      box = { top: r.top, left: r.left, width: r.width, height: r.height };
      continue;
    }
    const right = Math.max(box.left + box.width, r.right);
    const bottom = Math.max(box.top + box.height, r.bottom);
    box.left = Math.min(box.left, r.left);
    box.top = Math.min(box.top, r.top);
    box.width = right - box.left;
    box.height = bottom - box.top;
  }
  return box;
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

function ringStyle(box: Box): CSSProperties {
  return {
    top: box.top - gap,
    left: box.left - gap,
    width: box.width + 2 * gap,
    height: box.height + 2 * gap,
  };
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

  const box = target === null ? null : boxOf(idsOf(target));
  const label = target === null ? '' : labelText(target.label);
  const kind = target === null ? '' : target.kind === 'node' ? target.nodeKind : target.kind;
  const attrs = {
    [scanIgnoreAttribute]: '',
    'data-scan-key': targetKey(target),
    'data-scan-target-kind': kind,
    'data-scan-target-id': target === null ? '' : targetId(target),
    'data-scan-label': label,
    'data-scan-items': target?.kind === 'row' ? target.itemIds.join(' ') : '',
    'data-scan-phase': phase,
  };
  return (
    <div
      aria-hidden="true"
      className={['scan-overlay', className].filter(Boolean).join(' ')}
      style={{ '--scan-colour': colour } as CSSProperties}
      {...attrs}
      {...rest}
    >
      {box !== null && kind === 'item' ? <div className="scan-overlay__ring" style={ringStyle(box)} /> : null}
      {box !== null && (kind === 'group' || kind === 'region' || kind === 'row') ? (
        <div className="scan-overlay__ring scan-overlay__ring--container" style={ringStyle(box)}>
          <span
            className={box.top < 40 ? 'scan-overlay__chip scan-overlay__chip--inside' : 'scan-overlay__chip'}
          >
            {label}
          </span>
        </div>
      ) : null}
      {box !== null && kind === 'backUp' ? (
        <>
          <div className="scan-overlay__leaving" style={ringStyle(box)} />
          <span className="scan-overlay__ring scan-overlay__backup" style={backUpStyle(box)}>
            {t('scan.backUp')}
          </span>
        </>
      ) : null}
    </div>
  );
}

/** Just under the group it leaves, so it covers none of it; inside its lower edge when the window ends first. */
function backUpStyle(box: Box): CSSProperties {
  const height = 56;
  const margin = 12;
  const below = box.top + box.height + gap + margin;
  const top =
    below + height <= window.innerHeight
      ? below
      : Math.max(margin, Math.min(box.top + box.height, window.innerHeight) - height - margin);
  return {
    top,
    left: Math.min(Math.max(margin, box.left + margin), window.innerWidth - 220),
    minHeight: height,
  };
}
