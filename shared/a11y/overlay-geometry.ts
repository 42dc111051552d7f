/**
 * Where scanning's overlay goes on screen: the ring's visible part, the
 * chip that names a group, the "Scanning paused" note. Pure geometry in
 * viewport pixels; the renderer measures the page and draws the answer.
 */

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
  return r.right > r.left && r.bottom > r.top ? r : null;
}

export function union(a: Rect, b: Rect): Rect {
  return {
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  };
}

export function inset(r: Rect, by: number): Rect {
  return { left: r.left + by, top: r.top + by, right: r.right - by, bottom: r.bottom - by };
}

const area = (r: Rect | null): number => (r === null ? 0 : (r.right - r.left) * (r.bottom - r.top));

/**
 * The ring around `box`, `gap` outside it, cut to what the worker can see of
 * it (`clip`: its scroll panes, its region and the window). null when none of
 * it is in view. A group half scrolled away gets a ring around the half shown,
 * and no ring ever reaches into the region next door.
 */
export function ringRect(box: Rect, gap: number, clip: Rect): Rect | null {
  return intersect(inset(box, -gap), clip);
}

export type ChipSide = 'above' | 'below' | 'right' | 'left' | 'inside';

export interface ChipPlacement {
  readonly left: number;
  readonly top: number;
  readonly side: ChipSide;
}

/**
 * Puts a group's name chip outside its ring: above it, else below (flipped
 * when the window ends first), else beside it, never over `avoid` (the
 * group's own title and the heading of the section it is in). Inside the
 * ring's lower corner only when no outside spot fits, since a group's title
 * is at its top.
 */
export function placeChip(ring: Rect, chip: Size, bounds: Rect, avoid: readonly Rect[]): ChipPlacement {
  const clampX = (x: number) => Math.max(bounds.left, Math.min(x, bounds.right - chip.width));
  const clampY = (y: number) => Math.max(bounds.top, Math.min(y, bounds.bottom - chip.height));
  const start = clampX(ring.left);
  const end = clampX(ring.right - chip.width);
  const candidates: ChipPlacement[] = [
    { side: 'above', left: start, top: ring.top - chip.height },
    { side: 'below', left: start, top: ring.bottom },
    { side: 'above', left: end, top: ring.top - chip.height },
    { side: 'below', left: end, top: ring.bottom },
    { side: 'right', left: ring.right, top: clampY(ring.top) },
    { side: 'left', left: ring.left - chip.width, top: clampY(ring.top) },
  ];
  const rectOf = (p: ChipPlacement): Rect => ({
    left: p.left,
    top: p.top,
    right: p.left + chip.width,
    bottom: p.top + chip.height,
  });
  const fits = (r: Rect) =>
    r.left >= bounds.left && r.top >= bounds.top && r.right <= bounds.right && r.bottom <= bounds.bottom;
  const covered = (r: Rect) => avoid.reduce((sum, a) => sum + area(intersect(r, a)), 0);
  const outside = candidates.filter((p) => {
    const r = rectOf(p);
    return fits(r) && intersect(r, ring) === null;
  });
  const clear = outside.find((p) => covered(rectOf(p)) === 0);
  if (clear !== undefined) return clear;
  const inside: ChipPlacement[] = [
    { side: 'inside', left: end, top: clampY(ring.bottom - chip.height) },
    { side: 'inside', left: start, top: clampY(ring.bottom - chip.height) },
  ];
  const insideClear = inside.find((p) => covered(rectOf(p)) === 0);
  if (insideClear !== undefined) return insideClear;
  const all = [...outside, ...inside];
  return all.reduce((best, p) => (covered(rectOf(p)) < covered(rectOf(best)) ? p : best));
}

/** Spots tried along each edge between its corners, when every corner holds a control. */
const edgeSteps = 8;

/**
 * A spot for a note of `size` (`margin` in from the window's edge) that
 * covers none of `controls`: a corner if one is free, else a free spot along
 * the bottom or top edge, then the sides (a window whose every corner holds
 * a control, such as an alert's buttons over one); the spot covering least
 * when none is free.
 */
export function placeNote(size: Size, view: Size, margin: number, controls: readonly Rect[]): Rect {
  const x0 = margin;
  const x1 = Math.max(x0, view.width - margin - size.width);
  const y0 = margin;
  const y1 = Math.max(y0, view.height - margin - size.height);
  const at = (left: number, top: number): Rect => ({
    left,
    top,
    right: left + size.width,
    bottom: top + size.height,
  });
  const corners = [at(x0, y1), at(x1, y1), at(x1, y0), at(x0, y0)];
  const between = (from: number, to: number) =>
    Array.from({ length: edgeSteps - 1 }, (_, i) => Math.round(from + ((to - from) * (i + 1)) / edgeSteps));
  const edges = [
    ...between(x0, x1).map((x) => at(x, y1)),
    ...between(x0, x1).map((x) => at(x, y0)),
    ...between(y0, y1).map((y) => at(x1, y)),
    ...between(y0, y1).map((y) => at(x0, y)),
  ];
  const covered = (r: Rect) => controls.reduce((sum, c) => sum + area(intersect(r, c)), 0);
  const spots = [...corners, ...edges];
  const free = spots.find((r) => covered(r) === 0);
  if (free !== undefined) return free;
  return spots.reduce((best, r) => (covered(r) < covered(best) ? r : best));
}
