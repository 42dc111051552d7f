import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { keyFiltersSchema } from '../../../shared/bridge';
import { useA11yProfile } from '../profile/ProfileProvider';
import { NumberSetting } from './NumberSetting';
import { useSaveSetting } from './SettingsFeedback';

/** The host's own fields, unwrapped from their defaults: what the page accepts is what the host keeps. */
const fields = {
  slowKeysMs: keyFiltersSchema.shape.slowKeysMs.unwrap(),
  bounceKeysMs: keyFiltersSchema.shape.bounceKeysMs.unwrap(),
};

export type KeyboardSettingsProps = HTMLAttributes<HTMLDivElement>;

export function KeyboardSettings({ className, ...rest }: KeyboardSettingsProps) {
  const { t } = useTranslation('settings');
  const { profile } = useA11yProfile();
  const save = useSaveSetting();
  return (
    <div className={['settings-section__grid', className].filter(Boolean).join(' ')} {...rest}>
      <NumberSetting
        label={t('keyboard.slowKeys')}
        value={profile.keyFilters.slowKeysMs}
        scale={1000}
        step={100}
        schema={fields.slowKeysMs}
        onCommit={(slowKeysMs) => void save({ keyFilters: { slowKeysMs } }, t('keyboard.slowKeys'))}
      />
      <NumberSetting
        label={t('keyboard.bounceKeys')}
        value={profile.keyFilters.bounceKeysMs}
        scale={1000}
        step={100}
        schema={fields.bounceKeysMs}
        onCommit={(bounceKeysMs) => void save({ keyFilters: { bounceKeysMs } }, t('keyboard.bounceKeys'))}
      />
    </div>
  );
}
