import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { scanLabelKeys, type ScanLabel } from '../../../shared/a11y/scan-levels';

/** Turns the engine's labels into words: a node's own name, or one of the engine's own keys translated. */
export function useLabelText(): (label: ScanLabel) => string {
  const { t } = useTranslation('a11y');
  return useCallback(
    (label: ScanLabel) => {
      if ('text' in label) return label.text;
      const row = Number(label.values?.['row'] ?? 0);
      const cells = Number(label.values?.['cells'] ?? 0);
      if (label.key === scanLabelKeys.row) return t('scan.row', { row, cells });
      if (label.key === scanLabelKeys.backUp) return t('scan.backUp');
      return '';
    },
    [t],
  );
}
