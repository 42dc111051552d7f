import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { themes } from '../../../shared/bridge';
import { useA11yProfile } from '../profile/ProfileProvider';
import { ChoiceGroup } from './ChoiceGroup';
import { useSaveSetting } from './SettingsFeedback';
import { ToggleSetting } from './ToggleSetting';

const textScales = [1, 1.25, 1.5, 1.75, 2] as const;
type Theme = (typeof themes)[number];

export type DisplaySettingsProps = HTMLAttributes<HTMLDivElement>;

/** Theme, text size, targets and motion: also offered before sign-in, where a worker may need them first. */
export function DisplaySettings({ className, ...rest }: DisplaySettingsProps) {
  const { t, i18n } = useTranslation('settings');
  const { profile } = useA11yProfile();
  const save = useSaveSetting();
  const percent = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'percent' });
  const closestScale = textScales.reduce((best, s) =>
    Math.abs(s - profile.textScale) < Math.abs(best - profile.textScale) ? s : best,
  );
  return (
    <div className={['display-settings', className].filter(Boolean).join(' ')} {...rest}>
      <ChoiceGroup<Theme>
        legend={t('display.theme')}
        value={profile.theme}
        choices={themes.map((theme) => ({
          value: theme,
          label: t(`display.themes.${theme}`),
          adornment: <span className={`theme-swatch theme-swatch--${theme}`} aria-hidden="true" />,
        }))}
        onChange={(theme) =>
          save({ theme }, t('display.theme'), `${t('display.theme')}: ${t(`display.themes.${theme}`)}`)
        }
      />
      <ChoiceGroup
        inline
        legend={t('display.textSize')}
        value={String(closestScale)}
        choices={textScales.map((scale) => ({ value: String(scale), label: percent.format(scale) }))}
        onChange={(value) =>
          save(
            { textScale: Number(value) },
            t('display.textSize'),
            `${t('display.textSize')}: ${percent.format(Number(value))}`,
          )
        }
      />
      <ToggleSetting
        label={t('display.largeTargets')}
        checked={profile.largeTargets}
        onChange={(largeTargets) => save({ largeTargets }, t('display.largeTargets'))}
      />
      <ToggleSetting
        label={t('display.reducedMotion')}
        checked={profile.reducedMotion}
        onChange={(reducedMotion) => save({ reducedMotion }, t('display.reducedMotion'))}
      />
    </div>
  );
}
