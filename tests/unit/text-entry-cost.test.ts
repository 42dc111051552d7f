import { describe, expect, it } from 'vitest';
import {
  KeyboardSession,
  figures,
  keyCosts,
  type KeyboardView,
} from '../../shared/a11y/text-entry/entry-cost';
import { initialEntryState } from '../../shared/a11y/text-entry/entry-state';
import { withSuggestions, type KeyboardLayout, type LayoutKey } from '../../shared/a11y/text-entry/layouts';
import { typeLatin, typePinyin } from '../../shared/a11y/text-entry/typist';

const key = (c: string): LayoutKey => ({ id: c, label: c, action: { type: 'char', char: c } });
const space: LayoutKey = { id: 'space', labelKey: 'keyboard.keys.space', action: { type: 'space' } };

/** Row 0: suggestions. Row 1: a b. Row 2: space c (c costs 3 + 2). */
const toy: KeyboardLayout = {
  id: 'toy',
  mode: 'latin',
  rows: [
    { id: 'suggestions', keys: [] },
    { id: 'one', keys: [key('a'), key('b')] },
    { id: 'two', keys: [space, key('c')] },
  ],
};

describe('scan cost of keys', () => {
  it('charges row then key highlights, and a level for each', () => {
    const costs = keyCosts(toy.rows);
    // The empty suggestion row is no choice at all: rows are "one" (1) and "two" (2).
    expect(Object.fromEntries(costs)).toEqual({
      'one/a': { highlights: 2, levels: 2 },
      'one/b': { highlights: 3, levels: 2 },
      'two/space': { highlights: 3, levels: 2 },
      'two/c': { highlights: 4, levels: 2 },
    });
    const rows = withSuggestions(toy, ['abc'], false);
    // A one-cell row is the cell itself: one highlight, one press.
    expect(keyCosts(rows).get('suggestions/suggestion-0')).toEqual({ highlights: 1, levels: 1 });
    expect(keyCosts(rows).get('one/a')).toEqual({ highlights: 3, levels: 2 });
  });

  it('turns a tally into presses and seconds for one and two switches', () => {
    const f = figures(
      { selections: 2, highlights: 5, levels: 4 },
      { intervalMs: 1000, firstItemDelayMs: 500, msPerPress: 1000 },
    );
    expect(f.one).toEqual({ presses: 4, seconds: 5 + 2 });
    expect(f.two).toEqual({ presses: 5, seconds: 5 });
  });
});

describe('simulated typist', () => {
  const plain = (): KeyboardView => ({ rows: toy.rows, suggestions: [] });

  it('types letter by letter when nothing is suggested', () => {
    const session = new KeyboardSession(initialEntryState('latin', false), plain);
    expect(typeLatin(session, 'ab c')).toBe(true);
    expect(session.field).toBe('ab c');
    expect(session.tally).toEqual({ selections: 4, highlights: 2 + 3 + 3 + 4, levels: 8 });
  });

  it('takes a suggestion that writes the next word, and says when a message cannot be typed', () => {
    const suggesting = (_: unknown, before: string): KeyboardView => {
      const suggestions = before === 'a' ? [{ text: 'abc', consumed: 1, kind: 'word' as const }] : [];
      return {
        rows: withSuggestions(
          toy,
          suggestions.map((s) => s.text),
          false,
        ),
        suggestions,
      };
    };
    const session = new KeyboardSession(initialEntryState('latin', false), suggesting);
    expect(typeLatin(session, 'abc')).toBe(true);
    expect(session.field).toBe('abc ');
    // a (2 highlights, 2 levels), then the lone suggestion (1, 1).
    expect(session.tally).toEqual({ selections: 2, highlights: 3, levels: 3 });
    expect(session.chosen).toEqual(['abc']);
    expect(typeLatin(new KeyboardSession(initialEntryState('latin', false), plain), 'abz')).toBe(false);
  });

  it('spells initials in pinyin mode and takes the candidate that writes the word', () => {
    const pinyinToy: KeyboardLayout = {
      id: 'pinyinToy',
      mode: 'pinyin',
      rows: [
        { id: 'suggestions', keys: [] },
        { id: 'letters', keys: [key('n'), key('h'), key('i'), key('a'), key('o')] },
        {
          id: 'edit',
          keys: [{ id: 'clear', labelKey: 'keyboard.keys.clear', action: { type: 'clear' } }, key('x')],
        },
      ],
    };
    const render = (state: { composition: string }): KeyboardView => {
      const suggestions =
        state.composition === 'nh' ? [{ text: '你好', consumed: 2, kind: 'word' as const }] : [];
      return {
        rows: withSuggestions(
          pinyinToy,
          suggestions.map((s) => s.text),
          false,
        ),
        suggestions,
      };
    };
    const session = new KeyboardSession(initialEntryState('pinyin'), render);
    expect(typePinyin(session, '你好', ['ni', 'hao'])).toBe(true);
    expect(session.tally).toEqual({ selections: 3, highlights: 2 + 3 + 1, levels: 5 });
    // Nothing ever offers 坏: initials, full spelling and paging all fail, and the typist says so.
    expect(typePinyin(new KeyboardSession(initialEntryState('pinyin'), render), '坏', ['huai'])).toBe(false);
  });
});
