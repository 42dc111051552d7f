import type { Edited, TextState } from '../../../shared/a11y/text-entry';
import type { TextTarget } from './activate';

/** Some input types (email, number) have no selection API and throw when asked. */
export function fieldState(el: TextTarget): TextState {
  try {
    return { value: el.value, start: el.selectionStart, end: el.selectionEnd };
  } catch {
    return { value: el.value, start: null, end: null };
  }
}

/** The text before the caret (or selection): what predictions continue. */
export function textBeforeCaret(el: TextTarget): string {
  const { value, start } = fieldState(el);
  return value.slice(0, start ?? value.length);
}

const valueSetter = (el: TextTarget) =>
  Object.getOwnPropertyDescriptor(
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype,
    'value',
  )?.set;

/**
 * Writes through the native value setter and an input event, the path a real
 * keystroke takes, so React's controlled state (and the draft) sees the change.
 */
export function applyEdit(el: TextTarget, edited: Edited): void {
  valueSetter(el)?.call(el, edited.value);
  try {
    el.setSelectionRange(edited.caret, edited.caret);
  } catch {
    // No caret on this input type: the value is all that matters.
  }
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
}
