import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { scanSettingsFields } from '../../../shared/a11y';
import { useA11yProfile } from '../profile/ProfileProvider';
import { ChoiceGroup } from './ChoiceGroup';
import { NumberSetting } from './NumberSetting';
import { SettingsSection } from './SettingsSection';
import { ToggleSetting } from './ToggleSetting';
import { useSaveScan } from './useSaveScan';

const f = scanSettingsFields;
const restartPlaces = ['group', 'top'] as const;
/** The settings kept in milliseconds and shown in seconds. */
const inSeconds = {
  interval: { key: 'intervalMs', label: 'scan.interval' },
  firstItemDelay: { key: 'firstItemDelayMs', label: 'scan.firstItemDelay' },
  hold: { key: 'holdMs', label: 'scan.hold' },
  ignoreRepeat: { key: 'ignoreRepeatMs', label: 'scan.ignoreRepeat' },
} as const;
type InSeconds = (typeof inSeconds)[keyof typeof inSeconds];

export type ScanTimingSettingsProps = HTMLAttributes<HTMLDivElement>;

/** The "Scan timing" tab: how fast the highlight moves, and how presses are read. */
export function ScanTimingSettings({ className, ...rest }: ScanTimingSettingsProps) {
  const { t } = useTranslation('settings');
  const { profile } = useA11yProfile();
  const saveScan = useSaveScan();
  const scan = profile.scan;
  const seconds = ({ key, label }: InSeconds) => (
    <NumberSetting
      label={t(label)}
      value={scan[key]}
      scale={1000}
      step={100}
      schema={f[key]}
      zeroIsOff={f[key].minValue === 0}
      onCommit={(ms) => void saveScan({ [key]: ms }, t(label))}
    />
  );

  return (
    <div className={['scan-settings', className].filter(Boolean).join(' ')} {...rest}>
      <SettingsSection heading={t('scan.groups.timing')}>
        <div className="settings-section__grid">
          {seconds(inSeconds.interval)}
          {seconds(inSeconds.firstItemDelay)}
          <NumberSetting
            label={t('scan.loops')}
            value={scan.loops}
            step={1}
            schema={f.loops}
            onCommit={(loops) => void saveScan({ loops }, t('scan.loops'))}
          />
        </div>
        <ChoiceGroup
          inline
          legend={t('scan.restartAfterSelect')}
          value={scan.restartAfterSelect}
          choices={restartPlaces.map((where) => ({
            value: where,
            label: t(`scan.restartOptions.${where}`),
          }))}
          onChange={(restartAfterSelect) =>
            saveScan(
              { restartAfterSelect },
              t('scan.restartAfterSelect'),
              `${t('scan.restartAfterSelect')}: ${t(`scan.restartOptions.${restartAfterSelect}`)}`,
            )
          }
        />
      </SettingsSection>
      <SettingsSection heading={t('scan.groups.presses')}>
        <div className="settings-section__grid">
          {seconds(inSeconds.hold)}
          {seconds(inSeconds.ignoreRepeat)}
          <NumberSetting
            label={t('scan.autoSelect')}
            value={scan.autoSelectMs}
            scale={1000}
            step={100}
            min={500}
            schema={f.autoSelectMs}
            zeroIsOff
            onCommit={(autoSelectMs) => void saveScan({ autoSelectMs }, t('scan.autoSelect'))}
          />
        </div>
        <ToggleSetting
          label={t('scan.startOnFirstPress')}
          checked={scan.startOnFirstPress}
          onChange={(startOnFirstPress) => saveScan({ startOnFirstPress }, t('scan.startOnFirstPress'))}
        />
      </SettingsSection>
    </div>
  );
}
