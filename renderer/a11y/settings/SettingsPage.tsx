import { useId, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ViewFrame } from '../../ui/ViewFrame';
import { AlertSettings } from './AlertSettings';
import { DisplaySettings } from './DisplaySettings';
import { KeyboardSettings } from './KeyboardSettings';
import { LearnedWordsSetting } from './LearnedWordsSetting';
import { ScanSettingsForm } from './ScanSettingsForm';
import { ScanTimingSettings } from './ScanTimingSettings';
import { SettingsFeedback } from './SettingsFeedback';
import { SettingsSection } from './SettingsSection';
import { SettingsTabs } from './SettingsTabs';
import { settingsSectionLabelKeys, settingsSections, type SettingsSectionId } from './settings-sections';
import { ShortcutOptions } from '../keyboard/ShortcutOptions';
import { ShortcutSettings } from '../keyboard/ShortcutSettings';
import './SettingsPage.css';

export interface SettingsPageProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** Changes on each navigation to the page; the heading then takes focus, as a workspace's does. */
  focusRequest: number;
  /** The section shown; the app keeps it in the address (`#/settings/<section>`). */
  section: SettingsSectionId;
  /**
   * The worker chose another tab. The app replaces the address rather than
   * adding to the history, so Back leaves settings instead of walking through every tab tried.
   */
  onSelectSection: (section: SettingsSectionId) => void;
}

function SectionContent({ section }: { section: SettingsSectionId }) {
  const { t } = useTranslation('settings');
  switch (section) {
    case 'display':
      return <DisplaySettings />;
    case 'alerts':
      return <AlertSettings />;
    case 'scanning':
      return <ScanSettingsForm />;
    case 'timing':
      return <ScanTimingSettings />;
    case 'keyboard':
      return (
        <>
          <SettingsSection heading={t('keyboard.filtersLegend')}>
            <KeyboardSettings />
          </SettingsSection>
          <ShortcutOptions className="settings-section" />
          <SettingsSection heading={t('learnedWords.legend')}>
            <LearnedWordsSetting />
          </SettingsSection>
        </>
      );
    case 'shortcuts':
      return <ShortcutSettings />;
  }
}

export function SettingsPage({
  focusRequest,
  section,
  onSelectSection,
  className,
  ...rest
}: SettingsPageProps) {
  const { t } = useTranslation('settings');
  const tabsId = useId();
  const tabId = (id: SettingsSectionId) => `${tabsId}-${id}`;

  return (
    <ViewFrame
      title={t('title')}
      focusRequest={focusRequest}
      className={['settings-page', className].filter(Boolean).join(' ')}
      {...rest}
    >
      <p className="settings-page__intro">{t('intro')}</p>
      <SettingsFeedback className="settings-page__feedback">
        <SettingsTabs
          aria-label={t('sections')}
          tabs={settingsSections.map((id) => ({ id, label: t(settingsSectionLabelKeys[id]) }))}
          selected={section}
          onSelect={onSelectSection}
          tabId={tabId}
        />
        <div
          role="tabpanel"
          id={`${tabId(section)}-panel`}
          aria-labelledby={tabId(section)}
          className="settings-panel"
        >
          <SectionContent section={section} />
        </div>
      </SettingsFeedback>
    </ViewFrame>
  );
}
