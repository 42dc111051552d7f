import {
  parseEnLexicon,
  parseZhDictionary,
  type EnLexicon,
  type ZhDictionary,
} from '../../../shared/a11y/text-entry';

export interface WordLists {
  readonly en: EnLexicon;
  readonly zh: ZhDictionary;
}

let loading: Promise<WordLists> | null = null;

/**
 * The word lists ship inside the app (resources/ime, see its README) and are
 * loaded the first time a keyboard opens, so first paint never waits for
 * about a megabyte of words. A failed load is tried again next time.
 */
export function loadWordLists(): Promise<WordLists> {
  loading ??= Promise.all([
    import('../../../resources/ime/en-words.tsv?raw'),
    import('../../../resources/ime/zh-words.tsv?raw'),
  ]).then(([en, zh]) => ({ en: parseEnLexicon(en.default), zh: parseZhDictionary(zh.default) }));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
