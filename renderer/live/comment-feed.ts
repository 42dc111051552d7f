import type { LiveComment } from '../../shared/protocol/live';

/** Comments kept on screen: enough to read back, bounded at 20 a second. */
export const feedCap = 100;
/** With scanning on, the first scan group holds the newest this many. */
export const newestGroupSize = 5;

/**
 * Merges arrivals into the feed, newest first, each comment once (a push and
 * a catch-up read may both carry it), at most `cap` kept. Returns the same
 * array when nothing new came, so a memoised list does not re-render.
 */
export function mergeComments(
  feed: readonly LiveComment[],
  arrivals: readonly LiveComment[],
  cap = feedCap,
): readonly LiveComment[] {
  if (arrivals.length === 0) return feed;
  const seen = new Set(feed.map((c) => c.id));
  const fresh = arrivals.filter((c) => {
    if (seen.has(c.id)) return false;
    seen.add(c.id);
    return true;
  });
  if (fresh.length === 0) return feed;
  return [...fresh, ...feed].sort(newestFirst).slice(0, cap);
}

export function removeComment(feed: readonly LiveComment[], commentId: number): readonly LiveComment[] {
  return feed.some((c) => c.id === commentId) ? feed.filter((c) => c.id !== commentId) : feed;
}

function newestFirst(a: { createdAt: number; id: number }, b: { createdAt: number; id: number }): number {
  return b.createdAt - a.createdAt || b.id - a.id;
}

/** Orders use the same rule: newest first, each once, bounded. */
export function mergeById<T extends { id: number; createdAt: number }>(
  list: readonly T[],
  arrivals: readonly T[],
  cap = feedCap,
): readonly T[] {
  if (arrivals.length === 0) return list;
  const byId = new Map(list.map((item) => [item.id, item]));
  let changed = false;
  for (const item of arrivals) {
    if (byId.get(item.id) === item) continue;
    byId.set(item.id, item);
    changed = true;
  }
  return changed ? [...byId.values()].sort(newestFirst).slice(0, cap) : list;
}
