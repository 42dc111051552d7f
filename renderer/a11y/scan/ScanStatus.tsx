import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScannerState } from '../../../shared/a11y';
import { scanIgnoreAttribute } from './scan-dom';
import './ScanStatus.css';

export interface ScanStatusProps extends HTMLAttributes<HTMLParagraphElement> {
  phase: ScannerState['phase'];
}

/**
 * Says, on screen, why nothing is highlighted: scanning waits for the first
 * press, or paused after its loops. Visual only (aria-hidden), like the ring:
 * speech stays with the engine's own speak effect.
 */
export function ScanStatus({ phase, className, ...rest }: ScanStatusProps) {
  const { t } = useTranslation('a11y');
  if (phase !== 'waiting' && phase !== 'paused') return null;
  const attrs = { [scanIgnoreAttribute]: '' };
  return (
    <p
      aria-hidden="true"
      className={['scan-status', className].filter(Boolean).join(' ')}
      {...attrs}
      {...rest}
    >
      {phase === 'waiting' ? t('scan.waiting') : t('scan.paused')}
    </p>
  );
}
