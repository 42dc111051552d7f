import { useTranslation } from 'react-i18next';
import { chatLanguages, type ChatLanguage } from './i18n';
import type { PageSettings } from './page-settings';

/** Each language named in itself, so a customer finds theirs whatever the page shows now. */
const ownNames: Record<ChatLanguage, string> = { 'zh-CN': '中文', en: 'English' };

export function PageSettingsBar(props: {
  language: ChatLanguage;
  highContrast: boolean;
  onChange: (settings: PageSettings) => void;
}) {
  const { t } = useTranslation('chat');
  const { language, highContrast, onChange } = props;
  return (
    <div className="chat-settings" role="group" aria-label={t('settings')}>
      <div className="chat-languages" role="group" aria-label={t('language')}>
        {chatLanguages.map((lng) => (
          <button
            key={lng}
            type="button"
            lang={lng}
            className="chat-button chat-button--quiet"
            aria-pressed={lng === language}
            onClick={() => onChange({ language: lng, highContrast })}
          >
            {ownNames[lng]}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="chat-button chat-button--quiet"
        aria-pressed={highContrast}
        onClick={() => onChange({ language, highContrast: !highContrast })}
      >
        {t('highContrast')}
      </button>
    </div>
  );
}
