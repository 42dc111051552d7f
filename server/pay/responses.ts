import { mulDivRound } from '../../shared/domain/pay/rounding';

/**
 * First-response times as the output summary stores them: every value of a
 * worker's day (or month), in whole milliseconds, ascending, packed as the
 * first value (zigzag, for a reply stamped before its ticket) and then each
 * gap to the next, as LEB128 varints. A median cannot be summed from
 * medians, so the report merges these lists and takes the exact median of
 * the whole range; gaps between sorted times are small (often zero), so a
 * year of a big organisation stays a few bytes a ticket. Arithmetic, not
 * bit operations: values may pass 2^31 (integers stay exact to 2^53).
 */

function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 128) {
    out.push((v % 128) + 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

export function packResponses(values: ArrayLike<number>): Buffer {
  const sorted = Float64Array.from(values).sort();
  const bytes: number[] = [];
  let previous = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] ?? 0;
    if (!Number.isSafeInteger(2 * v))
      throw new RangeError('a first response is a whole number of milliseconds');
    writeVarint(bytes, i === 0 ? (v < 0 ? -2 * v - 1 : 2 * v) : v - previous);
    previous = v;
  }
  return Buffer.from(bytes);
}

export function unpackResponses(packed: Uint8Array): Float64Array {
  let n = 0;
  for (const b of packed) if (b < 128) n++;
  const out = new Float64Array(n);
  let value = 0;
  let scale = 1;
  let previous = 0;
  let i = 0;
  for (const b of packed) {
    value += (b % 128) * scale;
    if (b >= 128) {
      scale *= 128;
      continue;
    }
    const v = i === 0 ? (value % 2 === 1 ? -(value + 1) / 2 : value / 2) : previous + value;
    out[i++] = v;
    previous = v;
    value = 0;
    scale = 1;
  }
  return out;
}

/** Several lists as one (order not kept: the median does not need it). */
export function concatResponses(lists: readonly Float64Array[]): Float64Array {
  let n = 0;
  for (const l of lists) n += l.length;
  const out = new Float64Array(n);
  let at = 0;
  for (const l of lists) {
    out.set(l, at);
    at += l.length;
  }
  return out;
}

/** Rearranges `a` so that a[k] is its k-th smallest, smaller ones before it, larger after (Hoare's select). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] ?? 0;
}

/**
 * The median, as SQLite's `median()` gives it (the middle one, or the mean
 * of the middle two), rounded half up to a whole millisecond; null for none.
 * Reorders `values` (linear time, no sort).
 */
export function medianOf(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const upper = select(values, n >>> 1);
  if (n % 2 === 1) return upper;
  // Everything before the upper middle is no larger than it: the lower middle is their largest.
  let lower = -Infinity;
  for (let i = 0; i < n >>> 1; i++) lower = Math.max(lower, values[i] ?? -Infinity);
  return mulDivRound(lower + upper, 1, 2);
}
