import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyKey } from '../../shared/a11y/text-entry/entry-state';
import { latinLayout } from '../../shared/a11y/text-entry/layouts';

describe('on-screen keyboard layout', () => {
  it('offers every letter, every digit and the password punctuation exactly once, ten keys a row at most', () => {
    const keys = latinLayout.rows.flatMap((row) => row.keys.flatMap((k) => (k.label ? [k.label] : [])));
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789-.@_') expect(keys).toContain(c);
    for (const row of latinLayout.rows) expect(row.keys.length).toBeLessThanOrEqual(10);
  });
});

describe('applyKey', () => {
  it('inserts at the caret and moves the caret after the insertion', () => {
    expect(applyKey({ value: 'agnt', start: 2, end: 2 }, { type: 'char', char: 'e' })).toEqual({
      value: 'agent',
      caret: 3,
    });
  });

  it('replaces a selection', () => {
    expect(applyKey({ value: 'hello world', start: 6, end: 11 }, { type: 'char', char: 'x' })).toEqual({
      value: 'hello x',
      caret: 7,
    });
  });

  it('appends when the field reports no caret (email and number inputs)', () => {
    expect(applyKey({ value: 'a@b', start: null, end: null }, { type: 'char', char: 'c' })).toEqual({
      value: 'a@bc',
      caret: 4,
    });
  });

  it('deletes the character before the caret, a whole emoji at once, and nothing at the start', () => {
    expect(applyKey({ value: 'abc', start: 2, end: 2 }, { type: 'backspace' })).toEqual({
      value: 'ac',
      caret: 1,
    });
    expect(applyKey({ value: 'ok👍', start: 4, end: 4 }, { type: 'backspace' })).toEqual({
      value: 'ok',
      caret: 2,
    });
    expect(applyKey({ value: 'abc', start: 0, end: 0 }, { type: 'backspace' })).toEqual({
      value: 'abc',
      caret: 0,
    });
    expect(applyKey({ value: 'abcdef', start: 1, end: 4 }, { type: 'backspace' })).toEqual({
      value: 'aef',
      caret: 1,
    });
  });

  it('space and newline are characters like any other', () => {
    expect(applyKey({ value: 'ab', start: 1, end: 1 }, { type: 'space' })).toEqual({
      value: 'a b',
      caret: 2,
    });
    expect(applyKey({ value: 'ab', start: 2, end: 2 }, { type: 'newline' })).toEqual({
      value: 'ab\n',
      caret: 3,
    });
  });

  it('a phrase lands as its own words, spaced from text on either side but never doubling a space', () => {
    const phrase = { type: 'text', text: 'Taking a break' } as const;
    expect(applyKey({ value: '', start: 0, end: 0 }, phrase)).toEqual({ value: 'Taking a break', caret: 14 });
    expect(applyKey({ value: 'Hi', start: 2, end: 2 }, phrase)).toEqual({
      value: 'Hi Taking a break',
      caret: 17,
    });
    expect(applyKey({ value: 'Hi ', start: 3, end: 3 }, phrase).value).toBe('Hi Taking a break');
    expect(applyKey({ value: 'Hi now', start: 2, end: 2 }, phrase).value).toBe('Hi Taking a break now');
    expect(applyKey({ value: 'Hi!', start: 2, end: 2 }, phrase).value).toBe('Hi Taking a break!');
  });

  it('keeps the text around the edit and puts the caret inside the value, for any value and selection', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), fc.constantFrom('x', ' ', '\n'), (value, a, b, char) => {
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        const edited = applyKey({ value, start, end }, { type: 'char', char });
        const s = Math.min(start, value.length);
        const e = Math.min(end, value.length);
        expect(edited.value).toBe(value.slice(0, s) + char + value.slice(e));
        expect(edited.caret).toBe(s + 1);
        const deleted = applyKey({ value, start, end }, { type: 'backspace' });
        expect(deleted.caret).toBeGreaterThanOrEqual(0);
        expect(deleted.caret).toBeLessThanOrEqual(deleted.value.length);
        expect(deleted.value.length).toBeLessThanOrEqual(value.length);
      }),
    );
  });
});
