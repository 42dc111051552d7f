import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useAlerts } from '../alerts/AlertsProvider';
import { useA11yProfile } from '../profile/ProfileProvider';
import { useSaveSetting } from './SettingsFeedback';
import { ToggleSetting } from './ToggleSetting';

const testKind = 'info';

export type AlertSettingsProps = HTMLAttributes<HTMLDivElement>;

export function AlertSettings({ className, ...rest }: AlertSettingsProps) {
  const { t } = useTranslation('settings');
  const { profile } = useA11yProfile();
  const { notify } = useAlerts();
  const save = useSaveSetting();
  return (
    <div className={['alert-settings', className].filter(Boolean).join(' ')} {...rest}>
      <ToggleSetting
        label={t('alerts.visual')}
        checked={profile.visualAlerts}
        onChange={(visualAlerts) => save({ visualAlerts }, t('alerts.visual'))}
      />
      <ToggleSetting
        label={t('alerts.edgeFlash')}
        checked={profile.edgeFlash}
        onChange={(edgeFlash) => save({ edgeFlash }, t('alerts.edgeFlash'))}
      />
      <ToggleSetting
        label={t('alerts.sounds')}
        checked={profile.alertSounds}
        onChange={(alertSounds) => save({ alertSounds }, t('alerts.sounds'))}
      />
      {/* Goes through the real alert service, so it shows exactly what a new ticket or note would. */}
      <Button
        className="alert-settings__test"
        onClick={() => notify({ kind: testKind, message: t('alerts.testMessage') })}
      >
        {t('alerts.test')}
      </Button>
    </div>
  );
}
