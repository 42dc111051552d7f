import { describe, expect, it } from 'vitest';
import {
  describeBinding,
  displayStroke,
  toAriaKeyShortcuts,
} from '../../renderer/a11y/keyboard/format-binding';

describe('binding display', () => {
  it('shows punctuation and arrows as their symbols', () => {
    expect(displayStroke('Ctrl+Comma')).toBe('Ctrl+,');
    expect(displayStroke('Alt+ArrowUp')).toBe('Alt+↑');
    expect(displayStroke('F6')).toBe('F6');
  });

  it('joins the strokes of a sequence with the word for "then"', () => {
    expect(describeBinding('F8 1', 'then')).toBe('F8 then 1');
    expect(describeBinding('Ctrl+K', '然后')).toBe('Ctrl+K');
  });

  it('puts only chords into aria-keyshortcuts, with ARIA modifier names', () => {
    expect(toAriaKeyShortcuts(['Ctrl+K', 'F2'])).toBe('Control+K F2');
    expect(toAriaKeyShortcuts(['Ctrl+Shift+Slash', 'F8 1'])).toBe('Control+Shift+/');
    expect(toAriaKeyShortcuts(['F8 1'])).toBeUndefined();
  });
});
