import { isViewerLanguage, type ViewerLanguage } from './i18n';

/** localStorage, or what stands in for it where the browser refuses it. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const languageKey = 'wings.live.language';
const contrastKey = 'wings.live.contrast';
const textKey = 'wings.live.text';

/** The viewer's choices on this page, kept in this browser. */
export interface PageSettings {
  language: ViewerLanguage | null;
  highContrast: boolean;
  largeText: boolean;
}

export function loadPageSettings(store: KeyValueStore): PageSettings {
  try {
    const language = store.getItem(languageKey);
    return {
      language: isViewerLanguage(language) ? language : null,
      highContrast: store.getItem(contrastKey) === 'high',
      largeText: store.getItem(textKey) === 'large',
    };
  } catch {
    return { language: null, highContrast: false, largeText: false };
  }
}

export function savePageSettings(store: KeyValueStore, settings: PageSettings): void {
  try {
    if (settings.language) store.setItem(languageKey, settings.language);
    else store.removeItem(languageKey);
    if (settings.highContrast) store.setItem(contrastKey, 'high');
    else store.removeItem(contrastKey);
    if (settings.largeText) store.setItem(textKey, 'large');
    else store.removeItem(textKey);
  } catch {
    // Not kept: the choice still holds for this visit.
  }
}

/** localStorage, or, where the browser refuses it (some private modes throw), a store that keeps nothing. */
export function browserStore(): KeyValueStore {
  try {
    const storage = window.localStorage;
    storage.getItem(languageKey);
    return storage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
}

/** The viewer's token per room, so a reload (or a return) is the same viewer: their orders and mutes follow them. */
export function tokenKey(slug: string): string {
  return `wings.live.viewer.${slug}`;
}

export interface KeptViewer {
  token: string;
  nickname: string;
}

export function loadViewer(store: KeyValueStore, slug: string): KeptViewer | null {
  try {
    const raw = store.getItem(tokenKey(slug));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'token' in parsed &&
      'nickname' in parsed &&
      typeof parsed.token === 'string' &&
      typeof parsed.nickname === 'string'
    )
      return { token: parsed.token, nickname: parsed.nickname };
    return null;
  } catch {
    return null;
  }
}

export function saveViewer(store: KeyValueStore, slug: string, viewer: KeptViewer | null): void {
  try {
    if (viewer) store.setItem(tokenKey(slug), JSON.stringify(viewer));
    else store.removeItem(tokenKey(slug));
  } catch {
    // Kept for this visit only.
  }
}
