import { useTranslation } from 'react-i18next';
import { viewerLanguages, type ViewerLanguage } from './i18n';
import type { PageSettings } from './page-settings';

/** Each language named in itself, so a viewer finds theirs whatever the page shows now. */
const ownNames: Record<ViewerLanguage, string> = { 'zh-CN': '中文', en: 'English' };

export function PageSettingsBar({
  settings,
  language,
  onChange,
}: {
  settings: PageSettings;
  language: ViewerLanguage;
  onChange: (settings: PageSettings) => void;
}) {
  const { t } = useTranslation('viewer');
  return (
    <div className="live-settings" role="group" aria-label={t('settings')}>
      <div className="live-languages" role="group" aria-label={t('language')}>
        {viewerLanguages.map((lng) => (
          <button
            key={lng}
            type="button"
            lang={lng}
            className="live-button live-button--quiet"
            aria-pressed={lng === language}
            onClick={() => onChange({ ...settings, language: lng })}
          >
            {ownNames[lng]}
          </button>
        ))}
      </div>
      {/* Text size and contrast fold away: on a phone at 200 % the header must not push the picture off screen. */}
      <details className="live-display">
        <summary className="live-button live-button--quiet">{t('display')}</summary>
        <div className="live-display-options">
          <button
            type="button"
            className="live-button live-button--quiet"
            aria-pressed={settings.largeText}
            onClick={() => onChange({ ...settings, largeText: !settings.largeText })}
          >
            {t('largeText')}
          </button>
          <button
            type="button"
            className="live-button live-button--quiet"
            aria-pressed={settings.highContrast}
            onClick={() => onChange({ ...settings, highContrast: !settings.highContrast })}
          >
            {t('highContrast')}
          </button>
        </div>
      </details>
    </div>
  );
}
