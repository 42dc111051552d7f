import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../../shared/i18n/locales/en/chat.json';
import zh from '../../../shared/i18n/locales/zh-CN/chat.json';

export const chatLanguages = ['zh-CN', 'en'] as const;
export type ChatLanguage = (typeof chatLanguages)[number];

export function isChatLanguage(value: unknown): value is ChatLanguage {
  return typeof value === 'string' && (chatLanguages as readonly string[]).includes(value);
}

/** Any Chinese goes to zh-CN, anything else to English, as in the workstation (shared/i18n). */
function matchTag(tag: string): ChatLanguage {
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** `?lng=` first (links from the shop), then what the customer chose here, then the browser. */
export function pickChatLanguage(
  query: string | null,
  saved: string | null,
  preferred: readonly string[],
): ChatLanguage {
  if (query) return isChatLanguage(query) ? query : matchTag(query);
  if (isChatLanguage(saved)) return saved;
  const first = preferred.find((tag) => tag.trim() !== '');
  return first ? matchTag(first) : 'en';
}

/**
 * The page's own i18next with the `chat` namespace only: the customer's
 * browser downloads these strings and none of the workstation's.
 */
export function createChatI18n(language: ChatLanguage): I18n {
  const instance = createInstance();
  instance.use(initReactI18next);
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...chatLanguages],
    load: 'currentOnly',
    ns: ['chat'],
    defaultNS: 'chat',
    resources: { en: { chat: en }, 'zh-CN': { chat: zh } },
    initAsync: false,
    returnNull: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  });
  return instance;
}
