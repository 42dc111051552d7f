import { useEffect, useId, useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertSettings } from './AlertSettings';
import { DisplaySettings } from './DisplaySettings';
import { KeyboardSettings } from './KeyboardSettings';
import { ScanSettingsForm } from './ScanSettingsForm';
import { ScanTimingSettings } from './ScanTimingSettings';
import { SettingsFeedback } from './SettingsFeedback';
import { SettingsSection } from './SettingsSection';
import { SettingsTabs } from './SettingsTabs';
import {
  hashForSection,
  sectionFromHash,
  settingsSections,
  type SettingsSectionId,
} from './settings-sections';
import { ShortcutOptions } from '../keyboard/ShortcutOptions';
import { ShortcutSettings } from '../keyboard/ShortcutSettings';
import { isSettingsHash } from '../../app/workspaces';
import './SettingsPage.css';

export interface SettingsPageProps extends HTMLAttributes<HTMLElement> {
  /** Changes each time the worker opens the page; the heading then takes focus, as a workspace's does. */
  focusRequest: number;
}

const labelKeys = {
  display: 'display.legend',
  alerts: 'alerts.legend',
  scanning: 'scan.legend',
  timing: 'scan.timingLegend',
  keyboard: 'keyboard.legend',
  shortcuts: 'keyboard.shortcutsLegend',
} as const satisfies Record<SettingsSectionId, string>;

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
        </>
      );
    case 'shortcuts':
      return <ShortcutSettings />;
  }
}

export function SettingsPage({ focusRequest, className, ...rest }: SettingsPageProps) {
  const { t } = useTranslation('settings');
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const tabsId = useId();
  const [section, setSection] = useState<SettingsSectionId>(
    () => sectionFromHash(window.location.hash) ?? 'display',
  );

  useEffect(() => {
    if (focusRequest > 0) heading.current?.focus();
  }, [focusRequest]);

  const shown = useRef(section);
  useEffect(() => {
    shown.current = section;
  });

  // Back, forward or a link to another section; a plain `#/settings` (the banner link) keeps the section in view.
  useEffect(() => {
    const onHashChange = () => {
      const named = sectionFromHash(window.location.hash);
      if (named) setSection(named);
      else if (isSettingsHash(window.location.hash))
        window.history.replaceState(null, '', hashForSection(shown.current));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const select = (next: SettingsSectionId) => {
    setSection(next);
    // Replaced, not pushed: Back leaves settings instead of walking through every tab tried.
    window.history.replaceState(null, '', hashForSection(next));
  };
  const tabId = (id: SettingsSectionId) => `${tabsId}-${id}`;

  return (
    <section
      aria-labelledby={titleId}
      className={['settings-page', className].filter(Boolean).join(' ')}
      {...rest}
    >
      <h1 id={titleId} ref={heading} tabIndex={-1} className="settings-page__title">
        {t('title')}
      </h1>
      <p className="settings-page__intro">{t('intro')}</p>
      <SettingsFeedback className="settings-page__feedback">
        <SettingsTabs
          aria-label={t('sections')}
          tabs={settingsSections.map((id) => ({ id, label: t(labelKeys[id]) }))}
          selected={section}
          onSelect={select}
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
    </section>
  );
}
