import { describe, expect, it } from 'vitest';
import { initialEntryState, pressEntryKey } from '../../shared/a11y/text-entry/entry-state';
import {
  alphabeticalLayout,
  latinLayout,
  pinyinDigraphLayout,
  pinyinLayout,
  suggestionRowId,
  withSuggestions,
  type KeyboardLayout,
} from '../../shared/a11y/text-entry/layouts';

const place = (layout: KeyboardLayout) => {
  const at = new Map<string, number>();
  layout.rows.forEach((row, r) =>
    row.keys.forEach((key, c) => {
      if (key.action.type === 'char' || key.action.type === 'punct') at.set(key.action.char, r + c);
    }),
  );
  return at;
};

describe('scan-ordered layouts', () => {
  const layouts = [latinLayout, pinyinLayout, pinyinDigraphLayout, alphabeticalLayout];

  it('has short named rows, unique keys, and the suggestion row first', () => {
    for (const layout of layouts) {
      const ids = layout.rows.flatMap((row) => row.keys.map((k) => `${row.id}/${k.id}`));
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(layout.rows.map((r) => r.id)).size).toBe(layout.rows.length);
      for (const row of layout.rows) {
        expect(row.id).toMatch(/^[a-z][A-Za-z0-9]+$/);
        expect(row.keys.length).toBeLessThanOrEqual(10);
      }
    }
    for (const layout of [latinLayout, pinyinLayout, pinyinDigraphLayout])
      expect(layout.rows[0]?.id).toBe(suggestionRowId);
  });

  it('offers every letter once, and pinyin mode the Chinese punctuation', () => {
    for (const layout of [latinLayout, pinyinLayout]) {
      const chars = layout.rows.flatMap((r) =>
        r.keys.flatMap((k) => (k.action.type === 'char' || k.action.type === 'punct' ? [k.action.char] : [])),
      );
      for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789')
        expect(chars.filter((x) => x === c)).toHaveLength(1);
    }
    const zh = place(pinyinLayout);
    for (const c of '，。？！') expect(zh.has(c)).toBe(true);
    const modes = (l: KeyboardLayout) =>
      l.rows.flatMap((r) => r.keys).filter((k) => k.action.type === 'mode');
    expect(modes(latinLayout)[0]?.action).toEqual({ type: 'mode', mode: 'pinyin' });
    expect(modes(pinyinLayout)[0]?.action).toEqual({ type: 'mode', mode: 'latin' });
  });

  it('puts the more frequent letter no further from the corner (row + column)', () => {
    const latin = place(latinLayout);
    const english = 'etaoinshrdlcumwfgypbvkjxqz';
    for (let i = 1; i < english.length; i++)
      expect(latin.get(english[i - 1] ?? '') ?? 99, english.slice(i - 1, i + 1)).toBeLessThanOrEqual(
        latin.get(english[i] ?? '') ?? 0,
      );
    const zh = place(pinyinLayout);
    const pinyin = 'nizsghayjudxlcbeoqtwmfrkpv';
    for (let i = 1; i < pinyin.length; i++)
      expect(zh.get(pinyin[i - 1] ?? '') ?? 99, pinyin.slice(i - 1, i + 1)).toBeLessThanOrEqual(
        zh.get(pinyin[i] ?? '') ?? 0,
      );
  });

  it('fills the suggestion row, with More after a page that has a next one', () => {
    const rows = withSuggestions(pinyinLayout, ['你好', '您好'], true);
    expect(rows[0]?.keys.map((k) => k.label ?? k.labelKey)).toEqual(['你好', '您好', 'keyboard.keys.more']);
    expect(rows.slice(1)).toEqual(pinyinLayout.rows.slice(1));
    const many = withSuggestions(pinyinLayout, [...'一二三四五六七八九十'], true, 0, 8);
    expect(many.slice(0, 2).map((r) => [r.id, r.keys.length])).toEqual([
      ['suggestions', 8],
      ['suggestions2', 3],
    ]);
    expect(many[1]?.keys.at(-1)?.action).toEqual({ type: 'more' });
    expect(withSuggestions(pinyinLayout, [...'一二三四五六七八'], true, 0, 8)[0]?.keys).toHaveLength(9);
    const solo = withSuggestions(latinLayout, ['the', 'you', 'a'], false, 1);
    expect(solo.slice(0, 2).map((r) => r.keys.map((k) => k.label))).toEqual([['the'], ['you', 'a']]);
  });
});

describe('entry keys', () => {
  const field = (value: string) => ({ value, start: value.length, end: value.length });

  it('builds a composition in pinyin mode and commits what a candidate consumed', () => {
    let state = initialEntryState('pinyin');
    for (const c of 'nihaoma') state = pressEntryKey(state, field(''), { type: 'char', char: c }, []).state;
    expect(state.composition).toBe('nihaoma');
    const picked = pressEntryKey(state, field('亲，'), { type: 'suggestion', slot: 0 }, [
      { text: '你好', consumed: 5, kind: 'word' },
    ]);
    expect(picked.edit).toEqual({ value: '亲，你好', caret: 4 });
    expect(picked.state.composition).toBe('ma');
    expect(picked.chosen).toBe('你好');
    expect(pressEntryKey(picked.state, field(''), { type: 'backspace' }, []).state.composition).toBe('m');
    expect(pressEntryKey(picked.state, field(''), { type: 'clear' }, []).state.composition).toBe('');
  });

  it('replaces the half-typed word with a suggestion and a space; punctuation takes that space', () => {
    const latin = initialEntryState('latin');
    const s = [{ text: 'order', consumed: 3, kind: 'word' } as const];
    const done = pressEntryKey(latin, field('Your ord'), { type: 'suggestion', slot: 0 }, s);
    expect(done.edit?.value).toBe('Your order ');
    expect(pressEntryKey(latin, field('Your order '), { type: 'punct', char: ',' }, []).edit?.value).toBe(
      'Your order, ',
    );
    expect(pressEntryKey(latin, field(''), { type: 'char', char: 'h' }, []).edit?.value).toBe('H');
    expect(pressEntryKey(latin, field('Hi. '), { type: 'char', char: 'w' }, []).edit?.value).toBe('Hi. W');
    expect(pressEntryKey(latin, field('Hi w'), { type: 'char', char: 'e' }, []).edit?.value).toBe('Hi we');
    const password = initialEntryState('latin', false);
    expect(pressEntryKey(password, field(''), { type: 'char', char: 'h' }, []).edit?.value).toBe('h');
  });
});
