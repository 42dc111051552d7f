import { useId, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { scanMethods, scanSettingsSchema } from '../../../shared/a11y';
import { useA11yProfile } from '../profile/ProfileProvider';
import { ChoiceGroup } from './ChoiceGroup';
import { HighlightColourSetting } from './HighlightColourSetting';
import { KeyMapSetting } from './KeyMapSetting';
import { useSaveSetting } from './SettingsFeedback';
import { SettingsSection } from './SettingsSection';
import { ToggleSetting } from './ToggleSetting';
import { keyUsesText, useKeyUses } from './useKeyUses';
import { useSaveScan } from './useSaveScan';

export type ScanSettingsFormProps = HTMLAttributes<HTMLDivElement>;

/**
 * The "Switch scanning" tab: on or off, switches, method and feedback, the
 * keys, and the highlight colour. Timings have a tab of their own
 * (ScanTimingSettings). Each setting is saved as soon as it is changed.
 */
export function ScanSettingsForm({ className, ...rest }: ScanSettingsFormProps) {
  const { t } = useTranslation('settings');
  const { profile } = useA11yProfile();
  const save = useSaveSetting();
  const saveScan = useSaveScan();
  const scan = profile.scan;
  const keyUses = useKeyUses();
  const keysId = useId();

  const setSwitchCount = (switchCount: 1 | 2) => {
    // A custom map made for one switch may have no Next; the defaults for two switches do.
    const keepsMap = scanSettingsSchema.safeParse({ ...scan, switchCount }).success;
    const patch = keepsMap ? { switchCount } : { switchCount, keyMap: null };
    // Said once, politely, with the save: which keys now do what, and what typing loses (Enter submitting forms).
    const keys = keyUsesText(keyUses({ ...scan, ...patch }));
    return saveScan(
      patch,
      t('scan.switchCount'),
      `${t('scan.switchCount')}: ${t(`scan.switchCounts.${switchCount}`)}. ${keys}`,
    );
  };

  return (
    <div className={['scan-settings', className].filter(Boolean).join(' ')} {...rest}>
      <SettingsSection heading={t('scan.groups.scanning')}>
        <ToggleSetting
          label={t('scan.enabled')}
          checked={profile.scanning}
          onChange={(scanning) => save({ scanning }, t('scan.enabled'))}
        />
        <div className="settings-section__grid">
          <ChoiceGroup<'1' | '2'>
            legend={t('scan.switchCount')}
            value={String(scan.switchCount) as '1' | '2'}
            choices={(['1', '2'] as const).map((count) => ({
              value: count,
              label: t(`scan.switchCounts.${count}`),
            }))}
            onChange={(count) => setSwitchCount(count === '2' ? 2 : 1)}
            aria-describedby={keysId}
          />
          <ChoiceGroup
            legend={t('scan.method')}
            value={scan.scanMethod}
            choices={scanMethods.map((method) => ({ value: method, label: t(`scan.methods.${method}`) }))}
            onChange={(scanMethod) =>
              saveScan(
                { scanMethod },
                t('scan.method'),
                `${t('scan.method')}: ${t(`scan.methods.${scanMethod}`)}`,
              )
            }
          />
        </div>
        {/* Right where the number of switches is chosen: what each key now does. */}
        <p id={keysId} className="field__hint scan-settings__keys">
          {keyUsesText(keyUses(scan))}
        </p>
        <ToggleSetting
          label={t('scan.switchKeysType')}
          checked={scan.switchKeysType}
          onChange={(switchKeysType) => saveScan({ switchKeysType }, t('scan.switchKeysType'))}
        />
        <ToggleSetting
          label={t('scan.tickSound')}
          checked={scan.tickSound}
          onChange={(tickSound) => saveScan({ tickSound }, t('scan.tickSound'))}
        />
        <ToggleSetting
          label={t('scan.speakLabels')}
          checked={scan.speakLabels}
          onChange={(speakLabels) => saveScan({ speakLabels }, t('scan.speakLabels'))}
        />
      </SettingsSection>
      <KeyMapSetting scan={scan} className="settings-section" />
      <HighlightColourSetting colour={scan.highlightColour} className="settings-section" />
    </div>
  );
}
