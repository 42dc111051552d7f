/**
 * F6 / Shift+F6: move focus from landmark to landmark, as browsers and
 * desktop apps do between panes. Landmarks are found on the live page, so a
 * screen's regions are cycled without the screen declaring anything.
 */

const landmarkSelector = [
  '[role="banner"]',
  '[role="navigation"]',
  '[role="main"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  'header',
  'nav',
  'main',
  'aside',
  'footer',
].join(',');

/** header and footer are banner / contentinfo only at the top level, not inside a section or article. */
const sectioning =
  'article, aside, main, nav, section, [role="article"], [role="complementary"], [role="main"], [role="navigation"], [role="region"]';

const tabbableSelector = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[tabindex]',
  '[contenteditable=""]',
  '[contenteditable="true"]',
].join(',');

function isLandmark(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role !== null) return ['banner', 'navigation', 'main', 'complementary', 'contentinfo'].includes(role);
  const tag = el.tagName.toLowerCase();
  if (tag === 'header' || tag === 'footer') return el.parentElement?.closest(sectioning) == null;
  return true;
}

function isShown(el: Element): boolean {
  if (el.closest('[inert], [hidden], [aria-hidden="true"]')) return false;
  if (!(el instanceof HTMLElement)) return false;
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** Landmarks a user can move into now, in document order; nested ones count once, by their outermost. */
export function findRegions(root: ParentNode = document): HTMLElement[] {
  const all = [...root.querySelectorAll<HTMLElement>(landmarkSelector)].filter(
    (el) => isLandmark(el) && isShown(el),
  );
  return all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
}

function isTabbable(el: HTMLElement): boolean {
  if (el.tabIndex < 0) return false;
  if (el.matches(':disabled')) return false;
  return isShown(el);
}

/** Every element Tab stops on inside `root`, in document order (positive tabindex is not used in Wings). */
export function tabbableElements(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(tabbableSelector)].filter(isTabbable);
}

/** The first place Tab would stop in the region, else the region itself. */
export function focusRegion(region: HTMLElement): void {
  if (region.hasAttribute('tabindex')) {
    region.focus();
    return;
  }
  const first = tabbableElements(region)[0];
  if (first) {
    first.focus();
    return;
  }
  // Nothing inside takes focus: the region itself does, out of the Tab order.
  region.tabIndex = -1;
  region.focus();
}

/** Moves focus to the next (1) or previous (-1) region, wrapping; returns the region, or null if there is none. */
export function cycleRegion(direction: 1 | -1, root: ParentNode = document): HTMLElement | null {
  const regions = findRegions(root);
  if (regions.length === 0) return null;
  const active = document.activeElement;
  const current = regions.findIndex((r) => active !== null && r.contains(active));
  const next =
    current === -1
      ? direction === 1
        ? 0
        : regions.length - 1
      : (current + direction + regions.length) % regions.length;
  const region = regions[next];
  if (!region) return null;
  focusRegion(region);
  return region;
}
