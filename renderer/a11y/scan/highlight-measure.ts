import { inset, intersect, union, type Rect } from '../../../shared/a11y/overlay-geometry';
import { clipsOverflow, roleOf, scanModalAttribute } from './scan-dom';

/**
 * Reads from the page what the overlay geometry needs: the box of what is
 * highlighted, what of it can be seen, and the titles a chip must not cover.
 */

const toRect = (r: DOMRect): Rect => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });

/** A radio or checkbox is the whole option: the box and its label together. */
export function controlBox(el: Element): Rect {
  let box = toRect(el.getBoundingClientRect());
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
    for (const label of Array.from(el.labels ?? [])) box = union(box, toRect(label.getBoundingClientRect()));
  }
  return box;
}

export function boxOfAll(elements: readonly Element[]): Rect | null {
  return elements.reduce<Rect | null>((box, el) => {
    const r = controlBox(el);
    return box === null ? r : union(box, r);
  }, null);
}

const regionRoles = new Set(['banner', 'navigation', 'main', 'complementary', 'contentinfo', 'dialog']);

function isRegion(el: Element): boolean {
  const role = roleOf(el);
  return (role !== null && regionRoles.has(role)) || el.hasAttribute(scanModalAttribute);
}

/** The inside of a scroll pane: its box less borders and scroll bars. */
function paneOf(el: Element): Rect {
  const r = el.getBoundingClientRect();
  const left = r.left + el.clientLeft;
  const top = r.top + el.clientTop;
  return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
}

/**
 * What of the page around `el` can be seen: the window, cut by every pane
 * that scrolls it and by the region (landmark) it is in, `el` itself
 * included when `self` is set. The black outer band of the ring (2 px) is
 * kept inside too. null when nothing is left.
 */
export function visibleClip(el: Element, self: boolean): Rect | null {
  const view = el.ownerDocument.documentElement;
  let clip: Rect | null = { left: 0, top: 0, right: view.clientWidth, bottom: view.clientHeight };
  let regionSeen = false;
  for (
    let up: Element | null = self ? el : el.parentElement;
    up !== null && clip !== null;
    up = up.parentElement
  ) {
    if (up === el.ownerDocument.body || up === view) break;
    if (clipsOverflow(up)) clip = intersect(clip, paneOf(up));
    if (!regionSeen && clip !== null && isRegion(up)) {
      regionSeen = true;
      clip = intersect(clip, toRect(up.getBoundingClientRect()));
    }
  }
  return clip === null ? null : inset(clip, 2);
}

const titleSelector = ':scope > legend, :scope > :is(h1, h2, h3, h4, h5, h6, [role="heading"])';

/** The titles of `el` and of everything it is in: its legend, what labels it, its section's heading. */
export function titlesAround(el: Element): Rect[] {
  const doc = el.ownerDocument;
  const found = new Set<Element>();
  for (let up: Element | null = el; up !== null && up !== doc.body; up = up.parentElement) {
    for (const id of (up.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
      const ref = doc.getElementById(id);
      if (ref !== null) found.add(ref);
    }
    for (const title of Array.from(up.querySelectorAll(titleSelector))) found.add(title);
  }
  return [...found].map((t) => toRect(t.getBoundingClientRect())).filter((r) => r.right > r.left);
}
