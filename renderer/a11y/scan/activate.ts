/** Elements whose activation moves no focus: the on-screen keyboard types into the field that has it. */
export const keepFocusAttribute = 'data-scan-keep-focus';

export type TextTarget = HTMLInputElement | HTMLTextAreaElement;

/** Input types that take typed text; the rest (checkbox, date, range…) are operated by a click. */
const textTypes = new Set(['text', 'password', 'search', 'email', 'url', 'tel', 'number', '']);

export function isTextTarget(el: Element): el is TextTarget {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly;
  return el instanceof HTMLInputElement && textTypes.has(el.type) && !el.readOnly;
}

export type Activation = { kind: 'text'; target: TextTarget } | { kind: 'select'; target: HTMLSelectElement };

/**
 * Does what a press on the control would do. Text fields and selects need a
 * panel (keyboard or option list) that the caller opens with the result.
 */
export function activateElement(el: HTMLElement): Activation | null {
  if (el.closest(`[${keepFocusAttribute}]`)) {
    el.click();
    return null;
  }
  el.focus({ preventScroll: false });
  if (isTextTarget(el)) return { kind: 'text', target: el };
  if (el instanceof HTMLSelectElement) return { kind: 'select', target: el };
  el.click();
  return null;
}

/** Picks an option the way a user does: the change event React listens to follows. */
export function chooseOption(select: HTMLSelectElement, index: number): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'selectedIndex')?.set;
  setter?.call(select, index);
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
