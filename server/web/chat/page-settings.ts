import type { KeyValueStore } from './chat-outbox';
import { isChatLanguage, type ChatLanguage } from './i18n';

const languageKey = 'wings.chat.language';
const contrastKey = 'wings.chat.contrast';

/** The customer's choices on this page, kept in this browser. */
export interface PageSettings {
  language: ChatLanguage | null;
  highContrast: boolean;
}

export function loadPageSettings(store: KeyValueStore): PageSettings {
  try {
    const language = store.getItem(languageKey);
    return {
      language: isChatLanguage(language) ? language : null,
      highContrast: store.getItem(contrastKey) === 'high',
    };
  } catch {
    return { language: null, highContrast: false };
  }
}

export function savePageSettings(store: KeyValueStore, settings: PageSettings): void {
  try {
    if (settings.language) store.setItem(languageKey, settings.language);
    else store.removeItem(languageKey);
    if (settings.highContrast) store.setItem(contrastKey, 'high');
    else store.removeItem(contrastKey);
  } catch {
    // Not kept: the choice still holds for this visit.
  }
}

/**
 * localStorage, or, where the browser refuses it (some private modes throw on
 * access), a store that keeps nothing: the client then says that unsent text
 * lives only as long as the page.
 */
export function browserStore(): KeyValueStore {
  try {
    const storage = window.localStorage;
    storage.getItem(languageKey);
    return storage;
  } catch {
    return {
      getItem: () => null,
      setItem: () => {
        throw new Error('this browser keeps nothing for this page');
      },
      removeItem: () => {},
    };
  }
}
