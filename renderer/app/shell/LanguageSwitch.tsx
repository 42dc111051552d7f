import { useId, type SelectHTMLAttributes } from 'react';
import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { isLanguage, languages } from '../../../shared/i18n';
import { Icon } from '../../ui/Icon';
import { useLanguageAction } from './shell-actions';
import { useLanguage } from '../providers/useLanguage';
import './LanguageSwitch.css';

export type LanguageSwitchProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id'>;

export function LanguageSwitch({ className, ...rest }: LanguageSwitchProps) {
  const { t } = useTranslation('shell');
  const { language, setLanguage } = useLanguage();
  useLanguageAction(language, setLanguage);
  const id = useId();
  return (
    <div className={['language-switch', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="visually-hidden">
        {t('language')}
      </label>
      <Icon icon={Languages} size="sm" className="language-switch__icon" />
      <select
        id={id}
        className="language-switch__select"
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void setLanguage(event.target.value);
        }}
        {...rest}
      >
        {languages.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`languageNames.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
