import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeKeyMap, type ScanSettings } from '../../../shared/a11y';
import { keyName } from './KeyMapSetting';

export interface KeyUses {
  /** "Space: Select. Enter: Next." */
  readonly summary: string;
  /** What typing loses to those switches, one sentence per key; [] when nothing. */
  readonly losses: readonly string[];
}

/** Says which keys do what with these settings, and what typing loses to them, in the worker's words. */
export function useKeyUses(): (scan: ScanSettings) => KeyUses {
  const { t } = useTranslation('settings');
  return useCallback(
    (scan: ScanSettings) => {
      const uses = describeKeyMap(scan);
      const summary = uses
        .map((u) => t('scan.keyUse', { key: keyName(u.input), action: t(`scan.actions.${u.action}`) }))
        .join(' ');
      const losses = uses.flatMap((u) =>
        u.typing === null ? [] : [t(`scan.typingLoss.${u.typing}`, { key: keyName(u.input) })],
      );
      return { summary, losses };
    },
    [t],
  );
}

/** The whole sentence: "Space: Select. Enter: Next — Enter no longer submits forms while scanning is on." */
export function keyUsesText(uses: KeyUses): string {
  return uses.losses.length === 0 ? uses.summary : `${uses.summary} — ${uses.losses.join(' ')}`;
}
