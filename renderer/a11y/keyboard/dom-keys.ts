import { tabbableElements } from './region-cycle';

/**
 * What the app does with a key on the live page: is the user typing, and what
 * would the browser have done with a key the slow-keys filter held back.
 */

const nonTextInputs = new Set([
  'button',
  'checkbox',
  'radio',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/** Focus is where keys type text (or pick by type-ahead): character shortcuts must let them through. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !nonTextInputs.has(target.type);
  return false;
}

const enterActivates =
  'button, a[href], summary, [role="button"], [role="link"], [role="menuitem"], [role="tab"]';
const spaceActivates =
  'button, summary, input[type="checkbox"], input[type="radio"], input[type="button"], input[type="submit"], input[type="reset"], [role="button"], [role="checkbox"], [role="switch"], [role="radio"], [role="menuitem"], [role="tab"]';

export interface ReplayKey {
  readonly code: string;
  readonly key: string;
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
}

/**
 * Slow keys hold a key back until it has been down long enough; by then the
 * browser's own handling is gone. The key is sent again to the focused
 * element (`mark` lets the shortcut layer ignore it), and where nothing
 * handles it, the browser's default for the common keys is done by hand.
 */
export function replayKey(key: ReplayKey, mark: (event: KeyboardEvent) => void): void {
  const target = document.activeElement instanceof HTMLElement ? document.activeElement : document.body;
  const event = new KeyboardEvent('keydown', {
    key: key.key,
    code: key.code,
    ctrlKey: key.ctrl,
    altKey: key.alt,
    shiftKey: key.shift,
    metaKey: key.meta,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  mark(event);
  if (!target.dispatchEvent(event)) return;
  if (key.ctrl || key.alt || key.meta) return;
  if (key.code === 'Tab') {
    const all = tabbableElements(document);
    const at = all.indexOf(target);
    const next = key.shift ? all[at <= 0 ? all.length - 1 : at - 1] : all[(at + 1) % all.length];
    next?.focus();
  } else if ((key.code === 'Enter' || key.code === 'NumpadEnter') && target.matches(enterActivates)) {
    target.click();
  } else if (key.code === 'Space' && target.matches(spaceActivates)) {
    target.click();
  }
}
