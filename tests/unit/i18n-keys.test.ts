import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/protocol';
import { createI18n, languages, namespaces, pickLanguage, resources } from '../../shared/i18n';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as `a.b.c` → value, so nested groups are compared key by key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Interpolations and <tags> must match, or a translation would drop a value or break markup. */
const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}|<\/?(\w+)>/g)].map((m) => m[0].replace(/\s/g, '')).sort();

describe('locales', () => {
  it('bundles every namespace file that exists on disk, and nothing else', () => {
    const localesDir = fileURLToPath(new URL('../../shared/i18n/locales/', import.meta.url));
    expect(readdirSync(localesDir).sort()).toEqual([...languages].sort());
    for (const lng of languages) {
      const files = readdirSync(join(localesDir, lng)).sort();
      expect(files).toEqual(namespaces.map((ns) => `${ns}.json`).sort());
    }
  });

  for (const ns of namespaces) {
    it(`${ns}: zh-CN and en hold exactly the same keys, none empty, same placeholders`, () => {
      const en = flatten(resources.en[ns] as Tree);
      const zh = flatten(resources['zh-CN'][ns] as Tree);
      expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, value] of [...en, ...zh]) expect(value.trim(), `${ns}:${key}`).not.toBe('');
      for (const [key, value] of en)
        expect(placeholders(zh.get(key) ?? ''), key).toEqual(placeholders(value));
    });
  }

  it('translates every error code the hub or host can answer with', () => {
    for (const lng of languages) {
      expect(Object.keys(resources[lng].errors.codes).sort()).toEqual([...errorCodes].sort());
    }
  });

  it('resolves a key in each language without falling back', () => {
    expect(createI18n('en').t('auth:username')).toBe('Username');
    expect(createI18n('zh-CN').t('auth:username')).toBe('用户名');
    expect(createI18n('zh-CN').t('auth:submit')).toBe('登录');
  });
});

describe('pickLanguage', () => {
  it('lets ?lng= win, then the saved setting, then the browser', () => {
    expect(pickLanguage({ query: 'en', saved: 'zh-CN', preferred: ['zh-CN'] })).toBe('en');
    expect(pickLanguage({ query: 'zh-TW', saved: 'en' })).toBe('zh-CN');
    expect(pickLanguage({ query: null, saved: 'zh-CN', preferred: ['en-US'] })).toBe('zh-CN');
    expect(pickLanguage({ saved: null, preferred: ['zh-Hans-CN', 'en'] })).toBe('zh-CN');
    expect(pickLanguage({ saved: null, preferred: ['de-DE', 'zh-CN'] })).toBe('en');
    expect(pickLanguage({})).toBe('en');
  });
});
