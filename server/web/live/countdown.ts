/** A flash sale's time left as the page shows it: mm:ss, never negative, whole seconds rounded up. */
export function secondsLeft(endsAt: number, now: number): number {
  return Math.max(0, Math.ceil((endsAt - now) / 1000));
}

export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return `${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/**
 * The moments a screen reader is told the time left: a countdown read every
 * second would drown the comments and the anchor, so only these.
 */
export const announceAt = [300, 60, 30, 10] as const;

/**
 * The threshold crossed going from `before` to `now` seconds left, if any
 * (the last one passed, so a page that slept says only the latest).
 */
export function crossedThreshold(before: number, now: number): number | null {
  let crossed: number | null = null;
  for (const mark of announceAt)
    if (before > mark && now <= mark) crossed = crossed === null ? mark : Math.min(crossed, mark);
  return crossed;
}
