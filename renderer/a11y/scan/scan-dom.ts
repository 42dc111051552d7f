import type { ScanNode, ScanNodeKind } from '../../../shared/a11y/scan-tree';

/**
 * Reads the scan tree off the live page, following ARCHITECTURE.md: landmarks
 * are regions, composite widgets and fieldsets are groups, enabled focusable
 * controls are items. Nothing here knows about any screen: a page that is
 * right for the keyboard and a screen reader is scannable as it is.
 */

export const scanIdAttribute = 'data-scan-id';
/** Marks scanning's own chrome (the highlight overlay): never scanned, never observed. */
export const scanIgnoreAttribute = 'data-scan-ignore';
/** A panel that, while open, is the only thing scanned (the on-screen keyboard). */
export const scanModalAttribute = 'data-scan-modal';
/**
 * Set to "true" on a control while it waits for "the next key" (assigning a
 * switch key): that key is the control's, switch keys included, so scanning
 * lets key-downs pass until the capture ends (after one key, or Escape).
 */
export const keyCaptureAttribute = 'data-wings-key-capture';

export function keyCaptureActive(doc: Document): boolean {
  return doc.querySelector(`[${keyCaptureAttribute}="true"]`) !== null;
}

/** Roles the walker names when the page gives a container no name of its own. */
export type ContainerRole =
  | 'banner'
  | 'navigation'
  | 'main'
  | 'complementary'
  | 'contentinfo'
  | 'form'
  | 'region'
  | 'dialog'
  | 'group'
  | 'list'
  | 'toolbar'
  | 'grid'
  | 'tablist'
  | 'radiogroup'
  | 'listbox'
  | 'menu';

export interface WalkOptions {
  /** A translated word for an unnamed container, e.g. "Navigation". */
  roleName: (role: ContainerRole) => string;
}

const ids = new WeakMap<Element, string>();
let counter = 0;

/**
 * One id per element for its whole life, so the scanner keeps the user's place
 * across re-renders; the attribute lets the overlay and tests find it again.
 */
export function scanIdOf(el: Element): string {
  let id = ids.get(el);
  if (id === undefined) {
    counter += 1;
    id = `s${counter}`;
    ids.set(el, id);
  }
  if (el.getAttribute(scanIdAttribute) !== id) el.setAttribute(scanIdAttribute, id);
  return id;
}

export function elementForScanId(doc: Document, id: string): HTMLElement | null {
  const el = doc.querySelector(`[${scanIdAttribute}="${CSS.escape(id)}"]`);
  return el instanceof HTMLElement ? el : null;
}

const landmarkRoles = new Set<ContainerRole>([
  'banner',
  'navigation',
  'main',
  'complementary',
  'contentinfo',
  'form',
  'region',
  'dialog',
]);
const groupRoles = new Set<ContainerRole>([
  'group',
  'list',
  'toolbar',
  'grid',
  'tablist',
  'radiogroup',
  'listbox',
  'menu',
]);
const itemRoles = new Set([
  'button',
  'link',
  'checkbox',
  'radio',
  'tab',
  'option',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'switch',
  'textbox',
  'searchbox',
  'combobox',
  'slider',
  'spinbutton',
  'treeitem',
]);
const nativeControls = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary';
/** Landmarks and containers need a name to be regions; these only count with one. */
const namedOnly = new Set<ContainerRole>(['form', 'region']);
const sectioning = 'article, aside, main, nav, section';

/** The element's role as assistive technology sees it, for the roles the walker cares about. */
export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit;
  switch (el.localName) {
    case 'header':
      return el.parentElement?.closest(sectioning) ? null : 'banner';
    case 'footer':
      return el.parentElement?.closest(sectioning) ? null : 'contentinfo';
    case 'nav':
      return 'navigation';
    case 'main':
      return 'main';
    case 'aside':
      return 'complementary';
    case 'form':
      return 'form';
    case 'section':
      return 'region';
    case 'dialog':
      return 'dialog';
    case 'fieldset':
      return 'group';
    case 'ul':
    case 'ol':
      return 'list';
    default:
      return null;
  }
}

function isContainerRole(role: string | null): role is ContainerRole {
  return role !== null && (landmarkRoles.has(role as ContainerRole) || groupRoles.has(role as ContainerRole));
}

/** Hidden from everyone: the subtree is skipped whole. */
function hiddenSubtree(el: Element): boolean {
  if (el.hasAttribute(scanIgnoreAttribute) || el.hasAttribute('inert')) return true;
  if (el instanceof HTMLElement && el.hidden) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (typeof el.checkVisibility !== 'function' || el.checkVisibility()) return false;
  // display: contents has no box of its own, yet its children are on screen.
  return getComputedStyle(el).display !== 'contents';
}

function isDisabled(el: Element): boolean {
  if (el.matches(':disabled')) return true;
  return el.closest('[aria-disabled="true"]') !== null;
}

/** Structure roles that take focus only to be scrolled or read, never to be operated. */
const readOnlyRoles = new Set([
  'log',
  'status',
  'alert',
  'region',
  'main',
  'article',
  'document',
  'feed',
  'note',
  'heading',
  'img',
  'presentation',
  'none',
  'tabpanel',
]);

/** Whether the element scrolls its overflow (or clips it, which scrollIntoView still scrolls). */
export function clipsOverflow(el: Element): boolean {
  const style = getComputedStyle(el);
  return [style.overflowX, style.overflowY].some((o) => o !== 'visible' && o !== 'clip');
}

/** The nearest ancestor that scrolls el, or null for the document itself. */
export function scrollParent(el: Element): Element | null {
  const doc = el.ownerDocument;
  for (
    let up = el.parentElement;
    up !== null && up !== doc.body && up !== doc.documentElement;
    up = up.parentElement
  )
    if (clipsOverflow(up)) return up;
  return null;
}

/**
 * Placed where no scrolling can bring it into view (a skip link parked above
 * the page until it has focus) or shrunk to a dot: a switch user cannot see
 * the highlight on it, and keyboard paths to it do not need scanning. Merely
 * scrolled out of its pane is not that: scanning scrolls it back.
 */
function offPage(el: Element): boolean {
  const box = el.getBoundingClientRect();
  if (box.width < 2 || box.height < 2) return true;
  // Each box is checked against the start of what scrolls it, up to the document.
  let inner: Element = el;
  let rect = box;
  for (;;) {
    const outer = scrollParent(inner);
    if (outer === null) {
      const view = el.ownerDocument.defaultView;
      return rect.bottom + (view?.scrollY ?? 0) <= 0 || rect.right + (view?.scrollX ?? 0) <= 0;
    }
    const frame = outer.getBoundingClientRect();
    const top = frame.top + outer.clientTop - outer.scrollTop;
    const left = frame.left + outer.clientLeft - outer.scrollLeft;
    if (rect.bottom <= top || rect.right <= left) return true;
    inner = outer;
    rect = frame;
  }
}

export function isScanItem(el: Element): boolean {
  if (isDisabled(el) || !isControl(el)) return false;
  // Style and layout reads last: they cost the most, and most elements walked are no control at all.
  return getComputedStyle(el).visibility === 'visible' && !offPage(el);
}

function isControl(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role !== null && itemRoles.has(role)) return true;
  // A cell is the control only when it takes focus itself; otherwise its button is.
  if (role === 'gridcell')
    return el.hasAttribute('tabindex') && el.querySelector(`${nativeControls}, [tabindex]`) === null;
  if (el.matches(nativeControls)) return true;
  if (el.matches('[contenteditable=""], [contenteditable="true"]')) return true;
  const tabIndex = el.getAttribute('tabindex');
  if (tabIndex === null || Number(tabIndex) < 0) return false;
  return role === null || !readOnlyRoles.has(role);
}

function textOf(el: Element): string {
  const text = el instanceof HTMLElement ? el.innerText : (el.textContent ?? '');
  return text.replace(/\s+/g, ' ').trim();
}

/** The accessible name, by the common steps of accname: labelledby, label, own label, content, title. */
export function accessibleName(el: Element): string {
  const doc = el.ownerDocument;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => doc.getElementById(id))
      .filter((ref): ref is HTMLElement => ref !== null)
      .map(textOf)
      .join(' ')
      .trim();
    if (text) return text;
  }
  const ariaLabel = el.getAttribute('aria-label')?.trim();
  if (ariaLabel) return ariaLabel;
  if (
    el instanceof HTMLInputElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLButtonElement
  ) {
    const labels = Array.from(el.labels ?? [])
      .map(textOf)
      .join(' ')
      .trim();
    if (labels) return labels;
  }
  if (el instanceof HTMLFieldSetElement) {
    const legend = el.querySelector(':scope > legend');
    if (legend) return textOf(legend);
  }
  if (el instanceof HTMLInputElement && ['submit', 'button', 'reset'].includes(el.type) && el.value)
    return el.value;
  const role = roleOf(el);
  if (!isContainerRole(role) && !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
    const content = textOf(el) || imageAlt(el);
    if (content) return content;
  }
  const title = el.getAttribute('title')?.trim();
  if (title) return title;
  const placeholder = el.getAttribute('placeholder')?.trim();
  return placeholder ?? '';
}

function imageAlt(el: Element): string {
  return (
    Array.from(el.querySelectorAll('img[alt], svg[aria-label]'))
      .map((img) => img.getAttribute('alt') ?? img.getAttribute('aria-label') ?? '')
      .join(' ')
      .trim() ?? ''
  );
}

/** The open panel that takes scanning over, last opened first; null when the whole page is scanned. */
export function modalRoot(doc: Document): Element | null {
  const candidates = Array.from(
    doc.querySelectorAll(
      `[${scanModalAttribute}], dialog[open], [role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]`,
    ),
  ).filter((el) => {
    if (el instanceof HTMLDialogElement && !el.matches(':modal') && !el.hasAttribute(scanModalAttribute))
      return false;
    return !hiddenSubtree(el) && el.closest('[aria-hidden="true"], [inert]') === null;
  });
  return candidates.at(-1) ?? null;
}

/** The whole tree for the page as it is now; the root's id is fixed so the engine can tell it apart. */
export function buildScanTree(doc: Document, options: WalkOptions): ScanNode {
  const root = modalRoot(doc) ?? doc.body;
  return { id: 'root', kind: 'region', label: '', children: walkChildren(root, options) };
}

function walkChildren(parent: Element, options: WalkOptions): ScanNode[] {
  const out: ScanNode[] = [];
  for (const child of Array.from(parent.children)) out.push(...walk(child, options));
  return out;
}

function walk(el: Element, options: WalkOptions): ScanNode[] {
  if (hiddenSubtree(el)) return [];
  if (isScanItem(el)) return [{ id: scanIdOf(el), kind: 'item', label: accessibleName(el), children: [] }];
  const role = roleOf(el);
  const children = walkChildren(el, options);
  if (!isContainerRole(role) || children.length === 0) return children;
  const name = accessibleName(el);
  if (namedOnly.has(role) && name === '') return children;
  const kind: ScanNodeKind = landmarkRoles.has(role) ? 'region' : 'group';
  const node: ScanNode =
    name === ''
      ? { id: scanIdOf(el), kind, label: options.roleName(role), children, unnamed: true }
      : { id: scanIdOf(el), kind, label: name, children };
  return role === 'grid' ? [withRows(el, node)] : [node];
}

/**
 * Row-column scanning follows the grid's own rows, each named by its own
 * accessible name when it has one; a cell in no row is left for normalizeTree to place.
 */
function withRows(grid: Element, node: ScanNode): ScanNode {
  const rows: string[][] = [];
  const rowLabels: string[] = [];
  for (const row of Array.from(grid.querySelectorAll('[role="row"]'))) {
    if (row.closest('[role="grid"], [role="treegrid"]') !== grid) continue;
    const cells = node.children
      .filter((child) => {
        const el = elementForScanId(grid.ownerDocument, child.id);
        return el !== null && row.contains(el);
      })
      .map((c) => c.id);
    if (cells.length === 0) continue;
    rows.push(cells);
    rowLabels.push(rowName(row));
  }
  if (rows.length === 0) return node;
  return { ...node, grid: rowLabels.some((l) => l !== '') ? { rows, rowLabels } : { rows } };
}

/** A row's name only from aria-label(ledby): its content is the keys themselves, not a name. */
function rowName(row: Element): string {
  if (!row.hasAttribute('aria-label') && !row.hasAttribute('aria-labelledby')) return '';
  return accessibleName(row);
}
