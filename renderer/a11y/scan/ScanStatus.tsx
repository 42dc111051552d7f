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
import type { ScannerState } from '../../../shared/a11y';
import { placeNote, type Rect } from '../../../shared/a11y/overlay-geometry';
import { controlBox } from './highlight-measure';
import { isScanItem, scanIdAttribute, scanIgnoreAttribute } from './scan-dom';
import './ScanStatus.css';

export interface ScanStatusProps extends HTMLAttributes<HTMLParagraphElement> {
  phase: ScannerState['phase'];
  /** Bumped when the page changed, so a free corner is looked for again. */
  layoutVersion: number;
}

/** Matches the stylesheet's inset from the window's edge (--space-4). */
const margin = 16;

function controlRects(): Rect[] {
  return Array.from(document.querySelectorAll(`[${scanIdAttribute}]`))
    .filter((el) => el.closest(`[${scanIgnoreAttribute}]`) === null && isScanItem(el))
    .map(controlBox);
}

/**
 * Says, on screen, why nothing is highlighted: scanning waits for the first
 * press, or paused after its loops. Visual only (aria-hidden), like the ring:
 * speech stays with the engine's own speak effect. It sits in a corner of
 * the window that holds no control, so it never hides what the worker wants.
 */
export function ScanStatus({ phase, layoutVersion, className, style, ...rest }: ScanStatusProps) {
  const { t } = useTranslation('a11y');
  const ref = useRef<HTMLParagraphElement>(null);
  const [spot, setSpot] = useState<{ left: number; top: number } | null>(null);
  const shown = phase === 'waiting' || phase === 'paused';
  // Scrolling or resizing moves the controls under a corner: look again.
  const [moved, remeasure] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!shown) return;
    window.addEventListener('scroll', remeasure, { capture: true, passive: true });
    window.addEventListener('resize', remeasure);
    return () => {
      window.removeEventListener('scroll', remeasure, { capture: true });
      window.removeEventListener('resize', remeasure);
    };
  }, [shown]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const view = document.documentElement;
    const place = placeNote(
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: view.clientWidth, height: view.clientHeight },
      margin,
      controlRects(),
    );
    setSpot((old) => (old?.left === place.left && old.top === place.top ? old : place));
  }, [shown, phase, layoutVersion, moved, t]);

  if (!shown) return null;
  const attrs = { [scanIgnoreAttribute]: '' };
  const at: CSSProperties = spot === null ? { visibility: 'hidden' } : { left: spot.left, top: spot.top };
  return (
    <p
      ref={ref}
      aria-hidden="true"
      className={['scan-status', className].filter(Boolean).join(' ')}
      style={{ ...at, ...style }}
      {...attrs}
      {...rest}
    >
      {phase === 'waiting' ? t('scan.waiting') : t('scan.paused')}
    </p>
  );
}
