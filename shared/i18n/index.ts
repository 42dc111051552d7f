import { createInstance, type i18n as I18n, type Module } from 'i18next';
import { languages, type Language } from '../bridge/settings';
import enAuth from './locales/en/auth.json';
import enSettings from './locales/en/settings.json';
import enKeyboard from './locales/en/keyboard.json';
import enA11y from './locales/en/a11y.json';
import enCommon from './locales/en/common.json';
import enErrors from './locales/en/errors.json';
import enShell from './locales/en/shell.json';
import enTeam from './locales/en/team.json';
import enHost from './locales/en/host.json';
import enOutbox from './locales/en/outbox.json';
import enTickets from './locales/en/tickets.json';
import enChat from './locales/en/chat.json';
import enLive from './locales/en/live.json';
import enTeleprompter from './locales/en/teleprompter.json';
import enViewer from './locales/en/viewer.json';
import enShifts from './locales/en/shifts.json';
import enEmployer from './locales/en/employer.json';
import enTimesheets from './locales/en/timesheets.json';
import enQuota from './locales/en/quota.json';
import zhAuth from './locales/zh-CN/auth.json';
import zhSettings from './locales/zh-CN/settings.json';
import zhKeyboard from './locales/zh-CN/keyboard.json';
import zhA11y from './locales/zh-CN/a11y.json';
import zhCommon from './locales/zh-CN/common.json';
import zhErrors from './locales/zh-CN/errors.json';
import zhShell from './locales/zh-CN/shell.json';
import zhTeam from './locales/zh-CN/team.json';
import zhHost from './locales/zh-CN/host.json';
import zhOutbox from './locales/zh-CN/outbox.json';
import zhTickets from './locales/zh-CN/tickets.json';
import zhChat from './locales/zh-CN/chat.json';
import zhLive from './locales/zh-CN/live.json';
import zhTeleprompter from './locales/zh-CN/teleprompter.json';
import zhViewer from './locales/zh-CN/viewer.json';
import zhShifts from './locales/zh-CN/shifts.json';
import zhEmployer from './locales/zh-CN/employer.json';
import zhTimesheets from './locales/zh-CN/timesheets.json';
import zhQuota from './locales/zh-CN/quota.json';

export const namespaces = [
  'common',
  'auth',
  'shell',
  'team',
  'errors',
  'a11y',
  'keyboard',
  'settings',
  'host',
  'outbox',
  'tickets',
  /** The customer chat page the hub serves (server/web/chat), which loads only this namespace. */
  'chat',
  /** The anchor's broadcast console (renderer/live). */
  'live',
  /** The teleprompter and its synthesised voice (renderer/live/teleprompter). */
  'teleprompter',
  /** The live viewer page the hub serves (server/web/live), which loads only this namespace. */
  'viewer',
  /** The worker's shifts, earnings and pay statement (renderer/shifts). */
  'shifts',
  /** The employer workspace: roster, output, charts and exports (renderer/employer). */
  'employer',
  /** Timesheets and their approval trail (renderer/employer/timesheets). */
  'timesheets',
  /** The disability-employment quota report and its records (renderer/employer/quota). */
  'quota',
] as const;
export type Namespace = (typeof namespaces)[number];
export const defaultNamespace = 'common' satisfies Namespace;

/** Bundled statically: the workstation must show its own words with no network and no disk access. */
export const resources = {
  en: {
    common: enCommon,
    auth: enAuth,
    shell: enShell,
    team: enTeam,
    errors: enErrors,
    a11y: enA11y,
    keyboard: enKeyboard,
    settings: enSettings,
    host: enHost,
    outbox: enOutbox,
    tickets: enTickets,
    chat: enChat,
    live: enLive,
    teleprompter: enTeleprompter,
    viewer: enViewer,
    shifts: enShifts,
    employer: enEmployer,
    timesheets: enTimesheets,
    quota: enQuota,
  },
  'zh-CN': {
    common: zhCommon,
    auth: zhAuth,
    shell: zhShell,
    team: zhTeam,
    errors: zhErrors,
    a11y: zhA11y,
    keyboard: zhKeyboard,
    settings: zhSettings,
    host: zhHost,
    outbox: zhOutbox,
    tickets: zhTickets,
    chat: zhChat,
    live: zhLive,
    teleprompter: zhTeleprompter,
    viewer: zhViewer,
    shifts: zhShifts,
    employer: zhEmployer,
    timesheets: zhTimesheets,
    quota: zhQuota,
  },
} as const satisfies Record<Language, Record<Namespace, object>>;

export { languages, type Language };
/** The `lang` of people's own text, from its script: for every place that shows what someone wrote. */
export { textLang, type TextLang } from './text-lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag onto the languages Wings ships: any Chinese goes to zh-CN, anything else to English. */
export function matchLanguage(tag: string): Language {
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export interface LanguageSources {
  /** `?lng=` in the address, for links and tests that must open in a given language. */
  query?: string | null;
  /** What the worker chose last time (settings.language); null follows the system. */
  saved?: Language | null;
  /** navigator.languages, most preferred first. */
  preferred?: readonly string[];
}

export function pickLanguage({ query, saved, preferred = [] }: LanguageSources): Language {
  if (query) return isLanguage(query) ? query : matchLanguage(query);
  if (saved) return saved;
  const first = preferred.find((tag) => tag.trim() !== '');
  return first ? matchLanguage(first) : 'en';
}

/**
 * A fresh instance per caller so tests and windows never share a language by accident.
 * Initialisation is synchronous because every resource is already in memory.
 */
export function createI18n(language: Language, plugins: readonly Module[] = []): I18n {
  const instance = createInstance();
  for (const plugin of plugins) instance.use(plugin);
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    load: 'currentOnly',
    ns: [...namespaces],
    defaultNS: defaultNamespace,
    resources,
    initAsync: false,
    returnNull: false,
    // React escapes what it renders; escaping here too would show &amp; to the worker.
    interpolation: { escapeValue: false },
  });
  return instance;
}
