import { describe, expect, it } from 'vitest';
import { initialsOf } from '../../shared/text/initials';

describe('initialsOf', () => {
  it('takes the first letters of the first and last word of a Latin-script name', () => {
    expect(initialsOf('Ana María López')).toBe('AL');
    expect(initialsOf('grace hopper')).toBe('GH');
    expect(initialsOf('Jean-Luc')).toBe('JL');
  });

  it('takes one letter from a one-word name', () => {
    expect(initialsOf('agent')).toBe('A');
    expect(initialsOf('Émile')).toBe('É');
  });

  it('shows the given name of a Chinese name, its last two characters', () => {
    expect(initialsOf('韦秀兰')).toBe('秀兰');
    expect(initialsOf('覃金凤')).toBe('金凤');
    expect(initialsOf('陈立')).toBe('陈立');
    expect(initialsOf('欧阳娜娜')).toBe('娜娜');
  });

  it('ignores punctuation and surrounding space, and never returns an empty string', () => {
    expect(initialsOf('  (Lee)  ')).toBe('L');
    expect(initialsOf('')).toBe('?');
    expect(initialsOf('—')).toBe('?');
  });
});
