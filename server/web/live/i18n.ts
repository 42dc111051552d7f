import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../../shared/i18n/locales/en/viewer.json';
import zh from '../../../shared/i18n/locales/zh-CN/viewer.json';

export const viewerLanguages = ['zh-CN', 'en'] as const;
export type ViewerLanguage = (typeof viewerLanguages)[number];

export function isViewerLanguage(value: unknown): value is ViewerLanguage {
  return typeof value === 'string' && (viewerLanguages as readonly string[]).includes(value);
}

/** Any Chinese goes to zh-CN, anything else to English, as in the workstation (shared/i18n). */
function matchTag(tag: string): ViewerLanguage {
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** `?lng=` first (a shared link), then what the viewer chose here, then the browser. */
export function pickViewerLanguage(
  query: string | null,
  saved: string | null,
  preferred: readonly string[],
): ViewerLanguage {
  if (query) return isViewerLanguage(query) ? query : matchTag(query);
  if (isViewerLanguage(saved)) return saved;
  const first = preferred.find((tag) => tag.trim() !== '');
  return first ? matchTag(first) : 'en';
}

/** The page's own i18next with the `viewer` namespace only: a viewer's phone downloads nothing else. */
export function createViewerI18n(language: ViewerLanguage): I18n {
  const instance = createInstance();
  instance.use(initReactI18next);
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...viewerLanguages],
    load: 'currentOnly',
    ns: ['viewer'],
    defaultNS: 'viewer',
    resources: { en: { viewer: en }, 'zh-CN': { viewer: zh } },
    initAsync: false,
    returnNull: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  });
  return instance;
}
