import type { i18n as I18n } from 'i18next';
import { languages } from '../../../shared/i18n';
import {
  settingsSectionLabelKeys,
  settingsSections,
  type SettingsSectionId,
} from '../../a11y/settings/settings-sections';
import { wordsOf, type JumpVocabulary } from './jumps';
import { employerViews, type EmployerView } from './routes';

/** The words of typed jumps in every language the app ships, so either works whichever one is showing. */
export function jumpVocabulary(i18n: I18n): JumpVocabulary {
  const words = (kind: keyof JumpVocabulary['words']) =>
    languages.flatMap((lng) => wordsOf(i18n.getFixedT(lng, 'keyboard')(`jump.words.${kind}`)));
  const views = new Map<string, EmployerView>();
  const tabs = new Map<string, SettingsSectionId>();
  for (const view of employerViews) {
    views.set(view, view);
    for (const lng of languages)
      views.set(i18n.getFixedT(lng, 'shell')(`employerViews.${view}`).toLocaleLowerCase(), view);
  }
  for (const tab of settingsSections) {
    tabs.set(tab, tab);
    for (const lng of languages)
      tabs.set(i18n.getFixedT(lng, 'settings')(settingsSectionLabelKeys[tab]).toLocaleLowerCase(), tab);
  }
  return {
    words: {
      tickets: words('tickets'),
      live: words('live'),
      shifts: words('shifts'),
      employer: words('employer'),
      settings: words('settings'),
    },
    employerViews: views,
    settingsTabs: tabs,
  };
}
